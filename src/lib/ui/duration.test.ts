import { describe, expect, test } from 'vitest';
import { formatDuration } from './duration';

describe('formatDuration', () => {
  test.each([
    [0.4213, '0.42 ms'],
    [120.4, '120 ms'],
    [2000, '2.0 s'],
    [65_000, '1 min 5 s'],
    [-1, '—'],
    [Number.NaN, '—'],
  ])('%s → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
