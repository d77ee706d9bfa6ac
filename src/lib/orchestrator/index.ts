/*
 * The orchestrator (DESIGN.md): which tiers look at a request (eq. 5), when to escalate (eqs. 6–7),
 * where each signal came from, and the decision to sign under once the tiers have spoken. Pure: the
 * shell (src/lib/ui/adviceRun.svelte.ts) measures time, runs the tiers and keeps the latency model.
 */
export { budgetOf, DEFAULT_BUDGET_MS } from './budget';
export { type Escalation, type EscalationReason, escalation } from './escalation';
export {
  initialLatency,
  LATENCY_PRIORS,
  type LatencyModel,
  observe,
  predictPlan,
  readLatency,
  relax,
} from './latency';
export { PLANS, type Plan, type PlanId, runs, type Tier } from './plans';
export {
  type FieldClass,
  ON_DEVICE,
  type ProvenanceRecord,
  promptHash,
  type SignalKind,
  type SignalOutcome,
} from './provenance';
export {
  type Availability,
  DEFAULT_WEIGHTS,
  type PlanAssessment,
  planById,
  type Route,
  type RouteInput,
  route,
  type UnavailableReason,
} from './route';
export { CLOUD_RULE, withCloudAdvice } from './withCloudAdvice';
