import type { Verdict } from '../edge/gate/decision';
import type { NoAdvice } from '../verifier/types';

/** How the cloud model rates the protocol or counterparty behind a request. */
export type Reputation = 'trusted' | 'known' | 'unknown' | 'suspicious' | 'malicious';

/** Every `Reputation`, from best to worst (the JSON schema enumerates them in this order). */
export const REPUTATIONS: readonly Reputation[] = ['trusted', 'known', 'unknown', 'suspicious', 'malicious'];

/** A known incident or exploit the cloud model names: what happened, and when and where it was reported. */
export type Incident = {
  /** Plain text, control and bidi characters removed. */
  readonly what: string;
  /** As the model wrote it (a date, a month, a year); left out when not stated. */
  readonly when?: string;
  /** Where it was reported, as text (never turned into a link); left out when not stated. */
  readonly source?: string;
};

/**
 * The cloud tier's `<FORESIGHT>` advice (DMind-3 eq. 8): ecosystem context for a sanitized request.
 * Advisory only: merged like the local tier's advice, it may raise the verdict, never lower it.
 */
export type CloudAdvice = {
  readonly kind: 'advice';
  readonly source: 'cloud';
  readonly mode: 'foresight';
  readonly reputation: Reputation;
  readonly incidents: readonly Incident[];
  /** Market and ecosystem context, a few sentences. */
  readonly context: string;
  /** The model's risk score: 0 harmless … 1 certain loss. Always finite, within [0, 1]. */
  readonly risk: number;
  readonly suggested: Verdict;
  /** Two or three sentences for the person. */
  readonly explanation: string;
};

/** What the cloud tier returns for a request: advice, or why there is none. */
export type CloudResult = CloudAdvice | NoAdvice;
