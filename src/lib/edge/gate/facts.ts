import type { Address } from 'viem';

/** A grant or transfer made earlier in the session, for cumulative exposure. */
export type ExposureEntry = {
  readonly counterparty: Address;
  /** `native`, or the token contract. */
  readonly asset: Address | 'native';
  /** Base units. An unlimited grant counts as the maximum. */
  readonly amount: bigint;
  readonly at?: bigint;
};

/**
 * What the shell knows about the user's world, gathered before the gate runs. The gate never
 * fetches and never reads the clock: every fact arrives here, or is unknown.
 */
export type Facts = {
  /** Unix seconds, when the shell gives it (expiry rules use it). */
  readonly now?: bigint;
  /** The chain the wallet is on, when known (typed-data domain checks use it). */
  readonly chainId?: bigint;
  /** The account that would sign, when known. */
  readonly from?: Address;
  readonly addressBook: readonly { readonly address: Address; readonly name?: string }[];
  readonly history: readonly { readonly address: Address; readonly lastSeen?: bigint }[];
  /** `true` if the history above is the user's real history (so a missing address is new). */
  readonly historyKnown: boolean;
  readonly allowlist: readonly Address[];
  readonly denylist: readonly Address[];
  /** EIP-7702 delegates the user trusts, on top of the bundled wallet delegates. */
  readonly delegates: readonly Address[];
  readonly exposure: readonly ExposureEntry[];
  /** Whether an address has code, where the shell looked it up. */
  readonly hasCode: Readonly<Record<string, boolean>>;
};

/** No facts: what the gate knows from the payload alone. */
export const noFacts: Facts = {
  addressBook: [],
  history: [],
  historyKnown: false,
  allowlist: [],
  denylist: [],
  delegates: [],
  exposure: [],
  hasCode: {},
};
