import type { AppConfig } from '@mlc-ai/web-llm';
import { describe, expect, test } from 'vitest';
import type { Engine } from './engine';
import { EngineDisposedError } from './engine';
import { loadFromSources, ModelLoadError, missingFiles } from './loadModel';
import { modelSources, parseModel } from './manifest';

const model = parseModel({
  id: 'Qwen3-0.6B-q4f32_1-MLC',
  label: 'Qwen3 0.6B',
  quantization: 'q4f32_1',
  requiredFeatures: [],
  vramMB: 1924.98,
  modelLib: 'Qwen3-0.6B-q4f32_1_cs1k-webgpu.wasm',
  public: {
    model: 'https://huggingface.co/mlc-ai/Qwen3-0.6B-q4f32_1-MLC',
    modelLib: 'https://raw.githubusercontent.com/mlc-ai/libs/Qwen3-0.6B-q4f32_1_cs1k-webgpu.wasm',
  },
});
const sources = modelSources(model, 'http://127.0.0.1:4173');
const selfBase = 'http://127.0.0.1:4173/models/Qwen3-0.6B-q4f32_1-MLC/';

/** An engine whose load fails for the URLs in `failing`, recording what it was asked. */
function fakeEngine(options: { failing?: (modelUrl: string) => Error | undefined; cached?: string[] } = {}) {
  const loads: string[] = [];
  const engine: Engine = {
    kind: 'webllm',
    async load(appConfig: AppConfig, modelId: string) {
      const record = appConfig.model_list[0];
      if (!record || record.model_id !== modelId) throw new Error('bad app config');
      loads.push(record.model);
      const error = options.failing?.(record.model);
      if (error) throw error;
    },
    complete: async () => ({ text: '', finishReason: 'stop' }),
    interrupt: async () => {},
    unload: async () => {},
    hasInCache: async (appConfig: AppConfig) =>
      options.cached?.includes(appConfig.model_list[0]?.model ?? '') ?? false,
    deleteCache: async () => {},
    dispose: () => {},
  };
  return { engine, loads };
}

/** A fetch answering HEAD from a table of URL → status (absent: network error). */
function fakeFetch(table: Record<string, number | 'html'>): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    expect(init?.method).toBe('HEAD');
    const answer = table[url];
    if (answer === undefined) throw new TypeError('Failed to fetch');
    if (answer === 'html')
      return new Response(null, { status: 200, headers: { 'content-type': 'text/html' } });
    return new Response(null, { status: answer, headers: { 'content-type': 'application/octet-stream' } });
  }) as typeof fetch;
}

describe('missingFiles', () => {
  test('names each file the source does not serve, and how', async () => {
    const self = sources[0];
    if (!self) throw new Error('no source');
    const missing = await missingFiles(
      self,
      fakeFetch({
        [`${selfBase}resolve/main/mlc-chat-config.json`]: 404,
        [`${selfBase}resolve/main/tensor-cache.json`]: 'html',
        [`${selfBase}Qwen3-0.6B-q4f32_1_cs1k-webgpu.wasm`]: 200,
      }),
    );
    expect(missing).toEqual([
      { url: `${selfBase}resolve/main/mlc-chat-config.json`, problem: 'status', status: 404 },
      { url: `${selfBase}resolve/main/tensor-cache.json`, problem: 'html' },
    ]);
  });

  test('an unreachable host is a network problem', async () => {
    const pub = sources[1];
    if (!pub) throw new Error('no source');
    const missing = await missingFiles(pub, fakeFetch({}));
    expect(missing.map((m) => m.problem)).toEqual(['network', 'network', 'network']);
    expect(missing[0]).toMatchObject({ message: 'Failed to fetch' });
  });
});

describe('loadFromSources', () => {
  const base = { model, sources, onProgress: () => {} };

  test('self-hosted works: the public build is never tried', async () => {
    const { engine, loads } = fakeEngine();
    const source = await loadFromSources({ ...base, engine, fetcher: fakeFetch({}) });
    expect(source.kind).toBe('self-hosted');
    expect(loads).toEqual([`${selfBase}resolve/main/`]);
  });

  test('self-hosted files missing: the public build next', async () => {
    const { engine, loads } = fakeEngine({
      failing: (url) =>
        url.startsWith(selfBase)
          ? new TypeError("Failed to execute 'add' on 'Cache': Request failed")
          : undefined,
    });
    const tried: string[] = [];
    const source = await loadFromSources({
      ...base,
      engine,
      fetcher: fakeFetch({ [`${selfBase}resolve/main/mlc-chat-config.json`]: 404 }),
      onSource: (s) => tried.push(s.kind),
    });
    expect(source.kind).toBe('public');
    expect(tried).toEqual(['self-hosted', 'public']);
    expect(loads).toHaveLength(2);
  });

  test('both missing: one error naming every missing file per source', async () => {
    const { engine } = fakeEngine({
      failing: () => new TypeError("Failed to execute 'add' on 'Cache': Request failed"),
    });
    const fetcher = fakeFetch({
      [`${selfBase}resolve/main/mlc-chat-config.json`]: 404,
      [`${selfBase}resolve/main/tensor-cache.json`]: 404,
      [`${selfBase}Qwen3-0.6B-q4f32_1_cs1k-webgpu.wasm`]: 404,
    });
    const error = await loadFromSources({ ...base, engine, fetcher }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    const attempts = (error as ModelLoadError).attempts;
    expect(attempts.map((a) => [a.source.kind, a.missing.length])).toEqual([
      ['self-hosted', 3],
      ['public', 3],
    ]);
    expect((error as Error).message).toContain(`${selfBase}resolve/main/mlc-chat-config.json (HTTP 404)`);
    expect((error as Error).message).toContain('public: missing https://huggingface.co/mlc-ai/');
    expect((error as Error).message).toContain('(network error: Failed to fetch)');
  });

  test('a failure with every file present (a GPU error) stops there', async () => {
    const { engine, loads } = fakeEngine({ failing: () => new Error('Device was lost') });
    const present = Object.fromEntries(
      [
        `${selfBase}resolve/main/mlc-chat-config.json`,
        `${selfBase}resolve/main/tensor-cache.json`,
        `${selfBase}Qwen3-0.6B-q4f32_1_cs1k-webgpu.wasm`,
      ].map((u) => [u, 200]),
    );
    const error = (await loadFromSources({ ...base, engine, fetcher: fakeFetch(present) }).catch(
      (e: unknown) => e,
    )) as ModelLoadError;
    expect(loads).toHaveLength(1);
    expect(error.attempts).toEqual([{ source: sources[0], message: 'Device was lost', missing: [] }]);
    expect(error.message).toContain('self-hosted: Device was lost');
  });

  test('a cached public build is tried first (offline use)', async () => {
    const pub = sources[1];
    if (!pub) throw new Error('no source');
    const { engine, loads } = fakeEngine({ cached: [pub.model] });
    const source = await loadFromSources({ ...base, engine, fetcher: fakeFetch({}) });
    expect(source.kind).toBe('public');
    expect(loads).toEqual([pub.model]);
  });

  test('a disposed engine (cancel) ends the load without trying further', async () => {
    const { engine, loads } = fakeEngine({ failing: () => new EngineDisposedError() });
    await expect(loadFromSources({ ...base, engine, fetcher: fakeFetch({}) })).rejects.toBeInstanceOf(
      EngineDisposedError,
    );
    expect(loads).toHaveLength(1);
  });

  test('no source at all', async () => {
    const { engine } = fakeEngine();
    await expect(
      loadFromSources({ ...base, sources: [], engine, fetcher: fakeFetch({}) }),
    ).rejects.toBeInstanceOf(ModelLoadError);
  });
});
