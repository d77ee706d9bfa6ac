import { describe, expect, test } from 'vitest';
import {
  initialLatency,
  LATENCY_PRIORS,
  observe,
  predictPlan,
  readLatency,
  relax,
  SMOOTHING,
} from './latency';
import { planById } from './route';

describe('latency model', () => {
  test('starts from the priors; the first measurement replaces the prior, later ones average', () => {
    let m = initialLatency();
    expect(m.cloud).toEqual({ meanMs: LATENCY_PRIORS.cloud, samples: 0 });
    m = observe(m, 'cloud', 100);
    expect(m.cloud).toEqual({ meanMs: 100, samples: 1 });
    m = observe(m, 'cloud', 200);
    expect(m.cloud.meanMs).toBeCloseTo(100 + SMOOTHING * 100);
    expect(m.cloud.samples).toBe(2);
    expect(m.local).toEqual(initialLatency().local);
  });

  test('ignores measurements that are not finite and non-negative; clamps stuck runs', () => {
    const m = initialLatency();
    for (const bad of [Number.NaN, -1, Number.POSITIVE_INFINITY, '5' as unknown as number])
      expect(observe(m, 'edge', bad)).toBe(m);
    expect(observe(m, 'local', 1e12).local.meanMs).toBe(600_000);
  });

  test('relax moves a prediction a quarter of the way back to the prior', () => {
    const slow = observe(initialLatency(), 'cloud', 4800);
    expect(relax(slow, 'cloud').cloud.meanMs).toBeCloseTo(4800 - 0.25 * (4800 - LATENCY_PRIORS.cloud));
  });

  test('a plan takes the sum of its tiers', () => {
    const m = observe(observe(initialLatency(), 'cloud', 300), 'local', 2000);
    expect(predictPlan(m, planById('edge-cloud-local'))).toBeCloseTo(LATENCY_PRIORS.edge + 2300);
    expect(predictPlan(m, planById('edge'))).toBe(LATENCY_PRIORS.edge);
  });

  test('readLatency keeps what is well formed and falls back to priors for garbage', () => {
    const good = observe(initialLatency(), 'cloud', 321);
    expect(readLatency(JSON.parse(JSON.stringify(good)))).toEqual(good);
    for (const garbage of [null, 5, 'x', [], { cloud: { meanMs: -3, samples: 1 } }, { cloud: 'fast' }])
      expect(readLatency(garbage)).toEqual(initialLatency());
    expect(readLatency({ cloud: { meanMs: 10, samples: 1.5 } }).cloud).toEqual(initialLatency().cloud);
  });
});
