import { expect, test } from 'vitest';
import { formatAmount } from './formatAmount';

const wei = (value: bigint) => ({ kind: 'leaf', type: 'uint256', value }) as const;

test('native currency per chain, exact', () => {
  expect(formatAmount(wei(1870000000000000n), 1n)).toBe('0.00187 ETH');
  expect(formatAmount(wei(32n * 10n ** 18n), 1n)).toBe('32 ETH');
  expect(formatAmount(wei(1n), 137n)).toBe('0.000000000000000001 POL');
  expect(formatAmount(wei(10n ** 18n), 56n)).toBe('1 BNB');
  expect(formatAmount(wei(0n), 100n)).toBe('0 xDAI');
});

test('an unknown chain, or none, is an error (the caller shows the raw value)', () => {
  expect(() => formatAmount(wei(1n), 999999999n)).toThrow('native currency of chain 999999999');
  expect(() => formatAmount(wei(1n), undefined)).toThrow('native currency');
});
