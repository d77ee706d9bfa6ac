import { type Address, getAddress, isAddress } from 'viem';
import { ContextError } from './errors';

/**
 * An address the user typed, checksummed. Any case is accepted; a mixed-case address must carry a
 * valid EIP-55 checksum (a wrong one is usually a mistyped character).
 */
export function toAddress(value: string, path: string): Address {
  const text = value.trim();
  if (!isAddress(text, { strict: false }))
    throw new ContextError('invalidInput', `“${text.slice(0, 60)}” is not a 20-byte hex address.`, { path });
  const digits = text.slice(2);
  if (digits !== digits.toLowerCase() && digits !== digits.toUpperCase() && !isAddress(text))
    throw new ContextError('invalidInput', `${text} has a wrong checksum (a mistyped character?).`, { path });
  return getAddress(text);
}

/** Chain ids: positive safe integers, deduplicated and sorted. */
export function toChains(chains: readonly number[]): number[] {
  for (const chain of chains)
    if (!Number.isSafeInteger(chain) || chain <= 0)
      throw new ContextError('invalidInput', `${chain} is not a chain id.`, { path: 'chains' });
  return [...new Set(chains)].sort((a, b) => a - b);
}
