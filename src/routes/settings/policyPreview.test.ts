import { describe, expect, test } from 'vitest';
import { emptyContext } from '$lib/context/records';
import { factsOf } from '$lib/context/snapshot';
import { decided, usdcTransfer } from '$lib/context/testing';
import { noFacts } from '$lib/edge/gate/facts';
import { parsePolicy } from '$lib/edge/gate/parseContext';
import { defaultPolicy } from '$lib/edge/gate/policy';
import {
  compareEntry,
  type PreviewChange,
  type PreviewEntry,
  previewEntries,
  previewPolicyChange,
  summarizePreview,
} from './policyPreview';

const ALICE = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const T0 = Date.UTC(2026, 10, 20, 12);
const ethTransfer = JSON.stringify({ chainId: 1, to: ALICE, value: '1' });

/** A log entry as the store keeps it, decided under no private context. */
function logged(id: string, input: string, at: number): PreviewEntry {
  return { id, ...decided(input, at).entry };
}

/** The facts of a user with an empty context: history is known (and empty). */
const userFacts = factsOf(emptyContext, { now: T0 });
const balanced = defaultPolicy();
const usdcLimit = (amount: string) => parsePolicy({ limits: { perAsset: { [USDC]: amount } } });

describe('previewPolicyChange', () => {
  test('a per-asset limit under 100 USDC turns the USDC transfers from Allow to Step up', () => {
    const entries = [
      logged('a', usdcTransfer(ALICE), T0),
      logged('b', ethTransfer, T0 + 1),
      logged('c', usdcTransfer(ALICE), T0 + 2),
    ];
    const preview = previewPolicyChange(entries, balanced, usdcLimit('50000000'), userFacts);
    expect(preview.checked).toBe(3);
    expect(preview.transitions).toEqual([{ before: 'allow', after: 'stepup', count: 2 }]);
    expect(preview.changes.map((c) => c.id)).toEqual(['c', 'a']);
    expect(preview.changes[0]).toEqual({
      id: 'c',
      at: T0 + 2,
      action: 'tokenTransfer',
      before: 'allow',
      after: 'stepup',
      rules: [{ rule: 'value.over-limit', after: 'high' }],
    });
  });

  test('a latency budget changes no verdict: it routes the advisory tiers, the gate does not read it', () => {
    const unlimited = `0x095ea7b3000000000000000000000000${ALICE.slice(2).toLowerCase()}${'f'.repeat(64)}`;
    const entries = [logged('a', usdcTransfer(ALICE), T0), logged('b', unlimited, T0 + 1)];
    for (const budgetMs of [100, 600_000]) {
      const preview = previewPolicyChange(
        entries,
        balanced,
        parsePolicy({ routing: { budgetMs } }),
        userFacts,
      );
      expect(preview.checked).toBe(2);
      expect(preview.changes).toEqual([]);
    }
  });

  test('a limit above the amount changes nothing', () => {
    const entries = [logged('a', usdcTransfer(ALICE), T0)];
    const preview = previewPolicyChange(entries, balanced, usdcLimit('1000000000'), userFacts);
    expect(preview.checked).toBe(1);
    expect(preview.transitions).toEqual([]);
    expect(preview.changes).toEqual([]);
  });

  test('raising the limit loosens: Step up → Allow, the rule no longer fires', () => {
    const entries = [logged('a', usdcTransfer(ALICE), T0)];
    const preview = previewPolicyChange(entries, usdcLimit('50000000'), usdcLimit('1000000000'), userFacts);
    expect(preview.transitions).toEqual([{ before: 'stepup', after: 'allow', count: 1 }]);
    expect(preview.changes[0]?.rules).toEqual([{ rule: 'value.over-limit', before: 'high' }]);
  });

  test('a threshold change alone: no rule made the difference', () => {
    // recipient.new fires (low, ρ 0.2) for a user whose history is known: τ_risk 0.1 steps it up.
    const entries = [logged('a', usdcTransfer(ALICE), T0)];
    const strict = parsePolicy({ tauRisk: 0.1 });
    const preview = previewPolicyChange(entries, balanced, strict, userFacts);
    expect(preview.transitions).toEqual([{ before: 'allow', after: 'stepup', count: 1 }]);
    expect(preview.changes[0]?.rules).toEqual([]);
  });

  test('a severity override names the rule with both severities', () => {
    const entries = [logged('a', usdcTransfer(ALICE), T0)];
    const critical = parsePolicy({ rules: { 'recipient.new': { severity: 'critical' } } });
    const preview = previewPolicyChange(entries, balanced, critical, userFacts);
    expect(preview.changes[0]).toMatchObject({
      before: 'allow',
      after: 'block',
      rules: [{ rule: 'recipient.new', before: 'low', after: 'critical' }],
    });
  });

  test('both policies see the same facts: without history recipient.new is skipped', () => {
    const entries = [logged('a', usdcTransfer(ALICE), T0)];
    const critical = parsePolicy({ rules: { 'recipient.new': { severity: 'critical' } } });
    expect(previewPolicyChange(entries, balanced, critical, noFacts).changes).toEqual([]);
  });

  test('the draft facts, when given, are the draft’s', () => {
    const entry = { id: 'a', at: T0, input: usdcTransfer(ALICE) };
    const critical = parsePolicy({ rules: { 'recipient.new': { severity: 'critical' } } });
    expect(compareEntry(entry, balanced, critical, noFacts, userFacts)?.after).toBe('block');
    expect(compareEntry(entry, balanced, critical, noFacts)).toBeUndefined();
  });

  test('an empty log checks nothing', () => {
    expect(previewPolicyChange([], balanced, usdcLimit('1'), userFacts)).toEqual({
      checked: 0,
      changes: [],
      transitions: [],
    });
  });
});

describe('previewEntries', () => {
  test('the newest 50 that kept their input, newest first', () => {
    const entries: PreviewEntry[] = Array.from({ length: 60 }, (_, i) => ({
      id: `e${i}`,
      at: T0 + i,
      ...(i !== 59 && { input: ethTransfer }),
    }));
    const picked = previewEntries(entries);
    expect(picked).toHaveLength(50);
    expect(picked[0]?.id).toBe('e58');
    expect(picked.at(-1)?.id).toBe('e9');
  });

  test('a smaller size', () => {
    const entries = [
      { id: 'x', at: 2, input: 'a' },
      { id: 'y', at: 1, input: 'b' },
      { id: 'z', at: 3 },
    ];
    expect(previewEntries(entries, 1).map((e) => e.id)).toEqual(['x']);
  });
});

describe('summarizePreview', () => {
  const change = (id: string, before: PreviewChange['before'], after: PreviewChange['after'], at = 0) => ({
    id,
    at,
    action: 'unknown',
    before,
    after,
    rules: [],
  });

  test('tightening first, then by the verdict left; changes newest first', () => {
    const summary = summarizePreview(10, [
      change('1', 'stepup', 'allow', 1),
      change('2', 'stepup', 'block', 2),
      change('3', 'allow', 'stepup', 3),
      change('4', 'allow', 'stepup', 4),
      change('5', 'block', 'stepup', 5),
    ]);
    expect(summary.checked).toBe(10);
    expect(summary.transitions).toEqual([
      { before: 'allow', after: 'stepup', count: 2 },
      { before: 'stepup', after: 'block', count: 1 },
      { before: 'stepup', after: 'allow', count: 1 },
      { before: 'block', after: 'stepup', count: 1 },
    ]);
    expect(summary.changes.map((c) => c.id)).toEqual(['5', '4', '3', '2', '1']);
  });
});
