import { encodeFunctionData, erc20Abi, maxUint256 } from 'viem';
import { describe, expect, test } from 'vitest';
import { parsePolicy } from '../edge/gate/parseContext';
import { inspect } from '../edge/inspect';
import { type AdviseEngines, advise, type LocalAdvice } from './advise';
import type { Complete, CompletionRequest } from './complete';
import type { InspectedView } from './explainPrompt';

const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const STRANGER = '0x1111111111111111111111111111111111111111';
const ME = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';

function view(data: `0x${string}`): InspectedView {
  const result = inspect(JSON.stringify({ chainId: 1, from: ME, to: USDC, data }));
  if (!result.ok) throw new Error(result.error.message);
  return result;
}
const unlimitedApproval = view(
  encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [STRANGER, maxUint256] }),
);
const smallTransfer = view(
  encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [ME, 5_000_000n] }),
);

/** An engine answering per task from a table; it records the tasks it was asked, in order. */
function engine(answers: Partial<Record<CompletionRequest['task'], unknown>>) {
  const asked: CompletionRequest[] = [];
  const complete: Complete = async (request) => {
    asked.push(request);
    const answer = answers[request.task];
    if (answer === undefined) throw Object.assign(new Error('not loaded'), { name: 'ModelNotLoadedError' });
    return { text: typeof answer === 'string' ? answer : JSON.stringify(answer), finishReason: 'stop' };
  };
  return { complete, asked };
}

const audit = (verdict: string, risk: number) => ({
  hypothesis: 'An attacker would get the spender to drain the allowance.',
  critique: 'The spender is unknown and the amount unlimited.',
  refined: { action: 'approve', asset: { symbol: 'USDC' }, amount: { unlimited: true } },
  risk,
  verdict,
  concerns: [{ field: 'intent.permissions[0]', text: 'Unlimited allowance to a stranger.' }],
  explanation: 'This lets an unknown address spend all your USDC.',
});

async function run(engines: AdviseEngines, result: InspectedView, stated?: string) {
  const updates: LocalAdvice[] = [];
  const final = await advise(
    engines,
    { result, language: 'en', ...(stated !== undefined && { stated }) },
    (u) => updates.push(u),
  );
  return { final, updates };
}

describe('advise: one pass of the local tier', () => {
  test('a stated intent that contradicts an unlimited approval diverges; the <REFLECT> audit raises StepUp to Block', async () => {
    expect(unlimitedApproval.decision.verdict).toBe('stepup');
    const nano = engine({
      intent: { action: 'swap', asset: { symbol: 'USDC' }, amount: { value: '10' } },
      explain:
        'This gives an unknown address permission to spend all of your USDC. It does not swap anything.',
    });
    const verifier = engine({ audit: audit('block', 0.95) });
    const { final, updates } = await run(
      { nano: nano.complete, verifier: verifier.complete },
      unlimitedApproval,
      'swap 10 USDC',
    );
    expect(final.statedDelta?.delta).toBeGreaterThan(0.15);
    expect(final.auditMode).toBe('reflect');
    expect(verifier.asked.map((r) => r.task)).toEqual(['audit']);
    expect(final.merged.verdict).toBe('block');
    expect(final.merged.requireConfirmation).toBe(true);
    expect(final.explanation).toMatchObject({ kind: 'explanation', language: 'en' });
    // Progress: each task announced before it ran, the last update carries no running task.
    expect(updates.map((u) => u.running)).toEqual([
      'intent',
      undefined,
      'verify',
      undefined,
      'explain',
      undefined,
    ]);
  });

  test('on an Allow the verifier runs in Standard mode; a stated intent that matches keeps Δ at 0', async () => {
    expect(smallTransfer.decision.verdict).toBe('allow');
    const nano = engine({
      intent: {
        action: 'transfer',
        asset: { symbol: 'USDC' },
        amount: { value: '5' },
        counterparty: { address: ME },
      },
      explain: 'This sends 5 USDC to your own address.',
    });
    const verifier = engine({
      verify: {
        refined: { action: 'transfer', asset: { symbol: 'USDC' }, amount: { value: '5' } },
        risk: 0.05,
        verdict: 'allow',
        concerns: [],
        explanation: 'A plain transfer of 5 USDC.',
      },
    });
    const { final } = await run(
      { nano: nano.complete, verifier: verifier.complete },
      smallTransfer,
      'send 5 USDC to me',
    );
    expect(final.statedDelta?.delta).toBe(0);
    expect(final.auditMode).toBe('standard');
    expect(final.merged).toMatchObject({ verdict: 'allow', requireConfirmation: false });
  });

  test('with the nano alone, a stated intent that contradicts an allowed request raises it to StepUp', async () => {
    const nano = engine({
      intent: { action: 'swap', asset: { symbol: 'USDC' }, amount: { value: '10' } },
      explain: 'x',
    });
    const { final } = await run({ nano: nano.complete }, smallTransfer, 'swap 10 USDC for ETH');
    expect(final.statedDelta?.fields.find((f) => f.field === 'action')).toMatchObject({ distance: 1 });
    expect(final.merged).toMatchObject({
      verdict: 'stepup',
      requireConfirmation: true,
      raisedBy: [expect.objectContaining({ kind: 'divergence' })],
    });
  });

  test('a verifier that says "allow" with risk 0 cannot lower a StepUp', async () => {
    const verifier = engine({ audit: audit('allow', 0) });
    const { final } = await run({ verifier: verifier.complete }, unlimitedApproval);
    expect(final.audit).toMatchObject({ kind: 'advice', suggested: 'allow' });
    expect(final.merged.verdict).toBe('stepup');
  });

  test('malformed, failing or absent models are no advice: the edge verdict stands', async () => {
    const garbage = engine({ intent: '{"action":', audit: 'Sure! It is safe.', explain: '' });
    const { final } = await run(
      { nano: garbage.complete, verifier: garbage.complete },
      unlimitedApproval,
      'swap',
    );
    expect(final.expected).toMatchObject({ kind: 'none', reason: 'malformed' });
    expect(final.audit).toMatchObject({ kind: 'none', reason: 'malformed' });
    expect(final.merged.verdict).toBe('stepup');

    const unloaded = engine({});
    const none = await run(
      { nano: unloaded.complete, verifier: unloaded.complete },
      unlimitedApproval,
      'swap',
    );
    expect(none.final.audit).toMatchObject({ kind: 'none', reason: 'unavailable' });
    expect(none.final.merged.verdict).toBe('stepup');

    const nothing = await run({}, smallTransfer, 'swap 10 USDC');
    expect(nothing.final).toEqual({ merged: expect.objectContaining({ verdict: 'allow' }) });
    expect(nothing.updates).toEqual([]);
  });

  test('a Block is explained but not audited; no stated intent, no intent task', async () => {
    const blocked = inspect(
      JSON.stringify({
        chainId: 1,
        from: ME,
        to: USDC,
        data: encodeFunctionData({
          abi: erc20Abi,
          functionName: 'approve',
          args: ['0x000000000000000000000000000000000000dEaD', maxUint256],
        }),
      }),
      { policy: parsePolicy({ denylist: ['0x000000000000000000000000000000000000dEaD'] }) },
    ) as InspectedView;
    expect(blocked.decision.verdict).toBe('block');
    const nano = engine({ explain: 'This gives a blocked address permission to spend all of your USDC.' });
    const verifier = engine({ audit: audit('block', 1) });
    await run({ nano: nano.complete, verifier: verifier.complete }, blocked);
    expect(verifier.asked).toEqual([]);
    expect(nano.asked.map((r) => r.task)).toEqual(['explain']);
  });

  test('aborting stops the pass after the running task', async () => {
    const controller = new AbortController();
    const nano = engine({ intent: { action: 'swap' }, explain: 'x' });
    const verifier = engine({ audit: audit('block', 1) });
    const pass = advise(
      { nano: nano.complete, verifier: verifier.complete },
      { result: unlimitedApproval, stated: 'swap', language: 'en' },
      () => controller.abort(),
      controller.signal,
    );
    const final = await pass;
    expect(verifier.asked).toEqual([]);
    expect(final.merged.verdict).toBe('stepup');
  });

  test('plan edge→cloud→local: the verifier waits for the cloud and is given its context as data', async () => {
    const verifier = engine({ audit: audit('stepup', 0.6) });
    let resolveCloud: (
      value: undefined | { reputation: string; incidents: { what: string }[]; context: string; risk: number },
    ) => void = () => undefined;
    const cloud = new Promise<Parameters<typeof resolveCloud>[0]>((resolve) => {
      resolveCloud = resolve;
    });
    const pass = advise(
      { verifier: verifier.complete },
      {
        result: unlimitedApproval,
        language: 'en',
        ecosystem: () => cloud,
      },
      () => undefined,
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(verifier.asked).toHaveLength(0);
    resolveCloud({
      reputation: 'suspicious',
      incidents: [{ what: 'drainer <b>report</b>' }],
      context: 'ctx',
      risk: 0.3,
    });
    await pass;
    const user = verifier.asked[0]?.messages.at(-1)?.content ?? '';
    expect(user).toContain('<data name="ecosystem">');
    expect(user).toContain('drainer');
    // Untrusted text from the cloud is fenced like any other data: no markup survives.
    expect(user).not.toContain('<b>');
  });

  test('a cloud with nothing to say leaves the ecosystem block out; verify: false leaves the verifier out', async () => {
    const verifier = engine({ audit: audit('stepup', 0.6) });
    await advise(
      { verifier: verifier.complete },
      { result: unlimitedApproval, language: 'en', ecosystem: async () => undefined },
      () => undefined,
    );
    expect(verifier.asked[0]?.messages.at(-1)?.content).not.toContain('ecosystem');
    const skipped = engine({ audit: audit('block', 0.9), explain: 'An explanation.' });
    const { final } = await run({ verifier: skipped.complete, nano: skipped.complete }, unlimitedApproval);
    expect(final.audit).toBeDefined();
    const off = engine({ audit: audit('block', 0.9), explain: 'An explanation.' });
    const result = await advise(
      { verifier: off.complete, nano: off.complete },
      { result: unlimitedApproval, language: 'en', verify: false },
      () => undefined,
    );
    expect(off.asked.map((r) => r.task)).toEqual(['explain']);
    expect(result.merged.verdict).toBe('stepup');
  });
});
