import { ParseError } from '../errors';
import { MAX_UINT256 } from './limits';

const decimalPattern = /^[0-9]+$/;
const hexPattern = /^0x[0-9a-fA-F]+$/i;

/**
 * Reads an unsigned integer quantity from JSON: a `0x` hex string, a decimal string, a safe integer
 * number, or an ethers v5 `{ type: 'BigNumber', hex }` object. Rejects negatives, fractions,
 * numbers that lost precision in JSON, and values over 2^256 - 1.
 */
export function parseQuantity(value: unknown, path: string, max: bigint = MAX_UINT256): bigint {
  const result = readQuantity(value, path);
  if (result > max)
    throw new ParseError('invalidQuantity', `The quantity at ${path} is out of range (over ${max}).`, {
      path,
      expected: `at most ${max}`,
    });
  return result;
}

function readQuantity(value: unknown, path: string): bigint {
  if (typeof value === 'bigint') {
    if (value < 0n) throw negative(path);
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || !Number.isInteger(value))
      throw new ParseError('invalidQuantity', `The quantity at ${path} is not a whole number: ${value}.`, {
        path,
        expected: 'a non-negative integer',
      });
    if (value < 0) throw negative(path);
    if (!Number.isSafeInteger(value))
      throw new ParseError(
        'invalidQuantity',
        `The number at ${path} is too large to be exact in JSON (${value}); give it as a string or hex.`,
        { path, expected: 'a quoted decimal or 0x hex string' },
      );
    return BigInt(value);
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '0x' || text === '0X') return 0n;
    if (hexPattern.test(text)) return BigInt(`0x${text.slice(2)}`);
    if (decimalPattern.test(text)) return BigInt(text);
    if (text.startsWith('-')) throw negative(path);
    throw new ParseError(
      'invalidQuantity',
      `Not a quantity at ${path}: ${JSON.stringify(text.slice(0, 40))}.`,
      {
        path,
        expected: 'a 0x hex or decimal integer',
      },
    );
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (record.type === 'BigNumber' && typeof record.hex === 'string') {
      const hex = record.hex;
      if (hex.startsWith('-')) throw negative(path);
      return readQuantity(hex, `${path}.hex`);
    }
  }
  throw new ParseError('invalidQuantity', `Expected a quantity at ${path}, got ${describeType(value)}.`, {
    path,
    expected: 'a 0x hex or decimal integer',
  });
}

function negative(path: string): ParseError {
  return new ParseError('invalidQuantity', `The quantity at ${path} is negative.`, {
    path,
    expected: 'a non-negative integer',
  });
}

/** Names the JSON type of a value, for error messages. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
