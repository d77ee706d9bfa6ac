import { describe, expect, test } from 'vitest';
import { formatMs, percentile, summarize } from './percentile';

const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

describe('percentile (nearest rank)', () => {
  test('1..100: the p-th percentile is p', () => {
    for (const p of [1, 25, 50, 95, 99, 100]) expect(percentile(oneToHundred, p)).toBe(p);
  });

  test('between ranks it takes the next sample up', () => {
    expect(percentile([10, 20, 30], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 51)).toBe(30);
    expect(percentile([10, 20, 30, 40], 0.1)).toBe(10);
  });

  test('p·n that is an integer only in exact arithmetic stays on its rank', () => {
    const thousand = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(percentile(thousand, 99.9)).toBe(999);
    expect(percentile(thousand, 99)).toBe(990);
    const twoThousand = Array.from({ length: 2000 }, (_, i) => i + 1);
    expect(percentile(twoThousand, 99)).toBe(1980);
  });

  test('one sample is every percentile', () => {
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([7], 100)).toBe(7);
  });

  test('bad input is a RangeError', () => {
    expect(() => percentile([], 50)).toThrowErrorMatchingInlineSnapshot(`[RangeError: no samples]`);
    expect(() => percentile([1], 0)).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: p must be within (0, 100], got 0]`,
    );
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  test('sorts a copy and reports n, p50, p95, p99, p99.9 and max', () => {
    const shuffled = [...oneToHundred].reverse();
    expect(summarize(shuffled)).toEqual({ n: 100, p50: 50, p95: 95, p99: 99, p999: 100, max: 100 });
    expect(shuffled[0]).toBe(100);
  });

  test('a non-finite sample or no sample is refused', () => {
    expect(() => summarize([1, Number.NaN])).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: every sample must be a finite number]`,
    );
    expect(() => summarize([])).toThrow('no samples');
  });
});

describe('formatMs', () => {
  test('about three significant digits', () => {
    expect(formatMs(0.0421)).toBe('0.042');
    expect(formatMs(0.5)).toBe('0.500');
    expect(formatMs(1.234)).toBe('1.23');
    expect(formatMs(12.34)).toBe('12.3');
    expect(formatMs(140.4)).toBe('140');
    expect(formatMs(0)).toBe('0.000');
  });

  test('not a duration', () => {
    expect(() => formatMs(-1)).toThrow(RangeError);
    expect(() => formatMs(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
