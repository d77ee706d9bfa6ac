import type { Address } from 'viem';
import type { DecodedCall } from '../decode/types';
import type { Intent } from '../intent/types';
import type { RuleContext } from './rule';

/** Every node of an intent tree with its path, depth first, in order. */
export function* walkIntent(
  intent: Intent | undefined,
  path = 'intent',
): Generator<readonly [Intent, string]> {
  if (!intent) return;
  yield [intent, path];
  for (const [i, child] of intent.children.entries()) yield* walkIntent(child, `${path}.children[${i}]`);
}

/** Every decoded call node with its path, depth first, in order. */
export function* walkCalls(
  calls: readonly DecodedCall[],
  path = 'calls',
): Generator<readonly [DecodedCall, string]> {
  for (const [i, call] of calls.entries()) {
    yield [call, `${path}[${i}]`];
    yield* walkCalls(call.children, `${path}[${i}].children`);
  }
}

/** The chain the request is for: the transaction's, the batch's, the typed-data domain's, or the wallet's. */
export function requestChainId(ctx: RuleContext): bigint | undefined {
  const p = ctx.payload;
  if (
    p &&
    (p.kind === 'transaction' || p.kind === 'rawTransaction' || p.kind === 'eip681') &&
    p.tx.chainId !== undefined
  )
    return p.tx.chainId;
  if (p?.kind === 'callBatch' && p.chainId !== undefined) return p.chainId;
  if (p?.kind === 'typedData' && p.domain.chainId !== undefined) return p.domain.chainId;
  return ctx.facts.chainId;
}

/** Case-insensitive membership of an address in a list. */
export function includesAddress(list: readonly string[], address: string): boolean {
  const lower = address.toLowerCase();
  return list.some((item) => item.toLowerCase() === lower);
}

/** The account that signs: the payload's sender, else the wallet's. */
export function signer(ctx: RuleContext): Address | undefined {
  const p = ctx.payload;
  if (p && (p.kind === 'transaction' || p.kind === 'rawTransaction' || p.kind === 'eip681') && p.tx.from)
    return p.tx.from;
  if (p && (p.kind === 'typedData' || p.kind === 'message' || p.kind === 'callBatch') && p.from)
    return p.from;
  return ctx.facts.from;
}

/**
 * Short form of an address for messages: 8 hex digits at each end (0xd8dA6BF2…7aA96045). Never 4:
 * address poisoners mint look-alikes that share the first and last four digits in seconds, and a
 * message must not print the genuine address and its twin the same way.
 */
export function short(address: string): string {
  return `${address.slice(0, 10)}…${address.slice(-8)}`;
}
