import type { Address, Hex } from 'viem';
import type { DecodeSource } from '../decode/types';

/** What a request does, in the terms a person decides on. */
export type ActionKind =
  | 'nativeTransfer'
  | 'tokenTransfer'
  | 'approve'
  | 'permit'
  | 'setApprovalForAll'
  | 'swap'
  | 'order'
  | 'bridge'
  | 'stake'
  | 'deposit'
  | 'withdraw'
  | 'delegate'
  | 'adminChange'
  | 'batch'
  | 'deploy'
  | 'messageSignature'
  | 'unknown';

/** An amount of an asset: native currency (`asset` undefined) or a token contract. */
export type AssetAmount = {
  readonly role: 'send' | 'receive' | 'allow';
  /** The token contract; `undefined` is the chain's native currency. */
  readonly asset?: Address;
  /** Raw integer amount (token base units, or wei). */
  readonly amount?: bigint;
  /** An NFT id, for ERC-721/1155 moves. */
  readonly tokenId?: bigint;
  /** The amount is the maximum the type allows (an "unlimited" approval). */
  readonly unlimited?: boolean;
};

/** Someone the request gives something to, or lets act. */
export type Counterparty = {
  readonly role: 'recipient' | 'spender' | 'operator' | 'delegate' | 'newOwner' | 'implementation' | 'target';
  readonly address: Address;
};

/** A standing permission the request grants. */
export type Permission = {
  readonly kind: 'allowance' | 'operator' | 'delegation' | 'ownership';
  readonly to: Address;
  readonly asset?: Address;
  readonly amount?: bigint;
  readonly unlimited?: boolean;
  /** Unix seconds when the permission lapses, when it does. */
  readonly expiry?: bigint;
};

/** A named, JSON-ready argument value: integers as decimal strings, addresses lower-case hex. */
export type IntentArgValue =
  | string
  | boolean
  | readonly IntentArgValue[]
  | { readonly [name: string]: IntentArgValue };

/** One node of the intent tree. Every field is derived from the decode named by `source`. */
export type Intent = {
  readonly kind: ActionKind;
  /** Canonical `name(type,…)` of the call, or a router command / typed-data type. */
  readonly function?: string;
  readonly selector?: Hex;
  readonly primaryType?: string;
  readonly to?: Address | null;
  readonly args: Readonly<Record<string, IntentArgValue>>;
  readonly assets: readonly AssetAmount[];
  readonly counterparties: readonly Counterparty[];
  readonly permissions: readonly Permission[];
  readonly source: DecodeSource | 'typedData' | 'message' | 'payload';
  /** γ of this node and everything under it (the minimum). */
  readonly confidence: number;
  readonly children: readonly Intent[];
};
