import { readFileSync } from 'node:fs';
// A test may read web-llm's own records to check ours against them; app code imports it only in the worker.
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { describe, expect, test } from 'vitest';
import { ManifestError } from './errors';
import {
  findModel,
  type ManifestModel,
  modelSources,
  parseManifest,
  parseModel,
  readManifest,
  toModelRecord,
  withResolve,
} from './manifest';

const shipped = readFileSync('static/models/manifest.json', 'utf8');

const record = {
  id: 'DMind-3-mini-q4f32_1-MLC',
  label: 'DMind-3 mini',
  quantization: 'q4f32_1',
  requiredFeatures: [],
  vramMB: 4100,
  modelLib: 'DMind-3-mini-q4f32_1-webgpu.wasm',
  public: {
    model: 'https://huggingface.co/example/DMind-3-mini-q4f32_1-MLC',
    modelLib: 'https://example.org/libs/DMind-3-mini-q4f32_1-webgpu.wasm',
  },
} as const;

const manifestWith = (models: unknown[], roles?: unknown) => ({
  version: 1,
  roles: roles ?? {
    nano: { preferred: record.id },
    verifier: { preferred: record.id },
  },
  models,
});

function manifestError(run: () => unknown): ManifestError {
  try {
    run();
  } catch (error) {
    if (error instanceof ManifestError) return error;
    throw error;
  }
  throw new Error('expected a ManifestError');
}

describe('the shipped manifest', () => {
  const manifest = readManifest(shipped);

  test('reads', () => {
    expect(manifest.models.map((m) => m.id)).toEqual([
      'Qwen3-0.6B-q4f16_1-MLC',
      'Qwen3-0.6B-q4f32_1-MLC',
      'Qwen3-4B-q4f16_1-MLC',
      'Qwen3-4B-q4f32_1-MLC',
    ]);
  });

  test('each role prefers an f16 build and falls back to its q4f32_1 build', () => {
    expect(manifest.roles).toEqual({
      nano: { preferred: 'Qwen3-0.6B-q4f16_1-MLC', fallback: 'Qwen3-0.6B-q4f32_1-MLC' },
      verifier: { preferred: 'Qwen3-4B-q4f16_1-MLC', fallback: 'Qwen3-4B-q4f32_1-MLC' },
    });
    for (const { preferred, fallback } of Object.values(manifest.roles)) {
      expect(findModel(manifest, preferred)?.requiredFeatures).toEqual(['shader-f16']);
      expect(findModel(manifest, fallback ?? '')?.requiredFeatures).toEqual([]);
    }
  });

  test.each([
    'Qwen3-0.6B-q4f16_1-MLC',
    'Qwen3-0.6B-q4f32_1-MLC',
    'Qwen3-4B-q4f16_1-MLC',
    'Qwen3-4B-q4f32_1-MLC',
  ])('%s matches web-llm’s prebuilt record', (id) => {
    const prebuilt = prebuiltAppConfig.model_list.find((r) => r.model_id === id);
    const model = findModel(manifest, id);
    if (!prebuilt || !model) throw new Error(`missing ${id}`);
    const ours = toModelRecord(model, modelSources(model, 'https://vigil.example')[1] ?? fail());
    expect(ours.model).toBe(withResolve(prebuilt.model));
    expect(ours.model_lib).toBe(prebuilt.model_lib);
    expect(ours.vram_required_MB).toBe(prebuilt.vram_required_MB);
    expect(ours.low_resource_required).toBe(prebuilt.low_resource_required);
    expect(ours.overrides).toEqual(prebuilt.overrides);
    expect(model.modelLib).toBe(prebuilt.model_lib.split('/').pop());
  });

  test('lists no integrity hash it could not check', () => {
    expect(manifest.models.filter((m) => m.integrity !== undefined)).toEqual([]);
  });
});

describe('parseModel', () => {
  test('a user-added record (a DMind build) reads with the same shape', () => {
    expect(parseModel(record)).toEqual({ ...record, selfHosted: true });
  });

  test('integrity hashes are kept and handed to web-llm', () => {
    const hash = `sha256-${'A'.repeat(43)}=`;
    const model = parseModel({
      ...record,
      integrity: { config: hash, modelLib: hash, tokenizer: { 'tokenizer.json': hash } },
    });
    const source = modelSources(model, 'https://vigil.example')[0];
    if (!source) throw new Error('no source');
    expect(toModelRecord(model, source).integrity).toEqual({
      config: hash,
      model_lib: hash,
      tokenizer: { 'tokenizer.json': hash },
      onFailure: 'error',
    });
  });

  test.each<[string, unknown, string, RegExp]>([
    ['not an object', 'Qwen3', 'model', /expected an object/],
    ['an array', [record], 'model', /expected an object/],
    ['missing id', { ...record, id: undefined }, 'model.id', /non-empty string/],
    ['id with a slash', { ...record, id: '../etc' }, 'model.id', /names a folder/],
    ['empty label', { ...record, label: ' ' }, 'model.label', /non-empty string/],
    ['unknown quantization', { ...record, quantization: 'int4' }, 'model.quantization', /q4f16_1/],
    [
      'f16 build without shader-f16',
      { ...record, quantization: 'q4f16_1' },
      'model.requiredFeatures',
      /shader-f16/,
    ],
    [
      'features not an array',
      { ...record, requiredFeatures: 'shader-f16' },
      'model.requiredFeatures',
      /array/,
    ],
    ['zero VRAM', { ...record, vramMB: 0 }, 'model.vramMB', /positive number/],
    ['VRAM as text', { ...record, vramMB: '4 GB' }, 'model.vramMB', /positive number/],
    [
      'fractional download size',
      { ...record, downloadBytes: 1.5 },
      'model.downloadBytes',
      /positive integer/,
    ],
    ['library with a folder', { ...record, modelLib: 'libs/x.wasm' }, 'model.modelLib', /file name/],
    ['library not wasm', { ...record, modelLib: 'x.js' }, 'model.modelLib', /file name/],
    [
      'public model over http',
      { ...record, public: { ...record.public, model: 'http://hf.co/x' } },
      'model.public.model',
      /https/,
    ],
    [
      'public library not a URL',
      { ...record, public: { ...record.public, modelLib: 'lib.wasm' } },
      'model.public.modelLib',
      /not a URL/,
    ],
    [
      'URL with credentials',
      { ...record, public: { ...record.public, model: 'https://u:p@hf.co/x' } },
      'model.public.model',
      /credentials/,
    ],
    [
      'public without library',
      { ...record, public: { model: record.public.model } },
      'model.public.modelLib',
      /non-empty/,
    ],
    ['nowhere to load from', { ...record, selfHosted: false, public: undefined }, 'model', /nowhere/],
    ['selfHosted as text', { ...record, selfHosted: 'yes' }, 'model.selfHosted', /true or false/],
    ['a typo (vramMb)', { ...record, vramMb: 4100 }, 'model.vramMb', /unknown field/],
    ['bad SRI', { ...record, integrity: { config: 'md5-abc' } }, 'model.integrity.config', /SRI/],
    [
      'tokenizer path',
      { ...record, integrity: { tokenizer: { '../t.json': 'sha256-AA==' } } },
      'model.integrity.tokenizer.../t.json',
      /plain file name/,
    ],
  ])('%s', (_name, value, path, message) => {
    // `undefined` fields stand for missing ones.
    const input = typeof value === 'object' && value ? JSON.parse(JSON.stringify(value)) : value;
    const error = manifestError(() => parseModel(input));
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });
});

describe('parseManifest', () => {
  test.each<[string, unknown, string]>([
    ['garbage', 42, '$'],
    ['wrong version', { ...manifestWith([record]), version: 2 }, '$.version'],
    ['models not an array', { ...manifestWith([record]), models: {} }, '$.models'],
    [
      'a bad record names its index',
      manifestWith([record, { ...record, id: 'x', vramMB: -1 }]),
      '$.models[1].vramMB',
    ],
    ['duplicate ids', manifestWith([record, record]), '$.models[1].id'],
    ['missing role', manifestWith([record], { nano: { preferred: record.id } }), '$.roles.verifier'],
    [
      'unknown role',
      manifestWith([record], {
        nano: { preferred: record.id },
        verifier: { preferred: record.id },
        chat: {},
      }),
      '$.roles.chat',
    ],
    [
      'role names an unknown model',
      manifestWith([record], { nano: { preferred: 'nope' }, verifier: { preferred: record.id } }),
      '$.roles.nano.preferred',
    ],
    [
      'unknown fallback',
      manifestWith([record], {
        nano: { preferred: record.id, fallback: 'nope' },
        verifier: { preferred: record.id },
      }),
      '$.roles.nano.fallback',
    ],
    ['notes not strings', { ...manifestWith([record]), notes: [1] }, '$.notes'],
    ['unknown top-level field', { ...manifestWith([record]), extra: true }, '$.extra'],
  ])('%s', (_name, value, path) => {
    expect(manifestError(() => parseManifest(value)).path).toBe(path);
  });

  test('text that is not JSON', () => {
    expect(manifestError(() => readManifest('{ "version": 1,')).message).toMatch(/^\$: not JSON/);
  });
});

describe('modelSources', () => {
  const model: ManifestModel = parseModel(record);

  test('self-hosted under the origin first, the public build second, both absolute', () => {
    expect(modelSources(model, 'http://127.0.0.1:4173')).toEqual([
      {
        kind: 'self-hosted',
        model: 'http://127.0.0.1:4173/models/DMind-3-mini-q4f32_1-MLC/resolve/main/',
        modelLib: 'http://127.0.0.1:4173/models/DMind-3-mini-q4f32_1-MLC/DMind-3-mini-q4f32_1-webgpu.wasm',
      },
      {
        kind: 'public',
        model: 'https://huggingface.co/example/DMind-3-mini-q4f32_1-MLC/resolve/main/',
        modelLib: 'https://example.org/libs/DMind-3-mini-q4f32_1-webgpu.wasm',
      },
    ]);
  });

  test('an https origin with a port', () => {
    expect(modelSources(model, 'https://vigil.example:8443')[0]?.model).toBe(
      'https://vigil.example:8443/models/DMind-3-mini-q4f32_1-MLC/resolve/main/',
    );
  });

  test('no public build: only the self-hosted copy', () => {
    expect(
      modelSources(parseModel({ ...record, public: undefined }), 'https://v.example').map((s) => s.kind),
    ).toEqual(['self-hosted']);
  });

  test('selfHosted false: only the public build', () => {
    expect(
      modelSources(parseModel({ ...record, selfHosted: false }), 'https://v.example').map((s) => s.kind),
    ).toEqual(['public']);
  });

  test.each(['https://vigil.example/', 'https://vigil.example/app', 'file:///tmp', 'vigil.example', ''])(
    'refuses the origin %j',
    (origin) => {
      expect(manifestError(() => modelSources(model, origin)).path).toBe('origin');
    },
  );

  test('a public URL that already names a branch is kept', () => {
    expect(withResolve('https://huggingface.co/o/r/resolve/v2/')).toBe(
      'https://huggingface.co/o/r/resolve/v2/',
    );
    expect(withResolve('https://huggingface.co/o/r/')).toBe('https://huggingface.co/o/r/resolve/main/');
  });

  test('the web-llm record carries id, library, VRAM and required features', () => {
    const f16 = parseModel({
      ...record,
      id: 'x-q4f16_1',
      quantization: 'q4f16_1',
      requiredFeatures: ['shader-f16'],
      contextWindow: 4096,
    });
    const [self] = modelSources(f16, 'https://v.example');
    if (!self) throw new Error('no source');
    expect(toModelRecord(f16, self)).toEqual({
      model: 'https://v.example/models/x-q4f16_1/resolve/main/',
      model_id: 'x-q4f16_1',
      model_lib: 'https://v.example/models/x-q4f16_1/DMind-3-mini-q4f32_1-webgpu.wasm',
      vram_required_MB: 4100,
      required_features: ['shader-f16'],
      overrides: { context_window_size: 4096 },
    });
  });
});

function fail(): never {
  throw new Error('missing source');
}
