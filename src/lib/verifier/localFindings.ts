import type { Decision, Finding } from '../edge/gate/decision';
import type { LocalAdvice } from './advise';
import type { Divergence } from './divergence';

/** Rule ids of what the local tier adds to a decision's findings (never rules of the edge gate). */
export const LOCAL_RULES = { stated: 'local.stated-intent', verifier: 'local.verifier' } as const;

/** "action: you said swap, the request does approve" — the fields that disagree, in words. */
export function divergenceText(divergence: Divergence): string {
  const parts = divergence.fields
    .filter((f) => f.distance >= 0.5)
    .map((f) => `${f.field}: you said ${f.stated}, the request has ${f.observed.join(', ') || 'nothing'}`);
  return parts.length ? parts.join('; ') : 'the request does not read like what you said';
}

/**
 * The decision the person signs under once the local tier has spoken: the merged verdict (never
 * less strict than the rules'), and the rules' findings followed by what made the local tier
 * stricter or what it found worth a look — a stated intent that diverges (Δ > ε), and the
 * verifier's concerns when it raised the verdict or the verdict asks for a step-up. Each is a
 * finding the person acknowledges like any other; a divergence is high severity, so it needs a
 * typed confirmation (DESIGN.md: Δ > ε requires an explicit confirmation). Pure.
 */
export function withLocalAdvice(
  decision: Decision,
  advice: LocalAdvice | undefined,
  epsilon: number,
): Decision {
  if (!advice) return decision;
  const added: Finding[] = [];
  if (advice.statedDelta && advice.statedDelta.delta > epsilon)
    added.push({
      rule: LOCAL_RULES.stated,
      severity: 'high',
      message: `This is not what you said you expect (Δ ${advice.statedDelta.delta.toFixed(2)}): ${divergenceText(advice.statedDelta)}.`,
      path: 'intent',
    });
  const { audit } = advice;
  const verdict = advice.merged.verdict;
  if (audit?.kind === 'advice' && verdict !== 'allow')
    for (const [i, concern] of audit.concerns.entries())
      added.push({
        rule: LOCAL_RULES.verifier,
        severity: audit.suggested === 'block' ? 'high' : 'medium',
        message: `Local verifier: ${concern.text}`,
        path: `${concern.field || 'intent'}#${i}`,
      });
  // Raised with nothing to point at (a risk score alone): the raise itself is the finding.
  if (added.length === 0 && verdict !== decision.verdict)
    added.push({
      rule: LOCAL_RULES.verifier,
      severity: verdict === 'block' ? 'high' : 'medium',
      message:
        audit?.kind === 'advice'
          ? `Local verifier: risk ${audit.risk.toFixed(2)}${audit.explanation ? ` — ${audit.explanation}` : ''}`
          : 'The local tier asks for a closer look.',
      path: 'intent',
    });
  if (added.length === 0) return decision;
  return { ...decision, verdict, findings: [...decision.findings, ...added] };
}
