import type { Decision } from '../edge/gate/decision';
import { type Escalation, type EscalationThresholds, escalation } from './escalation';
import { type LatencyModel, predictPlan } from './latency';
import { PLANS, type Plan, type PlanId, runs, type Tier } from './plans';

/** Why a tier cannot take part in this request. */
export type UnavailableReason =
  /** Local: no model is loaded (or it is still loading). */
  | 'not-loaded'
  /** Local: this browser or device cannot run the models (no WebGPU, too little memory). */
  | 'unsupported'
  /** Cloud: no endpoint is saved, or it is switched off. */
  | 'not-configured'
  /** Cloud: the browser says it is offline. */
  | 'offline'
  /** Cloud: this build's Content Security Policy does not allow the endpoint. */
  | 'blocked-by-csp'
  /** Cloud: the request could not be sanitized under the profile (the sanitizer fails closed). */
  | 'not-sanitizable';

/** Whether a tier can run now. */
export type Availability =
  | { readonly available: true }
  | { readonly available: false; readonly reason: UnavailableReason };

/** The small, explicit cost model of eq. 5; every weight is a plain number a reader can check. */
export type RouteWeights = {
  /** ℓ for an unsafe Allow (a loss the person cannot undo). */
  readonly unsafe: number;
  /** ℓ for a needless raise (a person asked to look twice at a fine request). */
  readonly caution: number;
  /** β: weight of Cost(κ) against the expected loss. */
  readonly beta: number;
  /** Share of the edge's residual uncertainty each tier resolves. */
  readonly resolves: Readonly<Record<Exclude<Tier, 'edge'>, number>>;
  /** How often each tier raises a request that was fine. */
  readonly falseRaise: Readonly<Record<Exclude<Tier, 'edge'>, number>>;
  /** Cost(κ) per tier: compute on the person's GPU, money and exposure of metadata for the cloud. */
  readonly cost: Readonly<Record<Tier, number>>;
  /** The uncertainty left after the clearest Allow: nothing is certain. */
  readonly floor: number;
};

/**
 * The defaults: an unsafe Allow costs ten needless raises; the verifier resolves most of what the
 * edge is unsure of (it reads the whole request, private context included), the cloud less (it sees
 * a sanitized projection, and adds what the device cannot know: reputation, incidents).
 */
export const DEFAULT_WEIGHTS: RouteWeights = {
  unsafe: 10,
  caution: 1,
  beta: 0.05,
  resolves: { local: 0.6, cloud: 0.3 },
  falseRaise: { local: 0.02, cloud: 0.05 },
  cost: { edge: 0, local: 1, cloud: 2 },
  floor: 0.02,
};

/** What route() weighs. */
export type RouteInput = {
  /** The edge's decision: its verdict, confidence γ and risk ρ. */
  readonly decision: Pick<Decision, 'verdict' | 'confidence' | 'risk'>;
  readonly thresholds: EscalationThresholds;
  /** Δ, when the local tier has already read the person's words. */
  readonly delta?: number;
  /** B_t: the most the advisory tiers may take for this request, in milliseconds. */
  readonly budgetMs: number;
  readonly latency: LatencyModel;
  readonly local: Availability;
  readonly cloud: Availability;
  /**
   * Leak(κ, Π) of the cloud tier: the number of fields in the request the cloud would receive that
   * the privacy profile Π forbids (0 when the sanitizer's check passes). Absent: not computed, so
   * no cloud plan is feasible (fail closed).
   */
  readonly cloudLeak?: number;
  readonly weights?: RouteWeights;
};

/** Why a plan was not a candidate. */
export type Exclusion = 'unavailable' | 'leak' | 'budget';

/** One plan as eq. 5 saw it. */
export type PlanAssessment = {
  readonly plan: Plan;
  /** Lat(κ), predicted, milliseconds. */
  readonly latencyMs: number;
  /** Leak(κ, Π): fields the profile forbids that would leave the device (0 for on-device plans). */
  readonly leak: number;
  /** E[ℓ(d(κ), d*)] under the cost model. */
  readonly loss: number;
  readonly cost: number;
  /** E[ℓ] + β·Cost(κ). */
  readonly objective: number;
  /** Set when the plan was not a candidate; the first constraint it broke. */
  readonly excluded?: Exclusion;
};

/** The chosen plan and how it was chosen. */
export type Route = {
  readonly plan: Plan;
  readonly assessments: readonly PlanAssessment[];
  readonly escalation: Escalation;
  /** u: the edge's residual uncertainty the expected loss is computed from. */
  readonly uncertainty: number;
  readonly budgetMs: number;
};

/** x within [0, 1]; a value that is not a number becomes `fallback`. */
const clampUnit = (x: number, fallback: number): number =>
  typeof x === 'number' && Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : fallback;

/**
 * u, the chance the edge's verdict is an unsafe one that more looking would change: the larger of
 * 1 − γ, ρ and Δ (each in [0, 1]; a value that is not a number counts as 1), never below the
 * floor. A Block has none: the other tiers may only raise a verdict, and nothing is above Block.
 */
export function uncertaintyOf(input: Pick<RouteInput, 'decision' | 'delta'>, floor: number): number {
  if (input.decision.verdict === 'block') return 0;
  const { confidence, risk } = input.decision;
  // An unreadable γ counts as no confidence, an unreadable ρ or Δ as the worst.
  const parts = [1 - clampUnit(confidence, 0), clampUnit(risk, 1)];
  if (input.delta !== undefined) parts.push(clampUnit(input.delta, 1));
  return Math.max(floor, ...parts);
}

function assess(plan: Plan, input: RouteInput, u: number, weights: RouteWeights): PlanAssessment {
  const extra = plan.tiers.filter((t): t is 'local' | 'cloud' => t !== 'edge');
  const missed = extra.reduce((p, t) => p * (1 - weights.resolves[t]), 1);
  const falseRaise = extra.reduce((s, t) => s + weights.falseRaise[t], 0);
  const loss = weights.unsafe * u * missed + weights.caution * (1 - u) * falseRaise;
  const cost = plan.tiers.reduce((s, t) => s + weights.cost[t], 0);
  const latencyMs = predictPlan(input.latency, plan);
  const leak = runs(plan, 'cloud') ? (input.cloudLeak ?? Number.POSITIVE_INFINITY) : 0;
  const unavailable =
    (runs(plan, 'local') && !input.local.available) || (runs(plan, 'cloud') && !input.cloud.available);
  const excluded: Exclusion | undefined = unavailable
    ? 'unavailable'
    : !(leak === 0)
      ? 'leak'
      : plan.id !== 'edge' && !(latencyMs <= input.budgetMs)
        ? 'budget'
        : undefined;
  return {
    plan,
    latencyMs,
    leak,
    loss,
    cost,
    objective: loss + weights.beta * cost,
    ...(excluded && { excluded }),
  };
}

/**
 * DMind-3 eq. 5: κ = argmin E[ℓ(d(κ), d*)] + β·Cost(κ) subject to Leak(κ, Π) = 0 and Lat(κ) ≤ B_t,
 * over edge, edge→local, edge→cloud and edge→cloud→local. The expected loss is an explicit model:
 * ℓ_unsafe · u · Π(1 − resolves_t) + ℓ_caution · (1 − u) · Σ falseRaise_t over the plan's tiers
 * beyond the edge, with u from uncertaintyOf. A plan with a tier that cannot run, a non-zero leak
 * or a predicted latency over the budget is excluded; the edge alone is always feasible (it has
 * already decided, in microseconds), so routing always ends in a plan. Pure and deterministic.
 */
export function route(input: RouteInput): Route {
  const weights = input.weights ?? DEFAULT_WEIGHTS;
  const u = uncertaintyOf(input, weights.floor);
  const assessments = PLANS.map((plan) => assess(plan, input, u, weights));
  let best = assessments[0] as PlanAssessment;
  for (const a of assessments) if (!a.excluded && (best.excluded || a.objective < best.objective)) best = a;
  return {
    plan: best.plan,
    assessments,
    escalation: escalation(input.decision, input.thresholds, input.delta),
    uncertainty: u,
    budgetMs: input.budgetMs,
  };
}

/** The plan with an id (for tests and the UI). */
export function planById(id: PlanId): Plan {
  return PLANS.find((p) => p.id === id) as Plan;
}
