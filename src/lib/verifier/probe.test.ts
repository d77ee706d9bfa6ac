import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseManifest, readManifest } from './manifest';
import {
  type AdapterFacts,
  candidates,
  decide,
  isSoftwareAdapter,
  type ProbeFacts,
  requiredLimits,
} from './probe';

const manifest = readManifest(readFileSync('static/models/manifest.json', 'utf8'));

const GiB = 2 ** 30;

/** A discrete GPU with shader-f16 and generous limits. */
const hardware: AdapterFacts = {
  vendor: 'nvidia',
  architecture: 'ada',
  description: 'NVIDIA GeForce RTX 4070',
  isFallbackAdapter: false,
  features: ['shader-f16', 'timestamp-query'],
  limits: {
    maxBufferSize: 2 * GiB,
    maxStorageBufferBindingSize: 2 * GiB,
    maxComputeWorkgroupStorageSize: 32768,
    maxStorageBuffersPerShaderStage: 10,
  },
};

/** What headless Chromium with --enable-unsafe-webgpu reports here (observed). */
const swiftshader: AdapterFacts = {
  vendor: 'google',
  architecture: 'swiftshader',
  description: '',
  isFallbackAdapter: true,
  features: ['depth32float-stencil8', 'float32-filterable', 'subgroups', 'timestamp-query'],
  limits: {
    maxBufferSize: GiB,
    maxStorageBufferBindingSize: GiB,
    maxComputeWorkgroupStorageSize: 32768,
    maxStorageBuffersPerShaderStage: 10,
  },
};

const withAdapter = (adapter: AdapterFacts, rest: Omit<ProbeFacts, 'gpu'> = {}): ProbeFacts => ({
  gpu: { webgpu: true, adapter },
  ...rest,
});

type Row = {
  name: string;
  facts: ProbeFacts;
  choices?: { nano?: string; verifier?: string };
  nano: string;
  verifier: string;
  notes?: string[];
};

// Each row: the facts, then per role the chosen build id or `unavailable:<code>`.
const rows: Row[] = [
  {
    name: 'no WebGPU',
    facts: { gpu: { webgpu: false } },
    nano: 'unavailable:noWebGPU',
    verifier: 'unavailable:noWebGPU',
  },
  {
    name: 'WebGPU without an adapter',
    facts: { gpu: { webgpu: true, adapter: null } },
    nano: 'unavailable:noAdapter',
    verifier: 'unavailable:noAdapter',
  },
  {
    name: 'GPU with shader-f16, plenty of memory',
    facts: withAdapter(hardware, { deviceMemoryGiB: 16 }),
    nano: 'Qwen3-0.6B-q4f16_1-MLC',
    verifier: 'Qwen3-4B-q4f16_1-MLC',
    notes: [],
  },
  {
    name: 'memory unknown: no memory rule applies',
    facts: withAdapter(hardware),
    nano: 'Qwen3-0.6B-q4f16_1-MLC',
    verifier: 'Qwen3-4B-q4f16_1-MLC',
  },
  {
    name: 'adapter without shader-f16 → q4f32_1',
    facts: withAdapter({ ...hardware, features: [] }, { deviceMemoryGiB: 16 }),
    nano: 'Qwen3-0.6B-q4f32_1-MLC',
    verifier: 'Qwen3-4B-q4f32_1-MLC',
    notes: ['f32Fallback'],
  },
  {
    name: 'SwiftShader: software, no shader-f16 → q4f32_1, flagged',
    facts: withAdapter(swiftshader, { deviceMemoryGiB: 16 }),
    nano: 'Qwen3-0.6B-q4f32_1-MLC',
    verifier: 'Qwen3-4B-q4f32_1-MLC',
    notes: ['software', 'f32Fallback'],
  },
  {
    name: '4 GiB device: both f16 builds fit (the 4B one tightly)',
    facts: withAdapter(hardware, { deviceMemoryGiB: 4 }),
    nano: 'Qwen3-0.6B-q4f16_1-MLC',
    verifier: 'Qwen3-4B-q4f16_1-MLC',
  },
  {
    name: '4 GiB device without f16: the 4B f32 build (4.3 GB) does not fit',
    facts: withAdapter({ ...hardware, features: [] }, { deviceMemoryGiB: 4 }),
    nano: 'Qwen3-0.6B-q4f32_1-MLC',
    verifier: 'unavailable:memory',
  },
  {
    name: '2 GiB device: nano f16 fits, the verifier does not',
    facts: withAdapter(hardware, { deviceMemoryGiB: 2 }),
    nano: 'Qwen3-0.6B-q4f16_1-MLC',
    verifier: 'unavailable:memory',
  },
  {
    name: '1 GiB device: nothing fits',
    facts: withAdapter(hardware, { deviceMemoryGiB: 1 }),
    nano: 'unavailable:memory',
    verifier: 'unavailable:memory',
  },
  {
    name: 'adapter below web-llm’s buffer limit',
    facts: withAdapter({ ...hardware, limits: { ...hardware.limits, maxBufferSize: 128 * 2 ** 20 } }),
    nano: 'unavailable:limits',
    verifier: 'unavailable:limits',
  },
  {
    name: 'adapter with 8 storage buffers per stage',
    facts: withAdapter({ ...hardware, limits: { ...hardware.limits, maxStorageBuffersPerShaderStage: 8 } }),
    nano: 'unavailable:limits',
    verifier: 'unavailable:limits',
  },
  {
    name: 'the user’s choice comes first',
    facts: withAdapter(hardware, { deviceMemoryGiB: 16 }),
    choices: { nano: 'Qwen3-0.6B-q4f32_1-MLC' },
    nano: 'Qwen3-0.6B-q4f32_1-MLC',
    verifier: 'Qwen3-4B-q4f16_1-MLC',
  },
  {
    name: 'a choice the manifest lacks is skipped',
    facts: withAdapter(hardware, { deviceMemoryGiB: 16 }),
    choices: { verifier: 'DMind-3-mini-gone' },
    nano: 'Qwen3-0.6B-q4f16_1-MLC',
    verifier: 'Qwen3-4B-q4f16_1-MLC',
  },
];

describe('decide', () => {
  test.each(rows)('$name', ({ facts, choices, nano, verifier, notes }) => {
    const result = decide(manifest, facts, choices);
    const show = (role: 'nano' | 'verifier') => {
      const c = result.roles[role];
      return c.available ? c.model.id : `unavailable:${c.reason.code}`;
    };
    expect({ nano: show('nano'), verifier: show('verifier') }).toEqual({ nano, verifier });
    if (notes) {
      const c = result.roles.nano;
      expect(c.available && c.notes.map((n) => n.code)).toEqual(notes);
    }
  });

  test('SwiftShader is reported as a software adapter without shader-f16', () => {
    expect(decide(manifest, withAdapter(swiftshader)).adapter).toEqual({
      label: 'google · swiftshader',
      software: true,
      shaderF16: false,
    });
  });

  test('the no-adapter reason keeps what the browser said', () => {
    expect(
      decide(manifest, { gpu: { webgpu: true, adapter: null, adapterError: 'GPU process crashed' } }).roles
        .nano,
    ).toEqual({
      available: false,
      reason: { code: 'noAdapter', detail: 'GPU process crashed' },
    });
  });

  test('the memory reason names the build and the figures', () => {
    expect(decide(manifest, withAdapter(hardware, { deviceMemoryGiB: 1 })).roles.verifier).toEqual({
      available: false,
      reason: { code: 'memory', model: 'Qwen3-4B-q4f32_1-MLC', needMB: 4327.71, haveGiB: 1 },
    });
  });

  test('the limits reason names the limit, what the adapter has and what is needed', () => {
    const facts = withAdapter({
      ...hardware,
      limits: { ...hardware.limits, maxStorageBufferBindingSize: 2 ** 26 },
    });
    expect(decide(manifest, facts).roles.nano).toEqual({
      available: false,
      reason: {
        code: 'limits',
        limit: 'maxStorageBufferBindingSize',
        have: 2 ** 26,
        need: requiredLimits.maxStorageBufferBindingSize,
      },
    });
  });

  test('a tight fit is usable, with a caution', () => {
    const c = decide(manifest, withAdapter(hardware, { deviceMemoryGiB: 4 })).roles.verifier;
    expect(c.available && c.notes).toEqual([{ code: 'memoryTight', needMB: 3431.59, haveGiB: 4 }]);
  });

  describe('storage (only for builds that list their download size)', () => {
    const sized = parseManifest({
      version: 1,
      roles: { nano: { preferred: 'a' }, verifier: { preferred: 'a' } },
      models: [
        {
          id: 'a',
          label: 'A',
          quantization: 'q4f32_1',
          requiredFeatures: [],
          vramMB: 900,
          modelLib: 'a.wasm',
          downloadBytes: 500e6,
        },
      ],
    });

    test('too little space', () => {
      const facts = withAdapter(hardware, { storage: { usage: 900e6, quota: 1e9 } });
      expect(decide(sized, facts).roles.nano).toEqual({
        available: false,
        reason: { code: 'storage', model: 'a', needBytes: 500e6, freeBytes: 100e6 },
      });
    });

    test('already cached: no space needed', () => {
      const facts = withAdapter(hardware, { storage: { usage: 900e6, quota: 1e9 }, cached: ['a'] });
      expect(decide(sized, facts).roles.nano.available).toBe(true);
    });

    test('enough space', () => {
      expect(
        decide(sized, withAdapter(hardware, { storage: { usage: 0, quota: 1e9 } })).roles.nano.available,
      ).toBe(true);
    });
  });
});

describe('isSoftwareAdapter', () => {
  test.each<[string, Partial<AdapterFacts>, boolean]>([
    ['SwiftShader', { architecture: 'swiftshader' }, true],
    ['llvmpipe (Mesa)', { description: 'llvmpipe (LLVM 15.0.6, 256 bits)' }, true],
    ['Microsoft Basic Render Driver', { description: 'Microsoft Basic Render Driver' }, true],
    ['fallback flag alone', { isFallbackAdapter: true }, true],
    ['a discrete GPU', {}, false],
  ])('%s', (_name, patch, expected) => {
    expect(isSoftwareAdapter({ ...hardware, ...patch })).toBe(expected);
  });
});

test('candidates: choice, preferred, fallback, without repeats', () => {
  expect(candidates(manifest, 'nano', 'Qwen3-0.6B-q4f16_1-MLC')).toEqual([
    'Qwen3-0.6B-q4f16_1-MLC',
    'Qwen3-0.6B-q4f32_1-MLC',
  ]);
});
