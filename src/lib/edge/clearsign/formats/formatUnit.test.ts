import { expect, test } from 'vitest';
import { formatUnit } from './formatUnit';

const uint = (value: bigint) => ({ kind: 'leaf', type: 'uint256', value }) as const;

test('decimals and base', () => {
  expect(formatUnit(uint(1234n), { decimals: 2, base: '%' })).toBe('12.34%');
  expect(formatUnit(uint(30n), { base: 'bps' })).toBe('30 bps');
  expect(formatUnit(uint(5n), {})).toBe('5');
  expect(formatUnit(uint(5n), { base: ' ' })).toBe('5');
  expect(formatUnit(uint(1n), { decimals: 18, base: 'SEI' })).toBe('0.000000000000000001 SEI');
});

test('SI prefix keeps the number under 1000, exactly', () => {
  expect(formatUnit(uint(1500n), { base: 'gas', prefix: true })).toBe('1.5 kgas');
  expect(formatUnit(uint(2_000_000_000n), { base: 'W', prefix: true })).toBe('2 GW');
  expect(formatUnit(uint(999n), { base: 'W', prefix: true })).toBe('999 W');
  expect(formatUnit(uint(1_234_567n), { decimals: 3, base: '%', prefix: true })).toBe('1.234567 k%');
});

test('garbage decimals', () => {
  expect(() => formatUnit(uint(1n), { decimals: -1 })).toThrow('bad unit decimals');
  expect(() => formatUnit(uint(1n), { decimals: 'two' })).toThrow('bad unit decimals');
});
