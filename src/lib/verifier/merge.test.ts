import fc from 'fast-check';
import { encodeFunctionData, parseAbi } from 'viem';
import { describe, expect, test } from 'vitest';
import type { Decision, Verdict } from '../edge/gate/decision';
import { inspect } from '../edge/inspect';
import { divergence } from './divergence';
import { mergeVerdict, stricter } from './merge';
import type { Advice, ModelAdvice } from './types';

const rank: Record<Verdict, number> = { allow: 0, stepup: 1, block: 2 };

const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const stranger = '0x1111111111111111111111111111111111111111';
const approveAll = inspect(
  JSON.stringify({
    chainId: '0x1',
    from: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045',
    to: usdc,
    data: encodeFunctionData({
      abi: parseAbi(['function approve(address,uint256)']),
      args: [stranger, (1n << 256n) - 1n],
    }),
  }),
);
if (!approveAll.ok) throw new Error('fixture did not parse');
const realDecision = approveAll.decision;
const decision = (verdict: Verdict): Decision => ({ ...realDecision, verdict });

const advice = (suggested: Verdict, risk: number, extra: Partial<ModelAdvice> = {}): ModelAdvice => ({
  kind: 'advice',
  source: 'verifier',
  mode: 'standard',
  risk,
  suggested,
  concerns: [],
  explanation: 'x',
  ...extra,
});

describe('mergeVerdict', () => {
  test('a model can raise: allow + suggested block → block', () => {
    expect(mergeVerdict(decision('allow'), [advice('block', 0.9)])).toEqual({
      verdict: 'block',
      raisedBy: [
        { kind: 'suggested', source: 'verifier', mode: 'standard', verdict: 'block' },
        { kind: 'risk', source: 'verifier', mode: 'standard', risk: 0.9, threshold: 0.5 },
      ],
      requireReflect: false,
      requireConfirmation: false,
    });
  });

  test('a model cannot lower: block + suggested allow at risk 0 → block', () => {
    expect(mergeVerdict(decision('block'), [advice('allow', 0)])).toEqual({
      verdict: 'block',
      raisedBy: [],
      requireReflect: false,
      requireConfirmation: false,
    });
    expect(
      mergeVerdict(decision('stepup'), [advice('allow', 0), advice('allow', 0, { mode: 'reflect' })]).verdict,
    ).toBe('stepup');
  });

  test('a risk above the threshold raises allow to stepup, not further; at the threshold it does not', () => {
    expect(mergeVerdict(decision('allow'), [advice('allow', 0.51)]).verdict).toBe('stepup');
    expect(mergeVerdict(decision('allow'), [advice('allow', 0.5)]).verdict).toBe('allow');
    expect(mergeVerdict(decision('allow'), [advice('allow', 1)]).verdict).toBe('stepup');
    expect(
      mergeVerdict(decision('allow'), [advice('allow', 0.3)], undefined, { riskThreshold: 0.2 }).verdict,
    ).toBe('stepup');
  });

  test('no advice counts as none', () => {
    const none: Advice[] = [
      { kind: 'none', reason: 'malformed', detail: '$.risk: 1.5 is outside [0, 1]' },
      { kind: 'none', reason: 'late' },
      { kind: 'none', reason: 'unavailable' },
    ];
    expect(mergeVerdict(decision('allow'), none)).toEqual({
      verdict: 'allow',
      raisedBy: [],
      requireReflect: false,
      requireConfirmation: false,
    });
  });

  test('Δ > ε tightens: allow → stepup, with <REFLECT> and an explicit confirmation', () => {
    expect(mergeVerdict(decision('allow'), [], { delta: 0.4 })).toEqual({
      verdict: 'stepup',
      raisedBy: [{ kind: 'divergence', delta: 0.4, epsilon: 0.15 }],
      requireReflect: true,
      requireConfirmation: true,
    });
    expect(mergeVerdict(decision('block'), [], { delta: 0.4 })).toMatchObject({
      verdict: 'block',
      requireReflect: true,
    });
    expect(mergeVerdict(decision('allow'), [], { delta: 0.15 })).toMatchObject({
      verdict: 'allow',
      requireReflect: false,
    });
    expect(mergeVerdict(decision('allow'), [], { delta: 0.4 }, { epsilon: 0.5 })).toMatchObject({
      verdict: 'allow',
    });
  });

  test('a Δ that is not a number fails closed', () => {
    expect(mergeVerdict(decision('allow'), [], { delta: Number.NaN })).toMatchObject({
      verdict: 'stepup',
      requireReflect: true,
    });
    expect(mergeVerdict(decision('allow'), [], { delta: '0' } as unknown as { delta: number })).toMatchObject(
      { verdict: 'stepup' },
    );
    expect(mergeVerdict(decision('allow'), [], null as unknown as { delta: number })).toMatchObject({
      verdict: 'stepup',
    });
  });

  test('an edge verdict outside the three fails closed to block', () => {
    expect(mergeVerdict({ ...realDecision, verdict: 'ok' as Verdict }, [advice('allow', 0)])).toMatchObject({
      verdict: 'block',
      raisedBy: [{ kind: 'edge-unreadable' }],
    });
  });

  test('advice that refuses to be read is no advice', () => {
    expect(mergeVerdict(decision('allow'), materialize([HOSTILE, HOSTILE]) as Advice[]).verdict).toBe(
      'allow',
    );
    expect(mergeVerdict(decision('stepup'), materialize([HOSTILE, HOSTILE]) as Advice[]).verdict).toBe(
      'stepup',
    );
  });

  test('bad thresholds are errors', () => {
    expect(() => mergeVerdict(decision('allow'), [], undefined, { epsilon: Number.NaN })).toThrow(RangeError);
    expect(() => mergeVerdict(decision('allow'), [], undefined, { riskThreshold: 2 })).toThrow(RangeError);
  });

  test('the issue, end to end: the edge steps up, "swap 10 USDC" diverges, the merge requires reflect and confirmation', () => {
    expect(realDecision.verdict).toBe('stepup');
    const delta = divergence(
      { intent: approveAll.intent, chainId: 1n },
      { action: 'swap', asset: { symbol: 'USDC' }, amount: { value: '10' } },
    );
    expect(mergeVerdict(realDecision, [advice('allow', 0.1)], delta)).toEqual({
      verdict: 'stepup',
      raisedBy: [],
      requireReflect: true,
      requireConfirmation: true,
    });
  });
});

/** Objects that refuse to be read (made inside the property: fast-check itself cannot inspect a revoked proxy). */
const HOSTILE = Symbol('hostile');
function materialize(list: readonly unknown[]): unknown[] {
  return list.map((item, i) => {
    if (item !== HOSTILE) return item;
    if (i % 2 === 0)
      return {
        kind: 'advice',
        get suggested(): never {
          throw new Error('boom');
        },
      };
    const { proxy, revoke } = Proxy.revocable({ kind: 'advice', suggested: 'allow' }, {});
    revoke();
    return proxy;
  });
}

const verdict = fc.constantFrom<Verdict>('allow', 'stepup', 'block');
const anyAdvice: fc.Arbitrary<unknown> = fc.oneof(
  // Well-formed advice, any suggestion, any in-range risk.
  fc.record({
    kind: fc.constant('advice'),
    source: fc.constantFrom('nano', 'verifier'),
    mode: fc.constantFrom('standard', 'reflect'),
    risk: fc.double({ min: 0, max: 1, noNaN: true }),
    suggested: verdict,
    concerns: fc.constant([]),
    explanation: fc.string(),
  }),
  // Adversarial: allow at risk 0, out-of-range and non-numeric risks, unknown verdicts.
  fc.record({
    kind: fc.constant('advice'),
    source: fc.anything(),
    mode: fc.anything(),
    risk: fc.oneof(
      fc.double(),
      fc.constant(Number.NaN),
      fc.constant(-0.1),
      fc.constant('0.5'),
      fc.anything(),
    ),
    suggested: fc.oneof(verdict, fc.constantFrom('ALLOW', 'lower', '', 'allow ', 'none'), fc.anything()),
  }),
  fc.record({ kind: fc.constant('none'), reason: fc.string() }),
  fc.anything(),
  fc.constant(HOSTILE),
);
const anyDelta: fc.Arbitrary<{ delta: number } | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({ delta: fc.double() }),
  fc.anything() as fc.Arbitrary<{ delta: number }>,
);
const anyDecision = fc
  .record({ verdict, confidence: fc.double(), risk: fc.double() })
  .map((d): Decision => ({ ...realDecision, ...d }));
const options = fc.record({
  epsilon: fc.double({ min: 0, max: 1, noNaN: true }),
  riskThreshold: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('properties', () => {
  test('for any decision and any advice, however malformed, the merged verdict is never less strict than the edge', () => {
    fc.assert(
      fc.property(
        anyDecision,
        fc.array(anyAdvice, { maxLength: 6 }),
        anyDelta,
        options,
        (d, list, delta, opts) => {
          const merged = mergeVerdict(d, materialize(list) as Advice[], delta, opts);
          expect(['allow', 'stepup', 'block']).toContain(merged.verdict);
          expect(rank[merged.verdict]).toBeGreaterThanOrEqual(rank[d.verdict]);
          expect(merged.requireConfirmation).toBe(merged.requireReflect);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('advice suggesting allow at risk 0 never changes the edge verdict', () => {
    fc.assert(
      fc.property(anyDecision, fc.nat(5), (d, n) => {
        expect(mergeVerdict(d, Array(n).fill(advice('allow', 0))).verdict).toBe(d.verdict);
      }),
    );
  });

  test('deterministic, and the verdict does not depend on the order of the advice', () => {
    fc.assert(
      fc.property(anyDecision, fc.array(anyAdvice, { maxLength: 6 }), anyDelta, (d, list, delta) => {
        const items = materialize(list);
        const a = mergeVerdict(d, items as Advice[], delta);
        expect(mergeVerdict(d, items as Advice[], delta)).toEqual(a);
        const b = mergeVerdict(d, [...items].reverse() as Advice[], delta);
        expect([b.verdict, b.requireReflect, b.requireConfirmation]).toEqual([
          a.verdict,
          a.requireReflect,
          a.requireConfirmation,
        ]);
      }),
    );
  });

  test('stricter is the maximum of allow < stepup < block', () => {
    fc.assert(
      fc.property(verdict, verdict, (a, b) => {
        expect(rank[stricter(a, b)]).toBe(Math.max(rank[a], rank[b]));
      }),
    );
  });
});
