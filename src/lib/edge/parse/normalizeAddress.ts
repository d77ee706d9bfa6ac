import { type Address, checksumAddress } from 'viem';
import { ParseError } from '../errors';

const addressPattern = /^0x[0-9a-fA-F]{40}$/;

/**
 * Normalizes an address to its EIP-55 checksum form. With `strictChecksum`, a mixed-case address
 * whose checksum does not match is rejected (a typo in something a person copied, such as a URI).
 * Without it the address is accepted: wallets sign the 20 bytes whatever their case, and real
 * dApps send typed data with wrong checksums.
 */
export function normalizeAddress(value: unknown, path?: string, strictChecksum = false): Address {
  if (typeof value !== 'string')
    throw new ParseError('invalidAddress', `Expected an address string${path ? ` at ${path}` : ''}.`, {
      path,
      expected: '0x followed by 40 hex digits',
    });
  const text = value.trim();
  if (!addressPattern.test(text))
    throw new ParseError('invalidAddress', `Not an address${path ? ` at ${path}` : ''}: ${preview(text)}.`, {
      path,
      expected: '0x followed by 40 hex digits',
    });
  const body = text.slice(2);
  const checksummed = checksumAddress(`0x${body.toLowerCase()}`);
  const mixedCase = body !== body.toLowerCase() && body !== body.toUpperCase();
  if (strictChecksum && mixedCase && checksummed !== text)
    throw new ParseError(
      'invalidAddress',
      `The address checksum is wrong${path ? ` at ${path}` : ''}: ${text}. Mixed-case addresses must match EIP-55 (expected ${checksummed}).`,
      { path, expected: checksummed },
    );
  return checksummed;
}

/** A short, safe rendering of untrusted text for error messages. */
export function preview(text: string, max = 48): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut);
}
