import type { Address, Hex } from 'viem';
import type { ProfileChoices } from '$lib/cloud/profiles';
import type { PrivacyProfile } from '$lib/cloud/sanitized';
import type { Decision, Verdict } from '$lib/edge/gate/decision';

/**
 * The records of Vigil's private context c_priv. Every record is plain structured-cloneable data
 * (no bigints, no class instances): amounts are decimal strings, times are Unix milliseconds.
 * Records of the private stores carry a random `id`; an address is never a key, so a sealed store
 * (passphrase lock) shows nothing but opaque ids.
 */

/** Someone the user knows. */
export type ContactRecord = {
  readonly id: string;
  readonly name: string;
  readonly address: Address;
  /** Chain ids the contact uses; empty means every chain. */
  readonly chains: readonly number[];
  readonly notes: string;
  readonly createdAt: number;
  readonly updatedAt: number;
};

/** An address the user trusts (`allow`) or blocks (`deny`), on top of the bundled sets. */
export type ListEntry = {
  readonly id: string;
  readonly list: 'allow' | 'deny';
  readonly address: Address;
  readonly note: string;
  readonly addedAt: number;
};

/** An EIP-7702 delegate the user trusts, on top of the bundled wallet delegates. */
export type DelegateRecord = {
  readonly id: string;
  readonly address: Address;
  /** Chain ids; empty means every chain. */
  readonly chains: readonly number[];
  readonly note: string;
  readonly addedAt: number;
};

/** How the user dealt with a counterparty: paid it, let it spend, or received from it. */
export type Direction = 'sent' | 'granted' | 'received';

/** One counterparty the user has dealt with. */
export type HistoryRecord = {
  readonly id: string;
  readonly address: Address;
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly count: number;
  readonly directions: readonly Direction[];
};

/** What the user sent or granted one counterparty in one asset on one UTC day. */
export type ExposureRecord = {
  readonly id: string;
  /** UTC day, `YYYY-MM-DD`. */
  readonly day: string;
  /** `native`, or the token contract (checksummed). */
  readonly asset: Address | 'native';
  readonly counterparty: Address;
  /** Base units, decimal; an unlimited grant is 2^256 − 1. */
  readonly amount: string;
  /** How many signed requests added to it. */
  readonly count: number;
};

/**
 * What the user did with a decision. `pending`: nothing recorded yet; `rejected`: the wallet was
 * asked and the user said no there; `failed`: the wallet was asked and failed (nothing signed).
 */
export type UserAction = 'pending' | 'signed' | 'cancelled' | 'overridden' | 'rejected' | 'failed';

/** One inspected request, its decision, and what the user did about it. */
export type DecisionLogRecord = {
  readonly id: string;
  /** When the decision was made. */
  readonly at: number;
  /** The input text as pasted; omitted (and `inputBytes` kept) when over the log's size cap. */
  readonly input?: string;
  readonly inputBytes: number;
  /** Payload kind (`calldata`, `transaction`, …), or `unreadable`. */
  readonly kind: string;
  readonly decision: Decision;
  readonly verdict: Verdict;
  /** The rules that fired, for filtering. */
  readonly rules: readonly string[];
  /** Every counterparty the request names, for filtering. */
  readonly counterparties: readonly Address[];
  /** The chain, when the request names one. */
  readonly chainId?: number;
  readonly userAction: UserAction;
  readonly actedAt?: number;
  /** The transaction hash or the signature, once the user signed. */
  readonly result?: Hex;
  /** keccak256 of the result, so a log entry can be matched without revealing it. */
  readonly resultHash?: Hex;
};

/**
 * The user's policy document: what `parsePolicy` reads (profile, thresholds, per-rule overrides,
 * limits), minus the allow/deny lists, which live in their own store.
 */
export type PolicyRecord = {
  readonly id: 'current';
  readonly document: Readonly<Record<string, unknown>>;
  /** Exposure counts what was sent or granted over this many UTC days, today included. */
  readonly exposureWindowDays: number;
  readonly updatedAt: number;
};

/** Local model preferences (the local tier reads them). */
export type ModelPrefs = {
  readonly id: 'models';
  /** Load the models when the app starts, rather than on first use. */
  readonly loadAtStart: boolean;
  readonly nano?: string;
  readonly verifier?: string;
};

/**
 * Cloud preferences (the cloud tier reads them through `cloudSetup` in `$lib/cloud/setup`). The API
 * key never leaves the device but to its endpoint; it is sealed only while the passphrase lock is on.
 * Records saved before `timeoutMs` existed load with the default (see `upgradeCloudPrefs`).
 */
export type CloudPrefs = {
  readonly id: 'cloud';
  readonly enabled: boolean;
  readonly baseUrl: string;
  readonly model: string;
  /** An empty string is no key. */
  readonly apiKey: string;
  readonly profile: PrivacyProfile;
  /** The per-class choices; only meaningful (and only saved) with the `override` profile. */
  readonly override?: ProfileChoices;
  /** Milliseconds to wait for an answer; within [MIN_CLOUD_TIMEOUT_MS, MAX_TIMEOUT_MS]. */
  readonly timeoutMs: number;
  readonly updatedAt?: number;
};

/**
 * WalletConnect: the WalletConnect Cloud (Reown) project id that lets Vigil pair with a phone
 * wallet through the WalletConnect relay. Absent: browser wallets only.
 */
export type WalletConnectPrefs = {
  readonly id: 'walletconnect';
  /** 32 lowercase hexadecimal characters. */
  readonly projectId: string;
  readonly updatedAt?: number;
};

export type PrefsRecord = ModelPrefs | CloudPrefs | WalletConnectPrefs;

/** Every private store and the record it holds. */
export type PrivateStores = {
  readonly policy: PolicyRecord;
  readonly lists: ListEntry;
  readonly addressBook: ContactRecord;
  readonly history: HistoryRecord;
  readonly exposure: ExposureRecord;
  readonly decisions: DecisionLogRecord;
  readonly delegates: DelegateRecord;
  readonly prefs: PrefsRecord;
};

export type PrivateStoreName = keyof PrivateStores;

export const privateStoreNames: readonly PrivateStoreName[] = [
  'policy',
  'lists',
  'addressBook',
  'history',
  'exposure',
  'decisions',
  'delegates',
  'prefs',
];

/** The whole private context, as held in memory once the store is open (and unlocked). */
export type ContextData = {
  readonly [K in PrivateStoreName]: readonly PrivateStores[K][];
};

/** An empty context: what a new user (or an erased store) has. */
export const emptyContext: ContextData = {
  policy: [],
  lists: [],
  addressBook: [],
  history: [],
  exposure: [],
  decisions: [],
  delegates: [],
  prefs: [],
};
