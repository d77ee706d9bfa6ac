import { encodeFunctionData, parseAbi } from 'viem';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { inspect } from '../edge/inspect';
import type { Complete, Completion, CompletionRequest } from './complete';
import { explainPrompt, type InspectedView } from './explainPrompt';
import { intentPrompt } from './intentPrompt';
import { mergeVerdict } from './merge';
import { DEFAULT_TIMEOUTS, rejectionReason, runCompletion } from './runCompletion';
import { explain, parseStatedIntent, verify } from './tasks';
import { verifyPrompt } from './verifyPrompt';

const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const stranger = '0x1111111111111111111111111111111111111111';
const view = inspect(
  JSON.stringify({
    chainId: '0x1',
    from: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045',
    to: usdc,
    data: encodeFunctionData({
      abi: parseAbi(['function approve(address,uint256)']),
      args: [stranger, (1n << 256n) - 1n],
    }),
  }),
) as InspectedView;
if (!view.ok) throw new Error('fixture did not parse');
const input = { intent: view.intent, findings: view.decision.findings, chainId: 1n };

const verifierAnswer = {
  refined: {
    action: 'approve',
    asset: { symbol: 'USDC' },
    amount: { unlimited: true },
    counterparty: { address: stranger },
  },
  risk: 0.92,
  verdict: 'block',
  concerns: [
    { field: 'intent.permissions[0]', text: 'Unlimited allowance to an address you have never used.' },
  ],
  explanation: 'This lets an unknown address spend all your USDC.',
};

/** A fake engine answering from recorded outputs, matched on the request's task; it records what it was asked. */
function recorded(outputs: Partial<Record<CompletionRequest['task'], Completion>>) {
  const calls: { request: CompletionRequest; signal?: AbortSignal }[] = [];
  const complete: Complete = async (request, signal) => {
    calls.push({ request, ...(signal && { signal }) });
    const output = outputs[request.task];
    if (!output) throw new Error(`no recorded output for ${request.task}`);
    return output;
  };
  return { complete, calls };
}

/** An engine that answers only when told to, and reports aborts like web-llm does. */
function controlled() {
  let resolve!: (c: Completion) => void;
  let reject!: (e: unknown) => void;
  let seen: AbortSignal | undefined;
  const complete: Complete = (_, signal) => {
    seen = signal;
    return new Promise<Completion>((res, rej) => {
      resolve = res;
      reject = rej;
    });
  };
  return {
    complete,
    resolve: (c: Completion) => resolve(c),
    reject: (e: unknown) => reject(e),
    signal: () => seen,
  };
}

const named = (name: string, message = 'x') => Object.assign(new Error(message), { name });

describe('tasks with recorded outputs', () => {
  test('parseStatedIntent: sends intentPrompt(text) with an AbortSignal and parses the answer', async () => {
    const engine = recorded({
      intent: {
        text: '{"action":"swap","asset":{"symbol":"USDC"},"amount":{"value":"10"}}',
        finishReason: 'stop',
      },
    });
    await expect(parseStatedIntent(engine.complete, 'swap 10 USDC')).resolves.toEqual({
      kind: 'expected',
      expected: { action: 'swap', asset: { symbol: 'USDC' }, amount: { value: '10' } },
    });
    expect(engine.calls[0]?.request).toEqual(intentPrompt('swap 10 USDC'));
    expect(engine.calls[0]?.signal).toBeInstanceOf(AbortSignal);
    expect(engine.calls[0]?.signal?.aborted).toBe(false);
  });

  test('verify: standard and reflect answers become advice; the merge raises with it', async () => {
    const engine = recorded({
      verify: { text: JSON.stringify(verifierAnswer), finishReason: 'stop' },
      audit: {
        text: `\`\`\`json\n${JSON.stringify({ hypothesis: 'A drainer spender.', critique: 'Nothing rules it out.', ...verifierAnswer })}\n\`\`\``,
        finishReason: 'stop',
      },
    });
    const standard = await verify(engine.complete, input, 'standard');
    const reflect = await verify(engine.complete, input, 'reflect');
    expect(standard).toMatchObject({
      kind: 'advice',
      source: 'verifier',
      mode: 'standard',
      suggested: 'block',
      risk: 0.92,
    });
    expect(reflect).toMatchObject({
      kind: 'advice',
      mode: 'reflect',
      audit: { hypothesis: 'A drainer spender.' },
    });
    expect(engine.calls.map((c) => c.request)).toEqual([
      verifyPrompt(input, 'standard'),
      verifyPrompt(input, 'reflect'),
    ]);
    expect(mergeVerdict(view.decision, [standard, reflect]).verdict).toBe('block');
  });

  test('explain: plain sentences in the asked language', async () => {
    const engine = recorded({
      explain: { text: '此请求允许陌生地址花费你全部的 USDC。这是无限授权。', finishReason: 'stop' },
    });
    await expect(explain(engine.complete, view, view.decision.findings, 'zh')).resolves.toEqual({
      kind: 'explanation',
      language: 'zh',
      text: '此请求允许陌生地址花费你全部的 USDC。这是无限授权。',
    });
    expect(engine.calls[0]?.request).toEqual(explainPrompt(view, view.decision.findings, 'zh'));
    await expect(explain(engine.complete, view, view.decision.findings, 'en')).resolves.toMatchObject({
      kind: 'none',
      reason: 'malformed',
    });
  });

  test('a malformed or truncated answer is no advice', async () => {
    const bad = recorded({
      verify: { text: JSON.stringify({ ...verifierAnswer, risk: 1.5 }), finishReason: 'stop' },
      audit: { text: JSON.stringify(verifierAnswer).slice(0, 50), finishReason: 'length' },
    });
    await expect(verify(bad.complete, input, 'standard')).resolves.toMatchObject({
      kind: 'none',
      reason: 'malformed',
      detail: '$.risk: 1.5 is outside [0, 1]',
    });
    await expect(verify(bad.complete, input, 'reflect')).resolves.toMatchObject({
      kind: 'none',
      reason: 'malformed',
      detail: '$: cut off at the token limit',
    });
  });

  test('bad arguments are errors', async () => {
    const engine = recorded({});
    await expect(parseStatedIntent(engine.complete, '   ')).rejects.toThrow(TypeError);
    await expect(verify(engine.complete, input, 'standard', { timeoutMs: 0 })).rejects.toThrow(RangeError);
    await expect(verify(engine.complete, input, 'standard', { timeoutMs: Number.NaN })).rejects.toThrow(
      RangeError,
    );
    expect(engine.calls).toHaveLength(0);
  });
});

describe('timeouts, aborts and rejections', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('an answer after the timeout is late and ignored; the engine is told to stop', async () => {
    const engine = controlled();
    const result = verify(engine.complete, input, 'standard', { timeoutMs: 1_000 });
    await vi.advanceTimersByTimeAsync(999);
    expect(engine.signal()?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(engine.signal()?.aborted).toBe(true);
    engine.resolve({
      text: JSON.stringify({ ...verifierAnswer, verdict: 'allow', risk: 0 }),
      finishReason: 'stop',
    });
    await expect(result).resolves.toEqual({
      kind: 'none',
      reason: 'late',
      detail: 'no answer within 1000 ms',
    });
  });

  test("the default timeout is the task's", async () => {
    const engine = controlled();
    const result = parseStatedIntent(engine.complete, 'swap 10 USDC');
    await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUTS.intent - 1);
    expect(engine.signal()?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toMatchObject({ kind: 'none', reason: 'late' });
  });

  test('an answer in time is parsed, and the timer is cleared', async () => {
    const engine = controlled();
    const result = verify(engine.complete, input, 'standard', { timeoutMs: 1_000 });
    engine.resolve({ text: JSON.stringify(verifierAnswer), finishReason: 'stop' });
    await expect(result).resolves.toMatchObject({ kind: 'advice' });
    expect(vi.getTimerCount()).toBe(0);
    expect(engine.signal()?.aborted).toBe(false);
  });

  test('the caller aborting withdraws the question', async () => {
    const engine = controlled();
    const caller = new AbortController();
    const result = verify(engine.complete, input, 'reflect', { signal: caller.signal });
    caller.abort();
    expect(engine.signal()?.aborted).toBe(true);
    engine.reject(named('AbortError'));
    await expect(result).resolves.toEqual({ kind: 'none', reason: 'aborted' });
    expect(vi.getTimerCount()).toBe(0);
  });

  test('an already aborted signal never reaches the engine', async () => {
    const engine = recorded({});
    const caller = new AbortController();
    caller.abort();
    await expect(
      parseStatedIntent(engine.complete, 'swap', { signal: caller.signal }),
    ).resolves.toMatchObject({
      kind: 'none',
      reason: 'aborted',
    });
    expect(engine.calls).toHaveLength(0);
  });

  test.each([
    ['WebGPUNotAvailableError', 'unavailable'],
    ['ModelNotLoadedError', 'unavailable'],
    ['WorkerEngineModelNotLoadedError', 'unavailable'],
    ['ModelNotFoundError', 'unavailable'],
    ['DeviceLostError', 'unavailable'],
    ['Error', 'failed'],
    ['ContextWindowSizeExceededError', 'failed'],
  ])('a rejection with %s is %s', async (name, reason) => {
    const engine = controlled();
    const result = verify(engine.complete, input, 'standard');
    engine.reject(named(name, 'engine said no\u202E'));
    await expect(result).resolves.toEqual({ kind: 'none', reason, detail: `${name}: engine said no` });
  });

  test('an engine that throws instead of rejecting, or rejects with a non-Error, fails', async () => {
    const throwing: Complete = () => {
      throw new TypeError('sync');
    };
    await expect(verify(throwing, input, 'standard')).resolves.toEqual({
      kind: 'none',
      reason: 'failed',
      detail: 'TypeError: sync',
    });
    const engine = controlled();
    const result = verify(engine.complete, input, 'standard');
    engine.reject('gpu on fire');
    await expect(result).resolves.toEqual({ kind: 'none', reason: 'failed', detail: 'gpu on fire' });
  });

  test('an answer the engine stopped by itself is a failure, not advice', async () => {
    const engine = controlled();
    const result = verify(engine.complete, input, 'standard');
    engine.resolve({ text: JSON.stringify(verifierAnswer), finishReason: 'abort' });
    await expect(result).resolves.toMatchObject({ kind: 'none', reason: 'failed' });
  });
});

describe('runCompletion and rejectionReason', () => {
  test('pass a completion through untouched', async () => {
    const completion: Completion = { text: 'x', finishReason: 'stop' };
    await expect(
      runCompletion(async () => completion, intentPrompt('x'), { timeoutMs: 50 }),
    ).resolves.toEqual({
      kind: 'completion',
      completion,
    });
  });

  test('clip a huge error message', () => {
    expect(rejectionReason(new Error('e'.repeat(1000))).detail?.length).toBeLessThan(250);
  });
});
