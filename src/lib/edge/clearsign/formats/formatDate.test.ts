import { expect, test } from 'vitest';
import { formatDate } from './formatDate';

const uint = (value: bigint) => ({ kind: 'leaf', type: 'uint256', value }) as const;

test('timestamp (the default encoding) and block height', () => {
  expect(formatDate(uint(1738886410n), { encoding: 'timestamp' })).toBe('2025-02-07 00:00:10 UTC');
  expect(formatDate(uint(1738886410n), {})).toBe('2025-02-07 00:00:10 UTC');
  expect(formatDate(uint(21000000n), { encoding: 'blockheight' })).toBe('block 21000000');
});

test('garbage: unknown encoding, a string, an array', () => {
  expect(() => formatDate(uint(1n), { encoding: 'julian' })).toThrow('unknown date encoding');
  expect(() => formatDate({ kind: 'leaf', type: 'string', value: 'soon' }, {})).toThrow('expected a number');
  expect(() => formatDate({ kind: 'array', type: 'uint256[]', items: [] }, {})).toThrow('expected a number');
});
