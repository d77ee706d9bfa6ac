import type { Address } from 'viem';
import type { Decision, Finding } from '$lib/edge/gate/decision';

/** What the user must do before the Sign button unlocks. */
export type StepUpRequirements = {
  /** Every finding must be acknowledged, one by one. */
  readonly findings: readonly Finding[];
  /**
   * For a high or critical finding (or an override), the text the user must type: the last four
   * hex digits of the request's main counterparty, or a word when it names none. Absent when
   * acknowledging is enough.
   */
  readonly confirmation?: string;
  /** A Block signed anyway: an override, typed as the word OVERRIDE. */
  readonly override: boolean;
};

/** The user's progress through the step-up. */
export type StepUpState = {
  readonly acknowledged: readonly string[];
  readonly typed: string;
};

export const emptyStepUp: StepUpState = { acknowledged: [], typed: '' };

/** The word typed to override a Block, whatever the language (it is a confirmation, not prose). */
export const OVERRIDE_WORD = 'OVERRIDE';
/** The word typed when a high finding names no counterparty to quote. */
export const CONFIRM_WORD = 'SIGN';

/** A finding's identity for acknowledgement: its rule and where it points. */
export const findingKey = (f: Finding): string => `${f.rule}@${f.path}`;

/**
 * What signing under `decision` requires: nothing for Allow; for StepUp, an acknowledgement of
 * each finding and, when one is high or critical, the counterparty's last four hex digits typed;
 * for Block (only when the policy allows overriding), the same plus the word OVERRIDE.
 */
export function stepUpRequirements(
  decision: Decision,
  counterparty: Address | undefined,
): StepUpRequirements {
  if (decision.verdict === 'allow') return { findings: [], override: false };
  const override = decision.verdict === 'block';
  const serious = decision.findings.some((f) => f.severity === 'high' || f.severity === 'critical');
  const confirmation = override
    ? OVERRIDE_WORD
    : serious
      ? counterparty
        ? counterparty.slice(-4).toLowerCase()
        : CONFIRM_WORD
      : undefined;
  return { findings: decision.findings, override, ...(confirmation && { confirmation }) };
}

/** Whether the user has done everything the requirements ask. */
export function stepUpComplete(requirements: StepUpRequirements, state: StepUpState): boolean {
  const acked = new Set(state.acknowledged);
  if (!requirements.findings.every((f) => acked.has(findingKey(f)))) return false;
  if (requirements.confirmation === undefined) return true;
  const typed = state.typed.trim();
  return requirements.override
    ? typed === requirements.confirmation
    : typed.toLowerCase() === requirements.confirmation.toLowerCase();
}
