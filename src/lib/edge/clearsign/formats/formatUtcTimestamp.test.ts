import { expect, test } from 'vitest';
import { ClearSignFormatError } from '../errors';
import { formatUtcTimestamp } from './formatUtcTimestamp';

test.each([
  [0n, '1970-01-01 00:00:00 UTC'],
  [1738886400n, '2025-02-07 00:00:00 UTC'],
  [1776739200n, '2026-04-21 02:40:00 UTC'],
  [951782400n, '2000-02-29 00:00:00 UTC'],
  [4107542399n, '2100-02-28 23:59:59 UTC'],
  [4107542400n, '2100-03-01 00:00:00 UTC'],
  [253402300799n, '9999-12-31 23:59:59 UTC'],
])('%s → %s', (seconds, text) => {
  expect(formatUtcTimestamp(seconds)).toBe(text);
});

test('agrees with the platform calendar on many days', () => {
  for (let seconds = 0; seconds < 5e9; seconds += 86_400 * 97 + 3_601) {
    const iso = new Date(seconds * 1000).toISOString();
    expect(formatUtcTimestamp(BigInt(seconds))).toBe(`${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`);
  }
});

test('out of range: before 1970, after 9999, a uint256 max deadline', () => {
  expect(() => formatUtcTimestamp(-1n)).toThrow(ClearSignFormatError);
  expect(() => formatUtcTimestamp(253402300800n)).toThrow('not between 1970 and 9999');
  expect(() => formatUtcTimestamp(2n ** 256n - 1n)).toThrow(ClearSignFormatError);
});
