import { describe, expect, test } from 'vitest';
import { BUCKET_PATTERN, bucket, exact, MAGNITUDE_PATTERN, magnitude, month, textShape } from './coarsen';

describe('magnitude', () => {
  test('orders of magnitude in whole tokens', () => {
    expect(magnitude(1_234_000_000n, 6)).toBe('1e3..1e4');
    expect(magnitude(999_999n, 6)).toBe('1e-1..1e0');
    expect(magnitude(1n, 18)).toBe('1e-18..1e-17');
    expect(magnitude(0n, 6)).toBe('0');
  });
  test('matches its pattern', () => {
    for (const a of [1n, 7n, 10n ** 30n, 123_456_789n]) expect(magnitude(a, 6)).toMatch(MAGNITUDE_PATTERN);
  });
  test('refuses negatives', () => expect(() => magnitude(-1n, 0)).toThrow(RangeError));
});

describe('bucket', () => {
  test('1-2-5 steps in whole tokens', () => {
    expect(bucket(1_234_000_000n, 6)).toBe('1000..2000');
    expect(bucket(2_500_000n, 6)).toBe('2..5');
    expect(bucket(7_000_000n, 6)).toBe('5..10');
    expect(bucket(60_000n, 6)).toBe('0.05..0.1');
    expect(bucket(5_000_000_000_000n, 6)).toBe('5e6..1e7');
    expect(bucket(500_000_000_000n, 6)).toBe('500000..1e6');
    expect(bucket(3n, 18)).toBe('2e-18..5e-18');
    expect(bucket(0n, 6)).toBe('0');
  });
  test('matches its pattern and never the exact digits of a long amount', () => {
    for (let i = 0; i < 200; i++) {
      const amount = BigInt(`${(i % 9) + 1}${'7'.repeat(i % 30)}3`);
      const out = bucket(amount, i % 19);
      expect(out).toMatch(BUCKET_PATTERN);
      if (amount >= 10_000n) expect(out).not.toContain(amount.toString());
    }
  });
});

test('exact writes whole units', () => expect(exact(1_234_567n, 6)).toBe('1.234567'));

test('month buckets Unix seconds to the UTC month', () => {
  expect(month(1_772_641_538n)).toBe('2026-03');
  expect(month(0n)).toBe('none');
  expect(month(2n ** 256n - 1n)).toBe('far-future');
});

test('textShape gives length and character class only', () => {
  expect(textShape('Sign in to app.example')).toEqual({ length: 22, chars: 'ascii' });
  expect(textShape('登录 ✓')).toEqual({ length: 4, chars: 'unicode' });
});
