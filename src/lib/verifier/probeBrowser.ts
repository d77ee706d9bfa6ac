import type { AdapterFacts, AdapterLimits, GpuFacts, ProbeFacts } from './probe';

/**
 * The browser half of the capability probe: asks WebGPU for an adapter and reads memory and
 * storage, as plain data for `decide`. TypeScript's DOM library has no WebGPU types, so the few
 * fields read here are typed structurally and read defensively.
 */

type GpuAdapterLike = {
  readonly features: Iterable<string>;
  readonly limits: Readonly<Record<string, unknown>>;
  readonly info?: Readonly<Record<string, unknown>>;
  readonly isFallbackAdapter?: boolean;
};

type GpuLike = {
  requestAdapter(options?: {
    powerPreference?: 'high-performance' | 'low-power';
  }): Promise<GpuAdapterLike | null>;
};

/** The parts of `navigator` the probe reads. */
export type NavigatorLike = {
  readonly gpu?: GpuLike;
  readonly deviceMemory?: number;
  readonly storage?: { estimate?: () => Promise<{ usage?: number; quota?: number }> };
};

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

function limitsOf(limits: Readonly<Record<string, unknown>>): AdapterLimits {
  return {
    maxBufferSize: num(limits.maxBufferSize),
    maxStorageBufferBindingSize: num(limits.maxStorageBufferBindingSize),
    maxComputeWorkgroupStorageSize: num(limits.maxComputeWorkgroupStorageSize),
    maxStorageBuffersPerShaderStage: num(limits.maxStorageBuffersPerShaderStage),
  };
}

/** Reads a GPUAdapter into plain data. */
export function adapterFacts(adapter: GpuAdapterLike): AdapterFacts {
  const info = adapter.info ?? {};
  return {
    vendor: str(info.vendor),
    architecture: str(info.architecture),
    description: str(info.description),
    isFallbackAdapter: info.isFallbackAdapter === true || adapter.isFallbackAdapter === true,
    features: [...adapter.features].sort(),
    limits: limitsOf(adapter.limits),
  };
}

/** Asks for a high-performance adapter, as web-llm will. */
export async function gpuFacts(nav: NavigatorLike): Promise<GpuFacts> {
  const gpu = nav.gpu;
  if (!gpu || typeof gpu.requestAdapter !== 'function') return { webgpu: false };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    return adapter ? { webgpu: true, adapter: adapterFacts(adapter) } : { webgpu: true, adapter: null };
  } catch (error) {
    return {
      webgpu: true,
      adapter: null,
      adapterError: error instanceof Error ? error.message : String(error),
    };
  }
}

/** The storage estimate, or undefined where the browser cannot tell. */
export async function storageEstimate(
  nav: NavigatorLike,
): Promise<{ usage: number; quota: number } | undefined> {
  if (typeof nav.storage?.estimate !== 'function') return undefined;
  try {
    const { usage, quota } = await nav.storage.estimate();
    return typeof usage === 'number' && typeof quota === 'number' ? { usage, quota } : undefined;
  } catch (error) {
    console.warn('Vigil: no storage estimate', error);
    return undefined;
  }
}

/** Gathers every fact the probe decides on (browser only). */
export async function gatherProbeFacts(
  nav: NavigatorLike = navigator as unknown as NavigatorLike,
): Promise<ProbeFacts> {
  const [gpu, storage] = await Promise.all([gpuFacts(nav), storageEstimate(nav)]);
  const memory = nav.deviceMemory;
  return {
    gpu,
    ...(typeof memory === 'number' && memory > 0 && { deviceMemoryGiB: memory }),
    ...(storage && { storage }),
  };
}
