import { expect, test } from 'vitest';
import { formatDuration } from './formatDuration';

const uint = (value: bigint) => ({ kind: 'leaf', type: 'uint256', value }) as const;

test.each([
  [0n, '00:00:00'],
  [59n, '00:00:59'],
  [3_661n, '01:01:01'],
  [86_400n, '1d 00:00:00'],
  [3n * 86_400n + 4n * 3_600n, '3d 04:00:00'],
])('%s seconds → %s', (seconds, text) => {
  expect(formatDuration(uint(seconds))).toBe(text);
});

test('a negative duration is an error', () => {
  expect(() => formatDuration({ kind: 'leaf', type: 'int256', value: -1n })).toThrow('negative');
});
