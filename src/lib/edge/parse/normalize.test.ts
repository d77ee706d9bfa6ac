import { expect, test } from 'vitest';
import { ParseError } from '../errors';
import { normalizeAddress } from './normalizeAddress';
import { normalizeHex } from './normalizeHex';
import { parseQuantity } from './parseQuantity';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ParseError) return error.code;
    throw error;
  }
  return 'accepted';
}

test('normalizeHex', () => {
  expect(normalizeHex('0xABcd')).toBe('0xabcd');
  expect(normalizeHex('ab cd\nef', { allowBare: true, allowWhitespace: true })).toBe('0xabcdef');
  expect(codeOf(() => normalizeHex('abcd'))).toBe('invalidHex');
  expect(codeOf(() => normalizeHex('0xab cd'))).toBe('invalidHex');
  expect(codeOf(() => normalizeHex('0xabc'))).toBe('oddLength');
});

test('normalizeAddress', () => {
  const checksummed = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
  expect(normalizeAddress(checksummed.toLowerCase())).toBe(checksummed);
  expect(normalizeAddress(checksummed.toUpperCase().replace('0X', '0x'))).toBe(checksummed);
  const wrong = '0xd8da6BF26964aF9D7eEd9e03E53415D37aA96045';
  expect(normalizeAddress(wrong)).toBe(checksummed);
  expect(codeOf(() => normalizeAddress(wrong, 'to', true))).toBe('invalidAddress');
  expect(codeOf(() => normalizeAddress('0x1234'))).toBe('invalidAddress');
  expect(codeOf(() => normalizeAddress(12))).toBe('invalidAddress');
});

test('parseQuantity', () => {
  expect(parseQuantity('0x0', 'v')).toBe(0n);
  expect(parseQuantity('0x', 'v')).toBe(0n);
  expect(parseQuantity('1000', 'v')).toBe(1000n);
  expect(parseQuantity(21000, 'v')).toBe(21000n);
  expect(parseQuantity({ type: 'BigNumber', hex: '0x01' }, 'v')).toBe(1n);
  expect(codeOf(() => parseQuantity(`0x1${'0'.repeat(64)}`, 'v'))).toBe('invalidQuantity');
  expect(codeOf(() => parseQuantity(2 ** 60, 'v'))).toBe('invalidQuantity');
  expect(codeOf(() => parseQuantity(1.5, 'v'))).toBe('invalidQuantity');
  expect(codeOf(() => parseQuantity('-1', 'v'))).toBe('invalidQuantity');
  expect(codeOf(() => parseQuantity('1e18', 'v'))).toBe('invalidQuantity');
  expect(codeOf(() => parseQuantity(null, 'v'))).toBe('invalidQuantity');
  expect(codeOf(() => parseQuantity('256', 'v', 255n))).toBe('invalidQuantity');
});
