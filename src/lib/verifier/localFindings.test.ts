import { encodeFunctionData, erc20Abi, maxUint256 } from 'viem';
import { describe, expect, test } from 'vitest';
import { inspect } from '../edge/inspect';
import type { LocalAdvice } from './advise';
import { DEFAULT_EPSILON, divergence } from './divergence';
import type { InspectedView } from './explainPrompt';
import { LOCAL_RULES, withLocalAdvice } from './localFindings';
import { mergeVerdict } from './merge';
import type { ModelAdvice } from './types';

const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const STRANGER = '0x1111111111111111111111111111111111111111';
const ME = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const view = (args: readonly [`0x${string}`, bigint], fn: 'approve' | 'transfer') => {
  const r = inspect(
    JSON.stringify({
      chainId: 1,
      from: ME,
      to: USDC,
      data: encodeFunctionData({ abi: erc20Abi, functionName: fn, args }),
    }),
  );
  if (!r.ok) throw new Error(r.error.message);
  return r as InspectedView;
};
const approval = view([STRANGER, maxUint256], 'approve');
const transfer = view([ME, 5_000_000n], 'transfer');

const audit = (suggested: 'allow' | 'stepup' | 'block', concerns = 1, risk = 0.9): ModelAdvice => ({
  kind: 'advice',
  source: 'verifier',
  mode: 'reflect',
  risk,
  suggested,
  concerns: Array.from({ length: concerns }, (_, i) => ({
    field: `intent.permissions[${i}]`,
    text: `concern ${i}`,
  })),
  explanation: 'Lets a stranger spend all your USDC.',
});

function advice(result: InspectedView, parts: Omit<LocalAdvice, 'merged'>): LocalAdvice {
  const delta = parts.statedDelta ? { delta: parts.statedDelta.delta } : undefined;
  return { ...parts, merged: mergeVerdict(result.decision, parts.audit ? [parts.audit] : [], delta) };
}

describe('withLocalAdvice', () => {
  test('no advice, or advice that adds nothing: the same decision', () => {
    expect(withLocalAdvice(transfer.decision, undefined, DEFAULT_EPSILON)).toBe(transfer.decision);
    const quiet = advice(transfer, { audit: audit('allow', 0, 0.01) });
    expect(withLocalAdvice(transfer.decision, quiet, DEFAULT_EPSILON)).toBe(transfer.decision);
  });

  test('a diverging stated intent raises Allow to StepUp with a high finding in words', () => {
    const statedDelta = divergence(
      { intent: transfer.intent, chainId: 1n },
      { action: 'swap', asset: { symbol: 'USDC' }, amount: { value: '10' } },
    );
    const d = withLocalAdvice(transfer.decision, advice(transfer, { statedDelta }), DEFAULT_EPSILON);
    expect(d.verdict).toBe('stepup');
    const finding = d.findings.find((f) => f.rule === LOCAL_RULES.stated);
    expect(finding?.severity).toBe('high');
    expect(finding?.message).toMatch(/action: you said swap, the request has tokenTransfer/);
    expect(d.payloadHash).toBe(transfer.decision.payloadHash);
  });

  test("the verifier's concerns join the step-up; a suggested Block makes them high and the verdict Block", () => {
    const stepped = withLocalAdvice(approval.decision, advice(approval, { audit: audit('stepup', 2) }), 0.15);
    expect(stepped.verdict).toBe('stepup');
    expect(
      stepped.findings.filter((f) => f.rule === LOCAL_RULES.verifier).map((f) => [f.severity, f.path]),
    ).toEqual([
      ['medium', 'intent.permissions[0]#0'],
      ['medium', 'intent.permissions[1]#1'],
    ]);
    const blocked = withLocalAdvice(approval.decision, advice(approval, { audit: audit('block') }), 0.15);
    expect(blocked.verdict).toBe('block');
    expect(blocked.findings.at(-1)).toMatchObject({ severity: 'high', message: 'Local verifier: concern 0' });
  });

  test('raised by a risk score alone: the raise itself is a finding to acknowledge', () => {
    const d = withLocalAdvice(transfer.decision, advice(transfer, { audit: audit('allow', 0, 0.9) }), 0.15);
    expect(d.verdict).toBe('stepup');
    expect(d.findings.at(-1)?.message).toMatch(/^Local verifier: risk 0\.90/);
  });

  test('never less strict than the edge, whatever the advice says', () => {
    const d = withLocalAdvice(approval.decision, advice(approval, { audit: audit('allow', 0, 0) }), 0.15);
    expect(d.verdict).toBe(approval.decision.verdict);
  });
});
