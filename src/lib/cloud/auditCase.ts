import { noFacts } from '../edge/gate/facts';
import { inspect } from '../edge/inspect';
import { type Exposure, findLeaks, forbiddenNeedles, type Needle } from './leakSearch';
import type { PrivacyCase } from './privacyCases';
import type { ProfileChoices } from './profiles';
import { sanitize } from './sanitize';
import type { PrivacyProfile } from './sanitized';

/** What auditing one case under one profile found. */
export type AuditOutcome =
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'checked'; readonly text: string; readonly leaks: readonly Needle[] };

/** What a profile shows exactly, from its choices. */
export function exposureOf(choices: ProfileChoices): Exposure {
  return {
    counterparty: choices.counterparty === 'exact',
    amount: choices.amount === 'exact',
    timing: choices.timing === 'exact',
    freeText: choices.freeText === 'exact',
  };
}

/**
 * Inspects a generated case with its private context given to the gate as facts (as the shell
 * would), sanitizes it, and searches the sanitized body for every forbidden value.
 */
export function auditCase(input: {
  readonly testCase: PrivacyCase;
  readonly profile: PrivacyProfile;
  readonly override?: ProfileChoices;
  readonly salt: Uint8Array;
}): AuditOutcome {
  const { testCase, profile, override, salt } = input;
  const { context } = testCase;
  const facts = {
    ...noFacts,
    from: context.self,
    addressBook: context.book,
    history: context.book.map((e) => ({ address: e.address })),
    historyKnown: true,
  };
  const result = inspect(testCase.input, { facts });
  if (!result.ok) return { status: 'skipped', reason: `${result.error.code}: ${result.error.message}` };
  const request = sanitize({ result, profile, salt, self: [context.self], ...(override && { override }) });
  const text = JSON.stringify(request.body);
  const choices = request.body.choices as ProfileChoices;
  return {
    status: 'checked',
    text,
    leaks: findLeaks(text, forbiddenNeedles(testCase.secrets, exposureOf(choices))),
  };
}
