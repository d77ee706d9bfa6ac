import type { AppConfig } from '@mlc-ai/web-llm';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { CompletionRequest } from './complete';
import { EngineDisposedError } from './engine';
import type { ReplaySetting } from './engineSetting';
import { NoRecordingError } from './errors';
import { type LoadReport, phaseOf } from './progress';
import { ReplayEngine, replaySteps } from './replayEngine';

const id = 'Qwen3-0.6B-q4f32_1-MLC';
const appConfig: AppConfig = {
  model_list: [
    {
      model: 'https://v.example/models/x/resolve/main/',
      model_id: id,
      model_lib: 'https://v.example/x.wasm',
    },
  ],
  cacheBackend: 'cache',
};

const setting: ReplaySetting = {
  kind: 'replay',
  loadMs: 800,
  recordings: [
    { task: 'intent', match: 'swap', text: '{"action":"swap"}' },
    { task: 'intent', text: '{"action":"unknown"}' },
    { task: 'verify', text: '{"risk":0.9}', finishReason: 'length', delayMs: 1000 },
    { task: 'audit', text: '', error: 'GPU device lost' },
  ],
};

const ask = (task: CompletionRequest['task'], user: string): CompletionRequest => ({
  task,
  messages: [
    { role: 'system', content: 'sys' },
    { role: 'user', content: user },
  ],
  maxTokens: 64,
  temperature: 0,
  seed: 1,
});

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

async function loaded(): Promise<ReplayEngine> {
  const engine = new ReplayEngine(setting);
  const done = engine.load(appConfig, id, () => {});
  await vi.runAllTimersAsync();
  await done;
  return engine;
}

describe('ReplayEngine', () => {
  test('a load reports web-llm-shaped progress, then finishes', async () => {
    const engine = new ReplayEngine(setting);
    const reports: LoadReport[] = [];
    const done = engine.load(appConfig, id, (r) => reports.push(r));
    await vi.advanceTimersByTimeAsync(300);
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.length).toBeLessThan(replaySteps + 2);
    await vi.runAllTimersAsync();
    await done;
    expect(reports).toHaveLength(replaySteps + 2);
    expect(reports.slice(1, -1).every((r) => phaseOf(r.text, r.progress) === 'download')).toBe(true);
    expect(reports.at(-1)).toMatchObject({ progress: 1 });
    expect(phaseOf(reports.at(-1)?.text ?? '', 1)).toBe('done');
    expect(await engine.hasInCache(appConfig, id)).toBe(true);
  });

  test('an unknown model id is refused', async () => {
    await expect(new ReplayEngine(setting).load(appConfig, 'nope', () => {})).rejects.toThrow(
      /No record for nope/,
    );
  });

  test('no completion before a load', async () => {
    await expect(new ReplayEngine(setting).complete(ask('intent', 'hi'))).rejects.toThrow(
      /No model is loaded/,
    );
  });

  test('matches on task and a substring of the last user message, first match wins', async () => {
    const engine = await loaded();
    expect(await engine.complete(ask('intent', 'please swap 100 USDC'))).toEqual({
      text: '{"action":"swap"}',
      finishReason: 'stop',
    });
    expect(await engine.complete(ask('intent', 'send 1 ETH'))).toEqual({
      text: '{"action":"unknown"}',
      finishReason: 'stop',
    });
  });

  test('no recording for the task: a clear error', async () => {
    const engine = await loaded();
    await expect(engine.complete(ask('explain', 'x'))).rejects.toThrow(NoRecordingError);
  });

  test('delay and finish reason are replayed', async () => {
    const engine = await loaded();
    let settled = false;
    const answer = engine.complete(ask('verify', 'x')).finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await answer).toEqual({ text: '{"risk":0.9}', finishReason: 'length' });
  });

  test('a recorded error rejects with its message', async () => {
    const engine = await loaded();
    await expect(engine.complete(ask('audit', 'x'))).rejects.toThrow('GPU device lost');
  });

  test('aborting the signal ends the completion with finishReason abort', async () => {
    const engine = await loaded();
    const controller = new AbortController();
    const answer = engine.complete(ask('verify', 'x'), controller.signal);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    expect(await answer).toEqual({ text: '', finishReason: 'abort' });
  });

  test('interrupt() ends a running completion too', async () => {
    const engine = await loaded();
    const answer = engine.complete(ask('verify', 'x'));
    await vi.advanceTimersByTimeAsync(100);
    await engine.interrupt();
    expect((await answer).finishReason).toBe('abort');
  });

  test('a signal aborted before the start rejects with an AbortError', async () => {
    const engine = await loaded();
    await expect(engine.complete(ask('intent', 'x'), AbortSignal.abort())).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  test('bad requests are refused as by the real engine', async () => {
    const engine = await loaded();
    await expect(engine.complete({ ...ask('intent', 'x'), maxTokens: 0 })).rejects.toThrow(/maxTokens/);
  });

  test('dispose stops a load in flight', async () => {
    const engine = new ReplayEngine(setting);
    const done = engine.load(appConfig, id, () => {});
    await vi.advanceTimersByTimeAsync(200);
    engine.dispose();
    await expect(done).rejects.toThrow(EngineDisposedError);
    expect(await engine.hasInCache(appConfig, id)).toBe(false);
  });

  test('unload keeps the "cache"; deleteCache clears it', async () => {
    const engine = await loaded();
    await engine.unload();
    await expect(engine.complete(ask('intent', 'x'))).rejects.toThrow(/No model is loaded/);
    expect(await engine.hasInCache(appConfig, id)).toBe(true);
    await engine.deleteCache(appConfig, id);
    expect(await engine.hasInCache(appConfig, id)).toBe(false);
  });
});
