import { readFileSync } from 'node:fs';
import type { AppConfig } from '@mlc-ai/web-llm';
import { describe, expect, test, vi } from 'vitest';
import type { CompletionRequest } from './complete';
import { type Engine, EngineDisposedError } from './engine';
import { engineSettingKey } from './engineSetting';
import { LocalModels, type LocalModelsOptions } from './localModels.svelte';
import type { NavigatorLike } from './probeBrowser';
import type { LoadReport } from './progress';

const manifestText = readFileSync('static/models/manifest.json', 'utf8');
const origin = 'http://127.0.0.1:4173';

const swiftshader = {
  features: new Set(['subgroups']),
  limits: {
    maxBufferSize: 2 ** 30,
    maxStorageBufferBindingSize: 2 ** 30,
    maxComputeWorkgroupStorageSize: 32768,
    maxStorageBuffersPerShaderStage: 10,
  },
  info: { vendor: 'google', architecture: 'swiftshader', description: '', isFallbackAdapter: true },
};

const withGpu: NavigatorLike = {
  gpu: { requestAdapter: async () => swiftshader },
  deviceMemory: 16,
  storage: { estimate: async () => ({ usage: 1000, quota: 10_000_000 }) },
};

const request: CompletionRequest = {
  task: 'explain',
  messages: [{ role: 'user', content: 'explain this approve' }],
  maxTokens: 32,
  temperature: 0,
  seed: 1,
};

/** A fetch serving the manifest; HEAD checks answer 404 (no weights anywhere). */
function serve(manifest: string | number = manifestText): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === '/models/manifest.json')
      return typeof manifest === 'number'
        ? new Response('nope', { status: manifest })
        : new Response(manifest);
    if (init?.method === 'HEAD') return new Response(null, { status: 404 });
    throw new TypeError(`unexpected fetch ${url}`);
  }) as typeof fetch;
}

type Deferred = { resolve: () => void; reject: (e: Error) => void; progress: (r: LoadReport) => void };

/** An engine whose loads the test finishes by hand. */
function controlledEngines() {
  const loads: { role: string; model: string; deferred: Deferred }[] = [];
  const deleted: string[] = [];
  const disposed: string[] = [];
  const completions: CompletionRequest[] = [];
  const create = (_setting: unknown, role: string): Engine => ({
    kind: 'webllm',
    load: (appConfig: AppConfig, _id: string, onProgress: (r: LoadReport) => void) =>
      new Promise<void>((resolve, reject) => {
        loads.push({
          role,
          model: appConfig.model_list[0]?.model ?? '',
          deferred: { resolve, reject, progress: onProgress },
        });
      }),
    complete: async (r) => {
      completions.push(r);
      return { text: `answer from ${role}`, finishReason: 'stop' };
    },
    interrupt: async () => {},
    unload: async () => {},
    hasInCache: async () => false,
    deleteCache: async (appConfig: AppConfig) => {
      deleted.push(appConfig.model_list[0]?.model ?? '');
    },
    dispose: () => {
      disposed.push(role);
      for (const l of loads.filter((l) => l.role === role)) l.deferred.reject(new EngineDisposedError());
    },
  });
  return { loads, deleted, disposed, completions, create };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

async function started(options: LocalModelsOptions): Promise<LocalModels> {
  const models = new LocalModels({ origin, fetcher: serve(), navigator: withGpu, ...options });
  await models.start();
  return models;
}

describe('LocalModels: availability', () => {
  test('no WebGPU: both roles unavailable, and why', async () => {
    const models = await started({ navigator: {} });
    expect(models.roles.nano).toEqual({ status: 'unavailable', reason: { code: 'noWebGPU' } });
    expect(models.roles.verifier).toEqual({ status: 'unavailable', reason: { code: 'noWebGPU' } });
  });

  test('no adapter', async () => {
    const models = await started({ navigator: { gpu: { requestAdapter: async () => null } } });
    expect(models.roles.nano).toEqual({ status: 'unavailable', reason: { code: 'noAdapter' } });
  });

  test('software adapter without shader-f16: q4f32_1 builds, flagged', async () => {
    const models = await started({});
    expect(models.probe?.adapter).toEqual({
      label: 'google · swiftshader',
      software: true,
      shaderF16: false,
    });
    const nano = models.roles.nano;
    expect(nano.status === 'idle' && [nano.model.id, nano.notes.map((n) => n.code)]).toEqual([
      'Qwen3-0.6B-q4f32_1-MLC',
      ['software', 'f32Fallback'],
    ]);
    const verifier = models.roles.verifier;
    expect(verifier.status === 'idle' && verifier.model.id).toBe('Qwen3-4B-q4f32_1-MLC');
    expect(models.storage).toEqual({ usage: 1000, quota: 10_000_000 });
  });

  test('a manifest that does not load: unavailable, with the reason', async () => {
    const models = await started({ fetcher: serve(404) });
    expect(models.roles.nano).toEqual({
      status: 'unavailable',
      reason: { code: 'manifest', message: '/models/manifest.json answered HTTP 404' },
    });
  });

  test('a bad manifest record: unavailable, naming the field', async () => {
    const models = await started({ fetcher: serve('{"version":1,"roles":{},"models":[{"id":"x"}]}') });
    const nano = models.roles.nano;
    expect(nano.status === 'unavailable' && nano.reason).toMatchObject({
      code: 'manifest',
      message: expect.stringMatching(/^\$\.models\[0\]\.quantization: expected/),
    });
  });

  test('a bad engine setting: unavailable, never a silent fallback', async () => {
    const models = await started({ storage: { getItem: () => '{"kind":"replay"}' } });
    expect(models.setting.kind).toBe('invalid');
    expect(models.roles.nano).toEqual({
      status: 'unavailable',
      reason: { code: 'setting', message: '$.recordings: expected an array' },
    });
  });

  test('the user’s choice of build (prefs) is honoured', async () => {
    const models = await started({});
    models.usePrefs({ id: 'models', loadAtStart: false, nano: 'Qwen3-0.6B-q4f16_1-MLC' });
    // The choice needs shader-f16, which this adapter lacks: the f32 fallback stays.
    const nano = models.roles.nano;
    expect(nano.status === 'idle' && nano.model.id).toBe('Qwen3-0.6B-q4f32_1-MLC');
  });
});

describe('LocalModels: lifecycle', () => {
  test('load: downloading with progress, then ready from the self-hosted copy', async () => {
    const engines = controlledEngines();
    let clock = 0;
    const models = await started({ createEngine: engines.create, now: () => clock });
    void models.load('nano');
    await settle();
    expect(models.roles.nano.status).toBe('downloading');
    const load = engines.loads[0];
    if (!load) throw new Error('no load');
    expect(load.model).toBe(`${origin}/models/Qwen3-0.6B-q4f32_1-MLC/resolve/main/`);
    load.deferred.progress({
      progress: 0.1,
      timeElapsed: 1,
      text: 'Fetching param cache[1/10]: 30MB fetched. 10% completed',
    });
    clock = 2000;
    load.deferred.progress({
      progress: 0.3,
      timeElapsed: 3,
      text: 'Fetching param cache[3/10]: 90MB fetched. 30% completed',
    });
    const nano = models.roles.nano;
    expect(nano.status === 'downloading' && nano.progress).toMatchObject({
      percent: 30,
      loadedBytes: 90 * 2 ** 20,
      totalBytes: 300 * 2 ** 20,
      etaSeconds: 7,
    });
    expect(nano.status === 'downloading' && nano.source).toBe('self-hosted');
    load.deferred.resolve();
    await settle();
    expect(models.roles.nano).toMatchObject({ status: 'ready', source: 'self-hosted' });
    expect(models.roles.verifier.status).toBe('idle');
  });

  test('a failed load names the missing files of each source', async () => {
    const engines = controlledEngines();
    const models = await started({ createEngine: engines.create });
    const done = models.load('nano');
    await settle();
    engines.loads[0]?.deferred.reject(new TypeError("Failed to execute 'add' on 'Cache': Request failed"));
    await settle();
    await settle();
    engines.loads[1]?.deferred.reject(new TypeError('Failed to fetch'));
    await done;
    const nano = models.roles.nano;
    if (nano.status !== 'error') throw new Error(`status ${nano.status}`);
    expect(nano.failure.attempts.map((a) => [a.source.kind, a.missing.length])).toEqual([
      ['self-hosted', 3],
      ['public', 3],
    ]);
    expect(nano.failure.message).toContain('mlc-chat-config.json (HTTP 404)');
  });

  test('cancel: the engine is disposed at once, the role is idle, late reports are ignored', async () => {
    const engines = controlledEngines();
    const models = await started({ createEngine: engines.create });
    const done = models.load('verifier');
    await settle();
    const load = engines.loads[0];
    models.cancel('verifier');
    expect(engines.disposed).toEqual(['verifier']);
    expect(models.roles.verifier.status).toBe('idle');
    load?.deferred.progress({ progress: 0.5, timeElapsed: 1, text: 'Fetching param cache' });
    await done;
    expect(models.roles.verifier.status).toBe('idle');
    // A new load gets a new engine.
    void models.load('verifier');
    await settle();
    expect(engines.loads).toHaveLength(2);
  });

  test('complete() loads on first use, then runs on that role’s engine', async () => {
    const engines = controlledEngines();
    const models = await started({ createEngine: engines.create });
    const answer = models.complete('verifier')(request);
    await settle();
    engines.loads[0]?.deferred.resolve();
    expect(await answer).toEqual({ text: 'answer from verifier', finishReason: 'stop' });
    expect(engines.completions).toEqual([request]);
  });

  test('complete() refuses a bad request or an aborted signal before loading anything', async () => {
    const engines = controlledEngines();
    const models = await started({ createEngine: engines.create });
    await expect(models.complete('nano')({ ...request, maxTokens: 0 })).rejects.toThrow(/maxTokens/);
    await expect(models.complete('nano')(request, AbortSignal.abort())).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(engines.loads).toHaveLength(0);
    expect(models.roles.nano.status).toBe('idle');
  });

  test('complete() on an unavailable role rejects in words', async () => {
    const models = await started({ navigator: {} });
    await expect(models.complete('nano')(request)).rejects.toThrow(
      /local nano model is unavailable \(noWebGPU\)/,
    );
  });

  test('complete() after a failed load rejects with the failure', async () => {
    const engines = controlledEngines();
    const models = await started({ createEngine: engines.create });
    const answer = models.complete('nano')(request);
    await settle();
    engines.loads[0]?.deferred.reject(new Error('Device was lost'));
    await settle();
    await settle();
    engines.loads[1]?.deferred.reject(new Error('Device was lost'));
    await expect(answer).rejects.toThrow(/failed to load: .*HTTP 404/);
  });

  test('loadAtStart in the prefs loads both roles, once', async () => {
    const engines = controlledEngines();
    const models = new LocalModels({
      origin,
      fetcher: serve(),
      navigator: withGpu,
      createEngine: engines.create,
    });
    models.usePrefs({ id: 'models', loadAtStart: true });
    await models.start();
    await settle();
    expect(engines.loads.map((l) => l.role).sort()).toEqual(['nano', 'verifier']);
    models.usePrefs({ id: 'models', loadAtStart: true });
    await settle();
    expect(engines.loads).toHaveLength(2);
  });

  test('without loadAtStart nothing loads by itself', async () => {
    const engines = controlledEngines();
    const models = await started({ createEngine: engines.create });
    models.usePrefs({ id: 'models', loadAtStart: false });
    await settle();
    expect(engines.loads).toHaveLength(0);
  });

  test('unload, then delete the weights of every source', async () => {
    const engines = controlledEngines();
    const models = await started({ createEngine: engines.create });
    void models.load('nano');
    await settle();
    engines.loads[0]?.deferred.resolve();
    await settle();
    await models.unload('nano');
    expect(models.roles.nano).toMatchObject({ status: 'idle', cached: true });
    await models.deleteWeights('nano');
    expect(engines.deleted).toEqual([
      `${origin}/models/Qwen3-0.6B-q4f32_1-MLC/resolve/main/`,
      'https://huggingface.co/mlc-ai/Qwen3-0.6B-q4f32_1-MLC/resolve/main/',
    ]);
    expect(models.roles.nano).toMatchObject({ status: 'idle', cached: false });
  });
});

describe('LocalModels: replay setting', () => {
  const replay = JSON.stringify({
    kind: 'replay',
    loadMs: 0,
    recordings: [{ task: 'explain', match: 'approve', text: 'It lets the spender take your tokens.' }],
  });
  const storage = { getItem: (key: string) => (key === engineSettingKey ? replay : null) };

  test('chosen only by the setting: no probe, the preferred builds, a replay engine', async () => {
    const requestAdapter = vi.fn(async () => null);
    const models = await started({ storage, navigator: { gpu: { requestAdapter } } });
    expect(models.setting.kind).toBe('replay');
    expect(requestAdapter).not.toHaveBeenCalled();
    const nano = models.roles.nano;
    expect(nano.status === 'idle' && nano.model.id).toBe('Qwen3-0.6B-q4f16_1-MLC');
    expect(await models.complete('nano')(request)).toEqual({
      text: 'It lets the spender take your tokens.',
      finishReason: 'stop',
    });
    expect(models.roles.nano).toMatchObject({ status: 'ready', source: 'self-hosted' });
  });
});
