import type { Hex } from 'viem';
import { ParseError } from '../errors';

/** Options of {@link normalizeHex}. */
export type NormalizeHexOptions = {
  /** Where the text sits, for error messages (a JSON path). */
  path?: string;
  /** Allow whitespace and line breaks between digits (pasted calldata). */
  allowWhitespace?: boolean;
  /** Allow the `0x` prefix to be missing. */
  allowBare?: boolean;
};

const hexDigit = /^[0-9a-fA-F]$/;

/**
 * Normalizes a byte string to lower-case `0x`-prefixed hex.
 * Throws a {@link ParseError} naming the first bad character (`invalidHex`) or an odd length (`oddLength`).
 */
export function normalizeHex(text: string, options: NormalizeHexOptions = {}): Hex {
  const { path, allowWhitespace = false, allowBare = false } = options;
  let start = 0;
  if (text.startsWith('0x') || text.startsWith('0X')) start = 2;
  else if (!allowBare)
    throw new ParseError('invalidHex', 'Expected hex starting with 0x.', {
      path,
      position: 0,
      expected: '0x…',
    });
  const digits: string[] = [];
  for (let i = start; i < text.length; i++) {
    const c = text[i] as string;
    if (hexDigit.test(c)) digits.push(c);
    else if (allowWhitespace && (c === ' ' || c === '\n' || c === '\r' || c === '\t')) continue;
    else
      throw new ParseError('invalidHex', `Not a hex digit: ${JSON.stringify(c)} at position ${i}.`, {
        path,
        position: i,
        expected: 'a hex digit 0-9 or a-f',
      });
  }
  if (digits.length % 2 !== 0)
    throw new ParseError(
      'oddLength',
      `The hex has ${digits.length} digits, an odd number: a byte is cut in half.`,
      {
        path,
        expected: 'an even number of hex digits',
      },
    );
  return `0x${digits.join('').toLowerCase()}`;
}

/** The number of bytes in a normalized hex string. */
export function hexByteLength(hex: Hex): number {
  return (hex.length - 2) / 2;
}
