import type { Decision } from '../edge/gate/decision';

/** Why a request is escalated to stronger verification (DMind-3 eqs. 6–7). */
export type EscalationReason =
  | { readonly kind: 'confidence'; readonly gamma: number; readonly tauConf: number }
  | { readonly kind: 'risk'; readonly risk: number; readonly tauRisk: number }
  | { readonly kind: 'divergence'; readonly delta: number; readonly epsilon: number };

/** The thresholds escalation reads: the policy's τ_conf and τ_risk, and ε for Δ. */
export type EscalationThresholds = {
  readonly tauConf: number;
  readonly tauRisk: number;
  readonly epsilon: number;
};

/** What the edge's signals ask of the other tiers. */
export type Escalation = {
  readonly reasons: readonly EscalationReason[];
  /** Eq. 6: γ < τ_conf or ρ > τ_risk. */
  readonly stepUp: boolean;
  /** Eq. 7: Δ > ε — the verifier must audit in `<REFLECT>` and the person must confirm. */
  readonly tighten: boolean;
};

/**
 * Reads eqs. 6 and 7 off the edge's decision and, when the local tier has read the person's words,
 * the divergence Δ. A γ, ρ or Δ that is not a number escalates (fail closed). Pure.
 */
export function escalation(
  decision: Pick<Decision, 'confidence' | 'risk'>,
  thresholds: EscalationThresholds,
  delta?: number,
): Escalation {
  const reasons: EscalationReason[] = [];
  const { tauConf, tauRisk, epsilon } = thresholds;
  const gamma = decision.confidence;
  if (!(gamma >= tauConf)) reasons.push({ kind: 'confidence', gamma, tauConf });
  const risk = decision.risk;
  if (!(risk <= tauRisk)) reasons.push({ kind: 'risk', risk, tauRisk });
  const tighten = delta !== undefined && !(delta <= epsilon);
  if (tighten) reasons.push({ kind: 'divergence', delta, epsilon });
  return { reasons, stepUp: reasons.some((r) => r.kind !== 'divergence'), tighten };
}
