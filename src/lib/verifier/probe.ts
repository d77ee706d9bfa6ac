import type { ModelRole } from './complete';
import { findModel, type Manifest, type ManifestModel, modelRoles } from './manifest';

/**
 * The capability probe's decision: given what the browser reports about WebGPU, the adapter,
 * memory and storage, which build each role can run, or why none can. Pure: the facts are
 * gathered by `probeBrowser.ts`.
 */

/** The adapter limits web-llm depends on. */
export type AdapterLimits = {
  readonly maxBufferSize: number;
  readonly maxStorageBufferBindingSize: number;
  readonly maxComputeWorkgroupStorageSize: number;
  readonly maxStorageBuffersPerShaderStage: number;
};

/** What `navigator.gpu.requestAdapter()` returned, as plain data. */
export type AdapterFacts = {
  readonly vendor: string;
  readonly architecture: string;
  readonly description: string;
  /** The browser marks a software or otherwise limited adapter as a fallback adapter. */
  readonly isFallbackAdapter: boolean;
  readonly features: readonly string[];
  readonly limits: AdapterLimits;
};

/** The WebGPU situation of this browser. */
export type GpuFacts =
  | { readonly webgpu: false }
  | { readonly webgpu: true; readonly adapter: null; readonly adapterError?: string }
  | { readonly webgpu: true; readonly adapter: AdapterFacts };

/** Everything the decision reads. */
export type ProbeFacts = {
  readonly gpu: GpuFacts;
  /** `navigator.deviceMemory` in GiB (rounded down to a power of two, capped by the browser). */
  readonly deviceMemoryGiB?: number;
  /** `navigator.storage.estimate()`. */
  readonly storage?: { readonly usage: number; readonly quota: number };
  /** Builds already in the browser's cache (they need no storage space). */
  readonly cached?: readonly string[];
};

/** Why a role cannot run locally. Every code has words in the i18n catalogues (`models.reason.*`). */
export type UnavailableReason =
  | { readonly code: 'noWebGPU' }
  | { readonly code: 'noAdapter'; readonly detail?: string }
  | {
      readonly code: 'limits';
      readonly limit: keyof AdapterLimits;
      readonly have: number;
      readonly need: number;
    }
  | { readonly code: 'shaderF16'; readonly model: string }
  | { readonly code: 'memory'; readonly model: string; readonly needMB: number; readonly haveGiB: number }
  | {
      readonly code: 'storage';
      readonly model: string;
      readonly needBytes: number;
      readonly freeBytes: number;
    }
  | { readonly code: 'noModel'; readonly model: string }
  | { readonly code: 'manifest'; readonly message: string }
  | { readonly code: 'setting'; readonly message: string };

/** A caution about a usable choice (shown beside it). */
export type ProbeNote =
  | { readonly code: 'software' }
  | { readonly code: 'f32Fallback'; readonly preferred: string }
  | { readonly code: 'memoryTight'; readonly needMB: number; readonly haveGiB: number };

/** What a role gets. */
export type RoleChoice =
  | {
      readonly available: true;
      readonly model: ManifestModel;
      readonly notes: readonly ProbeNote[];
    }
  | { readonly available: false; readonly reason: UnavailableReason };

/** A summary of the adapter, for the panel. */
export type AdapterSummary = {
  readonly label: string;
  readonly software: boolean;
  readonly shaderF16: boolean;
};

/** The probe's answer. */
export type ProbeResult = {
  readonly adapter?: AdapterSummary;
  readonly roles: Readonly<Record<ModelRole, RoleChoice>>;
};

/**
 * The minimum limits web-llm asks the adapter for (its `detectGPUDevice`): below these it cannot
 * create a device at all, whatever the model.
 */
export const requiredLimits: AdapterLimits = {
  maxBufferSize: 256 * 2 ** 20,
  maxStorageBufferBindingSize: 128 * 2 ** 20,
  maxComputeWorkgroupStorageSize: 32 * 2 ** 10,
  maxStorageBuffersPerShaderStage: 10,
};

const softwarePattern = /swiftshader|llvmpipe|lavapipe|softpipe|microsoft basic render|\bwarp\b|software/i;

/** Whether the adapter renders in software (SwiftShader, llvmpipe, WARP…). */
export function isSoftwareAdapter(adapter: AdapterFacts): boolean {
  return (
    adapter.isFallbackAdapter ||
    softwarePattern.test(`${adapter.vendor} ${adapter.architecture} ${adapter.description}`)
  );
}

/** `google · swiftshader`, or the description when the browser gives one. */
export function adapterLabel(adapter: AdapterFacts): string {
  if (adapter.description.trim()) return adapter.description.trim();
  return [adapter.vendor, adapter.architecture].filter((s) => s.trim()).join(' · ') || 'unknown adapter';
}

function limitShortfall(limits: AdapterLimits): UnavailableReason | undefined {
  for (const limit of Object.keys(requiredLimits) as (keyof AdapterLimits)[]) {
    const need = requiredLimits[limit];
    if (!(limits[limit] >= need)) return { code: 'limits', limit, have: limits[limit], need };
  }
  return undefined;
}

/**
 * Whether one build can run here. The memory rule is a heuristic: WebGPU does not say how much
 * GPU memory there is, so the build's VRAM figure is compared with `navigator.deviceMemory`, the
 * machine's memory as the browser reports it (rounded down, capped). A build that needs more than
 * the whole machine reports will not load on an integrated GPU, which shares that memory, and is
 * refused; a build that needs more than half of it gets a caution. A real load is the only proof.
 */
function check(
  model: ManifestModel,
  adapter: AdapterFacts,
  facts: ProbeFacts,
): UnavailableReason | ProbeNote[] {
  for (const feature of model.requiredFeatures)
    if (!adapter.features.includes(feature)) return { code: 'shaderF16', model: model.id };
  const notes: ProbeNote[] = [];
  const memory = facts.deviceMemoryGiB;
  if (memory !== undefined && memory > 0) {
    if (model.vramMB > memory * 1024)
      return { code: 'memory', model: model.id, needMB: model.vramMB, haveGiB: memory };
    if (model.vramMB > memory * 512)
      notes.push({ code: 'memoryTight', needMB: model.vramMB, haveGiB: memory });
  }
  const storage = facts.storage;
  if (model.downloadBytes !== undefined && storage && !facts.cached?.includes(model.id)) {
    const freeBytes = Math.max(0, storage.quota - storage.usage);
    if (model.downloadBytes > freeBytes)
      return { code: 'storage', model: model.id, needBytes: model.downloadBytes, freeBytes };
  }
  return notes;
}

/** The builds a role tries, best first: the user's choice (if the manifest has it), preferred, fallback. */
export function candidates(manifest: Manifest, role: ModelRole, choice?: string): readonly string[] {
  const { preferred, fallback } = manifest.roles[role];
  const ids = [choice, preferred, fallback].filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}

/** Decides, for each role, the build to run or why none can run. */
export function decide(
  manifest: Manifest,
  facts: ProbeFacts,
  choices: Partial<Record<ModelRole, string>> = {},
): ProbeResult {
  const gpu = facts.gpu;
  const none = (reason: UnavailableReason): ProbeResult => ({
    roles: { nano: { available: false, reason }, verifier: { available: false, reason } },
  });
  if (!gpu.webgpu) return none({ code: 'noWebGPU' });
  if (gpu.adapter === null)
    return none(gpu.adapterError ? { code: 'noAdapter', detail: gpu.adapterError } : { code: 'noAdapter' });
  const adapter = gpu.adapter;
  const summary: AdapterSummary = {
    label: adapterLabel(adapter),
    software: isSoftwareAdapter(adapter),
    shaderF16: adapter.features.includes('shader-f16'),
  };
  const shortfall = limitShortfall(adapter.limits);
  if (shortfall) return { adapter: summary, ...none(shortfall) };

  const roles = {} as Record<ModelRole, RoleChoice>;
  for (const role of modelRoles) {
    let last: UnavailableReason = { code: 'noModel', model: manifest.roles[role].preferred };
    let skippedF16: string | undefined;
    let chosen: RoleChoice | undefined;
    for (const id of candidates(manifest, role, choices[role])) {
      const model = findModel(manifest, id);
      if (!model) {
        last = { code: 'noModel', model: id };
        continue;
      }
      const outcome = check(model, adapter, facts);
      if (!Array.isArray(outcome)) {
        last = outcome;
        if (outcome.code === 'shaderF16') skippedF16 ??= id;
        continue;
      }
      const notes: ProbeNote[] = [];
      if (summary.software) notes.push({ code: 'software' });
      if (skippedF16) notes.push({ code: 'f32Fallback', preferred: skippedF16 });
      chosen = { available: true, model, notes: [...notes, ...outcome] };
      break;
    }
    roles[role] = chosen ?? { available: false, reason: last };
  }
  return { adapter: summary, roles };
}
