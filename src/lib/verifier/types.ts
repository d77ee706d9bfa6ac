import type { Address } from 'viem';
import type { Verdict } from '../edge/gate/decision';
import type { ModelRole } from './complete';

/**
 * An action as a person names it. Coarser than the edge's `ActionKind` (a person says "send", not
 * "native" or "token" transfer) and with the two verbs the edge spells through arguments: `revoke`
 * (an approval of zero) and `sign` (a plain message). `unknown` when the words do not say.
 * divergence.ts maps each onto the edge's kinds.
 */
export type UserActionKind =
  | 'transfer'
  | 'approve'
  | 'revoke'
  | 'swap'
  | 'order'
  | 'bridge'
  | 'stake'
  | 'deposit'
  | 'withdraw'
  | 'mint'
  | 'delegate'
  | 'adminChange'
  | 'sign'
  | 'unknown';

/** Every `UserActionKind`, in a fixed order (the JSON schemas enumerate them in this order). */
export const USER_ACTION_KINDS: readonly UserActionKind[] = [
  'transfer',
  'approve',
  'revoke',
  'swap',
  'order',
  'bridge',
  'stake',
  'deposit',
  'withdraw',
  'mint',
  'delegate',
  'adminChange',
  'sign',
  'unknown',
];

/** The asset a person gives, sends or allows: by ticker, by contract, or both. */
export type AssetRef = {
  /** The ticker as written (`USDC`, `eth`); compared case-insensitively. */
  readonly symbol?: string;
  /** The token contract, EIP-55 checksummed. */
  readonly address?: Address;
};

/** How much of the asset: a decimal as stated (`"10"`, `"0.5"`, in whole tokens), or unlimited. */
export type StatedAmount =
  | { readonly value: string; readonly unlimited?: false }
  | { readonly unlimited: true; readonly value?: undefined };

/** Who receives, is approved, or is paid: an address, a name, or both. */
export type CounterpartyRef = {
  /** EIP-55 checksummed. */
  readonly address?: Address;
  /** A name as written (`bob`, `Uniswap`); resolved only through the person's own address book. */
  readonly name?: string;
};

/**
 * The structured reading of an intent that Δ compares: one action, and the asset, amount and
 * counterparty it concerns. A field left out is one the reading does not state.
 */
export type IntentFields = {
  readonly action: UserActionKind;
  readonly asset?: AssetRef;
  readonly amount?: StatedAmount;
  readonly counterparty?: CounterpartyRef;
};

/** What the person says they expect the request to do, read from their own words by the nano model. */
export type ExpectedAction = IntentFields;

/** The 4B verifier's own reading of what the request does (DMind-3's î′). */
export type RefinedIntent = IntentFields;

/** The verifier's two states (DMind-3 eq. 9): Standard, or the `<REFLECT>` audit. */
export type VerifyMode = 'standard' | 'reflect';

/** One thing a model worries about, tied to a field of the data it was shown. */
export type Concern = {
  /** A path into the prompt's data, e.g. `intent.children[1].permissions[0].amount`. */
  readonly field: string;
  /** Plain text, control and bidi characters removed. */
  readonly text: string;
};

/** A model's advice on a request. Advisory only: merge.ts lets it raise the verdict, never lower it. */
export type ModelAdvice = {
  readonly kind: 'advice';
  readonly source: ModelRole;
  readonly mode: VerifyMode;
  /** The model's reading of the intent, when it gave one. */
  readonly refined?: RefinedIntent;
  /** The model's risk score r_t: 0 harmless … 1 certain loss. Always finite, within [0, 1]. */
  readonly risk: number;
  /** The verdict the model suggests. */
  readonly suggested: Verdict;
  readonly concerns: readonly Concern[];
  /** Two or three sentences for the person, control and bidi characters removed. */
  readonly explanation: string;
  /** `<REFLECT>` mode only: the negative hypothesis and the critique the model wrote before answering. */
  readonly audit?: { readonly hypothesis: string; readonly critique: string };
};

/** Why a task has nothing to say. */
export type NoAdviceReason =
  /** No model loaded, no WebGPU, or the engine said it cannot run. */
  | 'unavailable'
  /** The model answered, but not in the required shape (or was cut off). */
  | 'malformed'
  /** The model did not answer within the task's time budget. */
  | 'late'
  /** The engine failed while answering. */
  | 'failed'
  /** The caller withdrew the question. */
  | 'aborted';

/** No advice: counts as if the model had not been asked. */
export type NoAdvice = {
  readonly kind: 'none';
  readonly reason: NoAdviceReason;
  /** For logs and tests: what was wrong, in one line. Never shown as the model's words. */
  readonly detail?: string;
};

/** What the verifier (or the nano) returns for a request. */
export type Advice = ModelAdvice | NoAdvice;

/** What the nano read from the person's stated intent. */
export type StatedIntentResult = { readonly kind: 'expected'; readonly expected: ExpectedAction } | NoAdvice;

/** The UI languages an explanation is written in. */
export type Language = 'en' | 'zh';

/** The nano's plain-language explanation of a request. */
export type ExplainResult =
  | { readonly kind: 'explanation'; readonly language: Language; readonly text: string }
  | NoAdvice;
