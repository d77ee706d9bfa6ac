import type { ModelRecord } from '@mlc-ai/web-llm';
import type { ModelRole } from './complete';
import { ManifestError } from './errors';

/**
 * The model manifest (`static/models/manifest.json`): which MLC builds Vigil may load, where
 * their files are, and what they need. Parsing is strict (an unknown field is an error, so a typo
 * never silently drops a requirement) and pure: no I/O, no clock.
 */

/** SRI hashes (`sha256-…`, `sha384-…`, `sha512-…`) web-llm verifies after download. */
export type ModelIntegrity = {
  /** Of `mlc-chat-config.json`. */
  readonly config?: string;
  /** Of the model library (`.wasm`). */
  readonly modelLib?: string;
  /** Per tokenizer file name (`tokenizer.json`, …). */
  readonly tokenizer?: Readonly<Record<string, string>>;
};

/** One MLC build of a model. */
export type ManifestModel = {
  /** The MLC model id; also the folder under `/models/` where it is self-hosted. */
  readonly id: string;
  /** A human name (`Qwen3 0.6B`). */
  readonly label: string;
  /** MLC quantization (`q4f16_1`, `q4f32_1`, …). */
  readonly quantization: string;
  /** WebGPU features the build needs (`shader-f16` for f16 builds). */
  readonly requiredFeatures: readonly string[];
  /** GPU memory the build needs, in MB (web-llm's `vram_required_MB`). */
  readonly vramMB: number;
  /** Context window the model library was compiled for. */
  readonly contextWindow?: number;
  /** web-llm's `low_resource_required`. */
  readonly lowResource?: boolean;
  /** Total bytes to download (weights, tokenizer, config, library), when known. */
  readonly downloadBytes?: number;
  /** The model library's file name: self-hosted as `/models/<id>/<modelLib>`. */
  readonly modelLib: string;
  /** Whether `/models/<id>/` is tried (default true). */
  readonly selfHosted: boolean;
  /** The public build, tried after the self-hosted copy. */
  readonly public?: { readonly model: string; readonly modelLib: string };
  readonly integrity?: ModelIntegrity;
};

/** The builds a role tries, best first. */
export type RoleModels = { readonly preferred: string; readonly fallback?: string };

/** A parsed, validated manifest. */
export type Manifest = {
  readonly version: 1;
  readonly roles: Readonly<Record<ModelRole, RoleModels>>;
  readonly models: readonly ManifestModel[];
};

/** Where a build's files are fetched from. */
export type ModelSource = {
  readonly kind: 'self-hosted' | 'public';
  /** Absolute URL of the folder holding `mlc-chat-config.json` (ends in `/resolve/<branch>/`). */
  readonly model: string;
  /** Absolute URL of the model library. */
  readonly modelLib: string;
};

export const modelRoles: readonly ModelRole[] = ['nano', 'verifier'];

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const quantizationPattern = /^q\d+f(16|32)(_\d+)?$/;
const wasmFilePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,190}\.wasm$/;
const sriPattern = /^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/;
const manifestKeys = ['version', 'notes', 'roles', 'models'];
const modelKeys = [
  'id',
  'label',
  'quantization',
  'requiredFeatures',
  'vramMB',
  'contextWindow',
  'lowResource',
  'downloadBytes',
  'modelLib',
  'selfHosted',
  'public',
  'integrity',
];

type Json = Readonly<Record<string, unknown>>;

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ManifestError(path, 'expected an object');
  return value as Json;
}

function onlyKeys(value: Json, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(value))
    if (!allowed.includes(key))
      throw new ManifestError(`${path}.${key}`, `unknown field (allowed: ${allowed.join(', ')})`);
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new ManifestError(path, 'expected a non-empty string');
  return value;
}

function positive(value: unknown, path: string, integer: boolean): number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value <= 0 ||
    (integer && !Number.isSafeInteger(value))
  )
    throw new ManifestError(path, integer ? 'expected a positive integer' : 'expected a positive number');
  return value;
}

function httpsUrl(value: unknown, path: string): string {
  const raw = text(value, path);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ManifestError(path, `not a URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'https:') throw new ManifestError(path, `must be an https URL, not ${url.protocol}`);
  if (url.username || url.password) throw new ManifestError(path, 'must not carry credentials');
  return url.href;
}

function sri(value: unknown, path: string): string {
  const raw = text(value, path);
  if (!sriPattern.test(raw))
    throw new ManifestError(path, 'expected an SRI hash (sha256-…, sha384-… or sha512-…)');
  return raw;
}

function readIntegrity(value: unknown, path: string): ModelIntegrity {
  const o = object(value, path);
  onlyKeys(o, ['config', 'modelLib', 'tokenizer'], path);
  const tokenizer: Record<string, string> = {};
  if (o.tokenizer !== undefined) {
    const files = object(o.tokenizer, `${path}.tokenizer`);
    for (const [file, hash] of Object.entries(files)) {
      if (!idPattern.test(file))
        throw new ManifestError(`${path}.tokenizer.${file}`, 'not a plain file name');
      tokenizer[file] = sri(hash, `${path}.tokenizer.${file}`);
    }
  }
  return {
    ...(o.config !== undefined && { config: sri(o.config, `${path}.config`) }),
    ...(o.modelLib !== undefined && { modelLib: sri(o.modelLib, `${path}.modelLib`) }),
    ...(o.tokenizer !== undefined && { tokenizer }),
  };
}

/** Reads one model record; throws a {@link ManifestError} naming the field that is wrong. */
export function parseModel(value: unknown, path = 'model'): ManifestModel {
  const o = object(value, path);
  onlyKeys(o, modelKeys, path);
  const id = text(o.id, `${path}.id`);
  if (!idPattern.test(id))
    throw new ManifestError(
      `${path}.id`,
      'use letters, digits, dot, dash and underscore (it names a folder)',
    );
  const quantization = text(o.quantization, `${path}.quantization`);
  if (!quantizationPattern.test(quantization))
    throw new ManifestError(
      `${path}.quantization`,
      'expected an MLC quantization such as q4f16_1 or q4f32_1',
    );
  if (!Array.isArray(o.requiredFeatures))
    throw new ManifestError(`${path}.requiredFeatures`, 'expected an array');
  const requiredFeatures = o.requiredFeatures.map((f, i) => text(f, `${path}.requiredFeatures[${i}]`));
  // An f16 build computes in half precision: without shader-f16 it fails deep inside the load.
  if (/f16/.test(quantization) && !requiredFeatures.includes('shader-f16'))
    throw new ManifestError(`${path}.requiredFeatures`, `${quantization} computes in f16: list "shader-f16"`);
  const modelLib = text(o.modelLib, `${path}.modelLib`);
  if (!wasmFilePattern.test(modelLib))
    throw new ManifestError(
      `${path}.modelLib`,
      'expected the library’s file name (…-webgpu.wasm), no folders',
    );
  if (o.selfHosted !== undefined && typeof o.selfHosted !== 'boolean')
    throw new ManifestError(`${path}.selfHosted`, 'expected true or false');
  if (o.lowResource !== undefined && typeof o.lowResource !== 'boolean')
    throw new ManifestError(`${path}.lowResource`, 'expected true or false');
  let publicBuild: ManifestModel['public'];
  if (o.public !== undefined) {
    const p = object(o.public, `${path}.public`);
    onlyKeys(p, ['model', 'modelLib'], `${path}.public`);
    publicBuild = {
      model: httpsUrl(p.model, `${path}.public.model`),
      modelLib: httpsUrl(p.modelLib, `${path}.public.modelLib`),
    };
  }
  const selfHosted = o.selfHosted !== false;
  if (!selfHosted && !publicBuild)
    throw new ManifestError(path, 'neither self-hosted nor public: nowhere to load it from');
  return {
    id,
    label: text(o.label, `${path}.label`),
    quantization,
    requiredFeatures,
    vramMB: positive(o.vramMB, `${path}.vramMB`, false),
    ...(o.contextWindow !== undefined && {
      contextWindow: positive(o.contextWindow, `${path}.contextWindow`, true),
    }),
    ...(o.lowResource !== undefined && { lowResource: o.lowResource as boolean }),
    ...(o.downloadBytes !== undefined && {
      downloadBytes: positive(o.downloadBytes, `${path}.downloadBytes`, true),
    }),
    modelLib,
    selfHosted,
    ...(publicBuild && { public: publicBuild }),
    ...(o.integrity !== undefined && { integrity: readIntegrity(o.integrity, `${path}.integrity`) }),
  };
}

/** Reads and validates a manifest (already JSON-parsed); throws a {@link ManifestError}. */
export function parseManifest(value: unknown): Manifest {
  const o = object(value, '$');
  onlyKeys(o, manifestKeys, '$');
  if (o.version !== 1) throw new ManifestError('$.version', 'expected 1');
  if (o.notes !== undefined && (!Array.isArray(o.notes) || o.notes.some((n) => typeof n !== 'string')))
    throw new ManifestError('$.notes', 'expected an array of strings');
  if (!Array.isArray(o.models)) throw new ManifestError('$.models', 'expected an array');
  const models = o.models.map((m, i) => parseModel(m, `$.models[${i}]`));
  const ids = new Set<string>();
  models.forEach((m, i) => {
    if (ids.has(m.id)) throw new ManifestError(`$.models[${i}].id`, `duplicate id ${m.id}`);
    ids.add(m.id);
  });
  const rolesIn = object(o.roles, '$.roles');
  onlyKeys(rolesIn, modelRoles, '$.roles');
  const roles = {} as Record<ModelRole, RoleModels>;
  for (const role of modelRoles) {
    const path = `$.roles.${role}`;
    const r = object(rolesIn[role], path);
    onlyKeys(r, ['preferred', 'fallback'], path);
    const preferred = text(r.preferred, `${path}.preferred`);
    if (!ids.has(preferred)) throw new ManifestError(`${path}.preferred`, `no model with id ${preferred}`);
    let fallback: string | undefined;
    if (r.fallback !== undefined) {
      fallback = text(r.fallback, `${path}.fallback`);
      if (!ids.has(fallback)) throw new ManifestError(`${path}.fallback`, `no model with id ${fallback}`);
    }
    roles[role] = fallback === undefined ? { preferred } : { preferred, fallback };
  }
  return { version: 1, roles, models };
}

/** Parses manifest text (JSON) and validates it; throws a {@link ManifestError}. */
export function readManifest(json: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ManifestError('$', `not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return parseManifest(value);
}

/** The record with this id, if the manifest has one. */
export function findModel(manifest: Manifest, id: string): ManifestModel | undefined {
  return manifest.models.find((m) => m.id === id);
}

/** Checks that `origin` is a bare http(s) origin (`https://vigil.example`) and returns it. */
export function checkOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new ManifestError('origin', `not a URL: ${JSON.stringify(origin)}`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== origin)
    throw new ManifestError('origin', `expected a bare http(s) origin, got ${JSON.stringify(origin)}`);
  return origin;
}

/**
 * Where to fetch a build from, in order: the self-hosted copy under `<origin>/models/<id>/` (when
 * the record allows it), then the public build. URLs are absolute, as web-llm needs.
 *
 * Self-hosted files mirror the Hugging Face layout, `/models/<id>/resolve/main/<file>`: web-llm
 * appends `resolve/main/` to any model URL lacking a `/resolve/<branch>/` segment, so the same
 * rule serves both sources and `npm run models:fetch` copies a repository as it is.
 */
export function modelSources(model: ManifestModel, origin: string): readonly ModelSource[] {
  const base = checkOrigin(origin);
  const folder = `${base}/models/${encodeURIComponent(model.id)}/`;
  const sources: ModelSource[] = [];
  if (model.selfHosted)
    sources.push({
      kind: 'self-hosted',
      model: `${folder}resolve/main/`,
      modelLib: `${folder}${model.modelLib}`,
    });
  if (model.public)
    sources.push({ kind: 'public', model: withResolve(model.public.model), modelLib: model.public.modelLib });
  return sources;
}

/** `https://huggingface.co/org/repo` → `https://huggingface.co/org/repo/resolve/main/` (web-llm's rule). */
export function withResolve(modelUrl: string): string {
  const slashed = modelUrl.endsWith('/') ? modelUrl : `${modelUrl}/`;
  return /.+\/resolve\/.+\//.test(slashed) ? slashed : `${slashed}resolve/main/`;
}

/** The web-llm model record for one build from one source. */
export function toModelRecord(model: ManifestModel, source: ModelSource): ModelRecord {
  const integrity = model.integrity;
  return {
    model: source.model,
    model_id: model.id,
    model_lib: source.modelLib,
    vram_required_MB: model.vramMB,
    ...(model.lowResource !== undefined && { low_resource_required: model.lowResource }),
    ...(model.requiredFeatures.length > 0 && { required_features: [...model.requiredFeatures] }),
    ...(model.contextWindow !== undefined && { overrides: { context_window_size: model.contextWindow } }),
    ...(integrity && {
      integrity: {
        ...(integrity.config && { config: integrity.config }),
        ...(integrity.modelLib && { model_lib: integrity.modelLib }),
        ...(integrity.tokenizer && { tokenizer: { ...integrity.tokenizer } }),
        onFailure: 'error' as const,
      },
    }),
  };
}
