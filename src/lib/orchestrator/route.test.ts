import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Verdict } from '../edge/gate/decision';
import { initialLatency, observe } from './latency';
import { PLANS } from './plans';
import { type Availability, DEFAULT_WEIGHTS, type RouteInput, route, uncertaintyOf } from './route';

const yes: Availability = { available: true };
const noLocal: Availability = { available: false, reason: 'not-loaded' };
const noCloud: Availability = { available: false, reason: 'not-configured' };
const thresholds = { tauConf: 0.7, tauRisk: 0.4, epsilon: 0.15 };

function input(
  over: Partial<RouteInput> & { verdict?: Verdict; gamma?: number; risk?: number } = {},
): RouteInput {
  const { verdict = 'allow', gamma = 1, risk = 0, ...rest } = over;
  return {
    decision: { verdict, confidence: gamma, risk },
    thresholds,
    budgetMs: 30_000,
    latency: initialLatency(),
    local: yes,
    cloud: yes,
    cloudLeak: 0,
    ...rest,
  };
}

describe('route (eq. 5)', () => {
  test('a clear Allow with every tier available: the local verifier, not the cloud', () => {
    const r = route(input());
    expect(r.plan.id).toBe('edge-local');
    expect(r.escalation).toEqual({ reasons: [], stepUp: false, tighten: false });
  });

  test('a clear Allow with only the cloud configured stays on the device', () => {
    expect(route(input({ local: noLocal })).plan.id).toBe('edge');
  });

  test('low confidence escalates to every tier available, and says why', () => {
    const r = route(input({ verdict: 'stepup', gamma: 0.4 }));
    expect(r.plan.id).toBe('edge-cloud-local');
    expect(r.escalation.stepUp).toBe(true);
    expect(r.escalation.reasons).toEqual([{ kind: 'confidence', gamma: 0.4, tauConf: 0.7 }]);
    expect(route(input({ verdict: 'stepup', gamma: 0.4, local: noLocal })).plan.id).toBe('edge-cloud');
    expect(route(input({ verdict: 'stepup', gamma: 0.4, cloud: noCloud })).plan.id).toBe('edge-local');
  });

  test('high risk escalates like low confidence', () => {
    const r = route(input({ verdict: 'stepup', risk: 0.8, local: noLocal }));
    expect(r.plan.id).toBe('edge-cloud');
    expect(r.escalation.reasons).toEqual([{ kind: 'risk', risk: 0.8, tauRisk: 0.4 }]);
  });

  test('Δ > ε tightens and raises the uncertainty', () => {
    const r = route(input({ delta: 0.73, local: noLocal }));
    expect(r.escalation.tighten).toBe(true);
    expect(r.uncertainty).toBeCloseTo(0.73);
    expect(r.plan.id).toBe('edge-cloud');
  });

  test('a Block goes nowhere: no tier can raise it', () => {
    const r = route(input({ verdict: 'block', gamma: 0, risk: 1 }));
    expect(r.plan.id).toBe('edge');
    expect(r.uncertainty).toBe(0);
  });

  test('Leak = 0 is a hard constraint: a leaking or unchecked cloud request is never chosen', () => {
    for (const cloudLeak of [1, Number.NaN, undefined]) {
      const r = route(input({ verdict: 'stepup', gamma: 0.3, cloudLeak }));
      expect(r.plan.id).toBe('edge-local');
      for (const a of r.assessments.filter((x) => x.plan.tiers.includes('cloud')))
        expect(a.excluded).toBe('leak');
    }
  });

  test('the latency budget excludes plans predicted to take longer; the edge alone always fits', () => {
    const slowLocal = observe(initialLatency(), 'local', 45_000);
    const r = route(input({ verdict: 'stepup', gamma: 0.4, latency: slowLocal }));
    expect(r.plan.id).toBe('edge-cloud');
    expect(r.assessments.find((a) => a.plan.id === 'edge-local')?.excluded).toBe('budget');
    const tiny = route(input({ verdict: 'stepup', gamma: 0.4, budgetMs: 0 }));
    expect(tiny.plan.id).toBe('edge');
    expect(tiny.assessments.find((a) => a.plan.id === 'edge')?.excluded).toBeUndefined();
  });

  test('unavailable tiers are excluded with that reason, whatever their objective', () => {
    const r = route(input({ verdict: 'stepup', gamma: 0.2, local: noLocal, cloud: noCloud }));
    expect(r.plan.id).toBe('edge');
    expect(r.assessments.filter((a) => a.excluded === 'unavailable').map((a) => a.plan.id)).toEqual([
      'edge-local',
      'edge-cloud',
      'edge-cloud-local',
    ]);
  });

  test('the objective is E[ℓ] + β·Cost, as documented', () => {
    const r = route(input({ verdict: 'stepup', gamma: 0.4 }));
    const u = 0.6;
    const w = DEFAULT_WEIGHTS;
    const ecl = r.assessments.find((a) => a.plan.id === 'edge-cloud-local');
    const expected =
      w.unsafe * u * (1 - w.resolves.local) * (1 - w.resolves.cloud) +
      w.caution * (1 - u) * (w.falseRaise.local + w.falseRaise.cloud);
    expect(ecl?.loss).toBeCloseTo(expected, 12);
    expect(ecl?.cost).toBe(3);
    expect(ecl?.objective).toBeCloseTo(expected + w.beta * 3, 12);
  });

  test('uncertainty: garbage γ, ρ or Δ counts as fully uncertain (fail closed)', () => {
    expect(uncertaintyOf({ decision: { verdict: 'allow', confidence: Number.NaN, risk: 0 } }, 0.02)).toBe(1);
    expect(uncertaintyOf({ decision: { verdict: 'allow', confidence: 1, risk: Number.NaN } }, 0.02)).toBe(1);
    expect(
      uncertaintyOf({ decision: { verdict: 'allow', confidence: 1, risk: 0 }, delta: Number.NaN }, 0.02),
    ).toBe(1);
    expect(uncertaintyOf({ decision: { verdict: 'allow', confidence: 1, risk: 0 } }, 0.02)).toBe(0.02);
  });

  test('property: always a plan; never an excluded one; never a cloud plan with a leak; deterministic', () => {
    const unit = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(Number.NaN));
    const avail = fc.constantFrom<Availability>(yes, noLocal, noCloud);
    fc.assert(
      fc.property(
        fc.record({
          verdict: fc.constantFrom<Verdict>('allow', 'stepup', 'block'),
          gamma: unit,
          risk: unit,
          delta: fc.option(unit, { nil: undefined }),
          budgetMs: fc.integer({ min: 0, max: 120_000 }),
          local: avail,
          cloud: avail,
          cloudLeak: fc.option(fc.oneof(fc.constant(0), fc.nat(), fc.constant(Number.NaN)), {
            nil: undefined,
          }),
          localMs: fc.double({ min: 0, max: 100_000, noNaN: true }),
          cloudMs: fc.double({ min: 0, max: 10_000, noNaN: true }),
        }),
        (x) => {
          const latency = observe(observe(initialLatency(), 'local', x.localMs), 'cloud', x.cloudMs);
          const { localMs: _l, cloudMs: _c, ...rest } = x;
          const routeInput = input({ ...rest, latency });
          const r = route(routeInput);
          expect(PLANS).toContain(r.plan);
          const chosen = r.assessments.find((a) => a.plan === r.plan);
          expect(chosen?.excluded).toBeUndefined();
          if (r.plan.tiers.includes('cloud')) {
            expect(x.cloudLeak).toBe(0);
            expect(x.cloud.available).toBe(true);
          }
          if (r.plan.tiers.includes('local')) expect(x.local.available).toBe(true);
          if (r.plan.id !== 'edge') expect(chosen?.latencyMs).toBeLessThanOrEqual(x.budgetMs);
          expect(route(routeInput)).toEqual(r);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
