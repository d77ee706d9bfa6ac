import type { Address } from 'viem';
import { expect, test } from 'vitest';
import { findLookalike, lookalikeScore } from './findLookalike';

const vitalik = '0xd8dA6BF26964aF9D7eEd9e10C2a9b6A54D6b9A56';
const poison = '0xd8da000000000000000000000000000000009a56';

test('same address (any case): no match', () => {
  expect(findLookalike(vitalik, [vitalik])).toBeUndefined();
  expect(findLookalike(vitalik, [vitalik.toLowerCase() as Address])).toBeUndefined();
});

test('4 leading + 4 trailing shared: match, returned as given', () => {
  expect(findLookalike(poison, [vitalik])).toBe(vitalik);
  expect(findLookalike(poison.toUpperCase().replace('0X', '0x') as Address, [vitalik])).toBe(vitalik);
});

test('3 shared characters at either end: no match at the default', () => {
  expect(findLookalike('0xd8d0000000000000000000000000000000009a56', [vitalik])).toBeUndefined();
  expect(findLookalike('0xd8da000000000000000000000000000000000a56', [vitalik])).toBeUndefined();
  expect(findLookalike('0xd8d0000000000000000000000000000000009a56', [vitalik], { prefix: 3 })).toBe(vitalik);
});

test('options widen or narrow the window', () => {
  expect(findLookalike(poison, [vitalik], { prefix: 5 })).toBeUndefined();
  expect(findLookalike(poison, [vitalik], { suffix: 5 })).toBeUndefined();
  expect(findLookalike(poison, [vitalik], { prefix: 2, suffix: 0 })).toBe(vitalik);
});

test('several matches: the lexicographically smallest (case-insensitive)', () => {
  const known = [
    '0xd8dafff000000000000000000000000000009a56',
    vitalik,
    '0xD8DA100000000000000000000000000000009A56',
  ] as Address[];
  expect(findLookalike(poison, known)).toBe('0xD8DA100000000000000000000000000000009A56');
  expect(findLookalike(poison, [...known].reverse())).toBe('0xD8DA100000000000000000000000000000009A56');
});

test('garbage: undefined, no throw', () => {
  expect(findLookalike('hello' as Address, [vitalik])).toBeUndefined();
  expect(findLookalike('0xd8da' as Address, [vitalik])).toBeUndefined();
  expect(findLookalike(undefined as unknown as Address, [vitalik])).toBeUndefined();
  expect(findLookalike(poison, ['0xd8da9a56', 'nope', 7] as unknown as Address[])).toBeUndefined();
  expect(findLookalike(poison, undefined as unknown as Address[])).toBeUndefined();
  expect(findLookalike(poison, [])).toBeUndefined();
});

test('lookalikeScore', () => {
  expect(lookalikeScore(poison, vitalik)).toBe(8);
  expect(lookalikeScore(vitalik, vitalik.toLowerCase() as Address)).toBe(40);
  expect(
    lookalikeScore(
      '0x0000000000000000000000000000000000000001',
      '0x0000000000000000000000000000000000000002',
    ),
  ).toBe(39);
  expect(
    lookalikeScore(
      '0x1000000000000000000000000000000000000000',
      '0x2000000000000000000000000000000000000000',
    ),
  ).toBe(39);
  expect(
    lookalikeScore(
      '0x1000000000000000000000000000000000000001',
      '0x2000000000000000000000000000000000000002',
    ),
  ).toBe(0);
  expect(lookalikeScore('nope' as Address, vitalik)).toBe(0);
});
