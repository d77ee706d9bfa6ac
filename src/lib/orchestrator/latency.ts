import type { Plan, Tier } from './plans';

/** What the orchestrator predicts for one tier: a moving average of local measurements. */
export type TierLatency = {
  /** Milliseconds. */
  readonly meanMs: number;
  /** Measurements folded in so far (0: the prior alone). */
  readonly samples: number;
};

/** Predicted latency per tier. Plain JSON, so the shell can keep it between visits. */
export type LatencyModel = Readonly<Record<Tier, TierLatency>>;

/**
 * What a tier is expected to take before anything was measured here: the edge a millisecond (it
 * measures in microseconds, see `npm run bench`); a local pass (intent, audit, explanation on a
 * consumer GPU) seconds; a cloud round trip under a second.
 */
export const LATENCY_PRIORS: Readonly<Record<Tier, number>> = { edge: 1, local: 6000, cloud: 800 };

/** Weight of the newest measurement in the exponential moving average. */
export const SMOOTHING = 0.3;

/**
 * How far a skipped tier's prediction moves back toward its prior each time the budget excludes
 * it: a slow measurement must not shut a tier out for ever (a server that recovered is tried again).
 */
export const RELAX = 0.25;

const TIERS: readonly Tier[] = ['edge', 'local', 'cloud'];
/** Measurements above this (10 minutes) are clamped: one stuck run must not poison the average. */
const MAX_MS = 600_000;

/** The model before any measurement: the priors. */
export function initialLatency(): LatencyModel {
  return {
    edge: { meanMs: LATENCY_PRIORS.edge, samples: 0 },
    local: { meanMs: LATENCY_PRIORS.local, samples: 0 },
    cloud: { meanMs: LATENCY_PRIORS.cloud, samples: 0 },
  };
}

/**
 * Folds one measurement of a tier into the model: the first replaces the prior, later ones move
 * the mean by SMOOTHING. A measurement that is not a finite, non-negative number is ignored. Pure.
 */
export function observe(model: LatencyModel, tier: Tier, ms: number): LatencyModel {
  if (!(typeof ms === 'number' && Number.isFinite(ms) && ms >= 0)) return model;
  const sample = Math.min(ms, MAX_MS);
  const current = model[tier];
  const meanMs = current.samples === 0 ? sample : current.meanMs + SMOOTHING * (sample - current.meanMs);
  return { ...model, [tier]: { meanMs, samples: current.samples + 1 } };
}

/** Moves a tier's prediction RELAX of the way back to its prior (used when the budget skipped it). Pure. */
export function relax(model: LatencyModel, tier: Tier): LatencyModel {
  const current = model[tier];
  const prior = LATENCY_PRIORS[tier];
  return { ...model, [tier]: { ...current, meanMs: current.meanMs + RELAX * (prior - current.meanMs) } };
}

/** Lat(κ): the tiers of a plan run one after another, so their predictions add up. */
export function predictPlan(model: LatencyModel, plan: Plan): number {
  return plan.tiers.reduce((sum, tier) => sum + model[tier].meanMs, 0);
}

/**
 * Reads a model kept by the shell (localStorage): anything that is not a well-formed model — wrong
 * JSON, negative or huge numbers, missing tiers — gives the priors back for that tier.
 */
export function readLatency(value: unknown): LatencyModel {
  const base = initialLatency();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return base;
  const out: Record<Tier, TierLatency> = { ...base };
  for (const tier of TIERS) {
    const raw = (value as Record<string, unknown>)[tier];
    if (typeof raw !== 'object' || raw === null) continue;
    const { meanMs, samples } = raw as Record<string, unknown>;
    if (
      typeof meanMs === 'number' &&
      Number.isFinite(meanMs) &&
      meanMs >= 0 &&
      meanMs <= MAX_MS &&
      typeof samples === 'number' &&
      Number.isSafeInteger(samples) &&
      samples >= 0
    )
      out[tier] = { meanMs, samples };
  }
  return out;
}
