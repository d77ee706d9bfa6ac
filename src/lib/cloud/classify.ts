import type { Address } from 'viem';
import { contractAt } from '../edge/registry/registry';
import { tokenInfo } from '../edge/tokens/tokens';

/** The three classes of DMind-3's sanitization projection P_pub. */
export type FieldClass = 'public' | 'sensitive' | 'private';

/** One row of the classification table: a field of the projection (or of the input) and why. */
export type FieldRule = { readonly path: string; readonly class: FieldClass; readonly reason: string };

/**
 * The classification table. Paths name fields of the sanitized body (`intent.*` repeats for every
 * child node) and, for fields the projection never carries, the input they would come from.
 */
export const FIELD_TABLE: readonly FieldRule[] = [
  { path: 'chain.id', class: 'public', reason: 'the network, needed to name any public contract' },
  { path: 'payload', class: 'public', reason: 'the kind of request (transaction, typed data…)' },
  { path: 'method', class: 'public', reason: 'a standard JSON-RPC method name' },
  { path: 'intent.action', class: 'public', reason: 'the action kind, from the decoder' },
  { path: 'intent.function', class: 'public', reason: 'a canonical ABI signature, from public ABIs' },
  { path: 'intent.selector', class: 'public', reason: 'the 4-byte selector' },
  { path: 'intent.primaryType', class: 'public', reason: 'the EIP-712 type name (identifier only)' },
  {
    path: 'intent.*.address (public contract or listed token)',
    class: 'public',
    reason: 'a protocol contract in the registry or a listed token on that chain',
  },
  {
    path: 'intent.*.address (the user’s own)',
    class: 'sensitive',
    reason: 'identifies the user: always sent as the role "self", never as an address',
  },
  {
    path: 'intent.*.address (any other)',
    class: 'sensitive',
    reason: 'a counterparty that is not a public contract: removed, pseudonymized, or shown by override',
  },
  { path: 'intent.assets[].amount', class: 'sensitive', reason: 'exact amounts fingerprint a transfer' },
  { path: 'intent.assets[].tokenId', class: 'sensitive', reason: 'an NFT id identifies one holding' },
  { path: 'intent.permissions[].expiry', class: 'sensitive', reason: 'exact deadlines are timing data' },
  {
    path: 'domain.name, domain.version',
    class: 'sensitive',
    reason: 'free text unless the contract is public',
  },
  { path: 'message.text', class: 'sensitive', reason: 'free text signed by the user' },
  { path: 'input: nonces, salts, signatures, hashes, gas', class: 'sensitive', reason: 'never projected' },
  { path: 'input: raw calldata and arguments', class: 'sensitive', reason: 'never projected' },
  {
    path: 'input: facts (address book, history, lists, exposure) and the gate decision',
    class: 'private',
    reason: 'from IndexedDB or derived from it: never projected under any profile',
  },
];

/** What an address is, for the projection. */
export type AddressClass =
  | { readonly class: 'public'; readonly address: Address; readonly name: string }
  | { readonly class: 'self' }
  | { readonly class: 'sensitive'; readonly address: Address };

/**
 * Classifies an address on a chain: the user's own (any of `self`), a public protocol contract
 * from the registry, a listed token, or anything else (sensitive). Without a chain nothing is public.
 */
export function classifyAddress(input: {
  readonly chainId: bigint | undefined;
  readonly address: Address;
  readonly self: ReadonlySet<string>;
}): AddressClass {
  const lower = input.address.toLowerCase() as Address;
  if (input.self.has(lower)) return { class: 'self' };
  if (input.chainId !== undefined) {
    const contract = contractAt(input.chainId, lower);
    if (contract) return { class: 'public', address: lower, name: contract.name };
    const token = tokenInfo(input.chainId, lower);
    if (token) return { class: 'public', address: lower, name: token.symbol };
  }
  return { class: 'sensitive', address: lower };
}

/** True when an address is a public contract or listed token on the chain. */
export function isPublicAddress(chainId: bigint | undefined, address: Address): boolean {
  return classifyAddress({ chainId, address, self: new Set() }).class === 'public';
}
