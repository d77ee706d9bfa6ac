import { describe, expect, test } from 'vitest';
import { escalation } from './escalation';

const t = { tauConf: 0.7, tauRisk: 0.4, epsilon: 0.15 };

describe('escalation (eqs. 6–7)', () => {
  test('nothing to escalate on a confident, low-risk decision', () => {
    expect(escalation({ confidence: 0.7, risk: 0.4 }, t)).toEqual({
      reasons: [],
      stepUp: false,
      tighten: false,
    });
  });

  test('γ < τ_conf and ρ > τ_risk step up; Δ > ε tightens', () => {
    const e = escalation({ confidence: 0.4, risk: 0.8 }, t, 0.5);
    expect(e.reasons.map((r) => r.kind)).toEqual(['confidence', 'risk', 'divergence']);
    expect(e.stepUp).toBe(true);
    expect(e.tighten).toBe(true);
    expect(escalation({ confidence: 1, risk: 0 }, t, 0.15).tighten).toBe(false);
  });

  test('values that are not numbers escalate (fail closed)', () => {
    const e = escalation({ confidence: Number.NaN, risk: Number.NaN }, t, Number.NaN);
    expect(e.reasons.map((r) => r.kind)).toEqual(['confidence', 'risk', 'divergence']);
  });
});
