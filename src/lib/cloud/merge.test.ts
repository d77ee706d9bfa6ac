import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Decision, Verdict } from '../edge/gate/decision';
import { mergeVerdict, stricter } from '../verifier/merge';
import { parseForesight } from './parseForesight';
import type { CloudResult } from './types';
import { REPUTATIONS } from './types';

/*
 * Invariant 4 for the cloud tier: merged with the verifier's mergeVerdict, a cloud answer can raise
 * the edge's verdict and never lower it. mergeVerdict takes CloudResult as it is (TierAdvice) and
 * reads every piece of advice defensively at run time (kind, suggested, risk), which is what this
 * test exercises with the real parser's output.
 */

const RANK: Record<Verdict, number> = { allow: 0, stepup: 1, block: 2 };
const VERDICTS: Verdict[] = ['allow', 'stepup', 'block'];
// mergeVerdict reads only `verdict` from the edge decision.
const edge = (verdict: Verdict) => ({ verdict }) as unknown as Decision;
const merge = (verdict: Verdict, cloud: CloudResult) => mergeVerdict(edge(verdict), [cloud]).verdict;

const answerArb = fc.record({
  reputation: fc.oneof(fc.constantFrom(...REPUTATIONS), fc.string()),
  incidents: fc.array(
    fc.record({ what: fc.string({ minLength: 1 }), when: fc.string(), source: fc.string() }),
    {
      maxLength: 7,
    },
  ),
  context: fc.string({ minLength: 0, maxLength: 40 }),
  risk: fc.oneof(fc.double({ min: -1, max: 2, noNaN: false }), fc.constant(Number.NaN)),
  suggested: fc.oneof(fc.constantFrom(...VERDICTS), fc.string()),
  explanation: fc.string({ maxLength: 40 }),
});

const textArb = fc.oneof(
  answerArb.map((a) => JSON.stringify(a)),
  fc.json(),
  fc.string(),
);

describe('cloud advice merged with mergeVerdict', () => {
  test('never lowers the edge verdict (property, over parsed answers of any shape)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VERDICTS),
        textArb,
        fc.constantFrom('stop', 'length', 'other') as fc.Arbitrary<'stop' | 'length' | 'other'>,
        (verdict, text, finishReason) => {
          const cloud = parseForesight({ text, finishReason });
          const merged = merge(verdict, cloud);
          expect(RANK[merged]).toBeGreaterThanOrEqual(RANK[verdict]);
          const expected =
            cloud.kind === 'advice'
              ? stricter(stricter(verdict, cloud.suggested), cloud.risk > 0.5 ? 'stepup' : 'allow')
              : verdict;
          expect(merged).toBe(expected);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  test('never lowers: every well-formed answer against every edge verdict', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VERDICTS),
        fc.constantFrom(...VERDICTS),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (verdict, suggested, risk) => {
          const cloud = parseForesight({
            text: JSON.stringify({
              reputation: 'trusted',
              incidents: [],
              context: 'c',
              risk,
              suggested,
              explanation: 'e',
            }),
            finishReason: 'stop',
          });
          expect(cloud.kind).toBe('advice');
          expect(RANK[merge(verdict, cloud)]).toBeGreaterThanOrEqual(RANK[verdict]);
        },
      ),
    );
  });

  test('it can raise: allow + a cloud block → block; block + a cloud allow at risk 0 → block', () => {
    const answer = (suggested: Verdict, risk: number) =>
      parseForesight({
        text: JSON.stringify({
          reputation: 'known',
          incidents: [],
          context: 'c',
          risk,
          suggested,
          explanation: 'e',
        }),
        finishReason: 'stop',
      });
    expect(merge('allow', answer('block', 0.9))).toBe('block');
    expect(merge('allow', answer('allow', 0.8))).toBe('stepup');
    expect(merge('block', answer('allow', 0))).toBe('block');
    expect(merge('stepup', answer('allow', 0))).toBe('stepup');
    expect(merge('allow', { kind: 'none', reason: 'late' })).toBe('allow');
  });
});
