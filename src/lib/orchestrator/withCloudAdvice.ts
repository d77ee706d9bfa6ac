import type { CloudResult } from '../cloud/types';
import type { Decision, Finding } from '../edge/gate/decision';
import { mergeVerdict } from '../verifier/merge';

/** Rule id of what the cloud tier adds to a decision's findings (never a rule of the edge gate). */
export const CLOUD_RULE = 'cloud.foresight';

/**
 * The decision to sign under once the cloud tier has answered: raised (never lowered) by its
 * suggested verdict or by a risk above τ_risk, with one finding saying why, for the person to
 * acknowledge like any other. Anything that is not advice (late, unavailable, malformed) changes
 * nothing. Pure.
 */
export function withCloudAdvice(
  decision: Decision,
  cloud: CloudResult | undefined,
  riskThreshold: number,
): Decision {
  if (cloud?.kind !== 'advice' || cloud.source !== 'cloud') return decision;
  const merged = mergeVerdict(decision, [cloud], undefined, { riskThreshold });
  if (merged.verdict === decision.verdict) return decision;
  const incident = cloud.incidents[0];
  const why = incident
    ? `known incident: ${incident.what}${incident.when ? ` (${incident.when})` : ''}`
    : cloud.explanation;
  const finding: Finding = {
    rule: CLOUD_RULE,
    severity: merged.verdict === 'block' ? 'high' : 'medium',
    message: `Cloud context (advisory, from a sanitized request): reputation ${cloud.reputation}, risk ${cloud.risk.toFixed(2)}${why ? ` — ${why}` : ''}`,
    path: 'intent',
  };
  return { ...decision, verdict: merged.verdict, findings: [...decision.findings, finding] };
}
