import { describe, expect, test } from 'vitest';
import type { Finding } from '$lib/edge/gate/decision';
import { bySeverity, percent, shortHash } from './verdict';

const finding = (rule: string, severity: Finding['severity']): Finding => ({
  rule,
  severity,
  message: rule,
  path: 'intent',
});

describe('bySeverity', () => {
  test('most severe first, ties in the gate order', () => {
    const sorted = bySeverity([
      finding('a', 'low'),
      finding('b', 'critical'),
      finding('c', 'medium'),
      finding('d', 'low'),
      finding('e', 'info'),
    ]);
    expect(sorted.map((f) => f.rule)).toEqual(['b', 'c', 'a', 'd', 'e']);
  });

  test('does not reorder its input', () => {
    const input = [finding('a', 'low'), finding('b', 'high')];
    bySeverity(input);
    expect(input.map((f) => f.rule)).toEqual(['a', 'b']);
  });
});

describe('shortHash', () => {
  test('keeps 0x and 8 digits', () => {
    expect(shortHash(`0x${'ab'.repeat(32)}`)).toBe('0xabababab…');
  });

  test('leaves short strings alone', () => {
    expect(shortHash('0x1234')).toBe('0x1234');
  });
});

describe('percent', () => {
  test('rounds and clamps', () => {
    expect(percent(0.7)).toBe(70);
    expect(percent(0.333)).toBe(33);
    expect(percent(1.2)).toBe(100);
    expect(percent(-1)).toBe(0);
  });
});
