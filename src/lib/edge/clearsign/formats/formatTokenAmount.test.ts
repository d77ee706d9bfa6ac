import { maxUint256 } from 'viem';
import { expect, test } from 'vitest';
import { formatTokenAmount } from './formatTokenAmount';

const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const ETH = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';

test('a known token: exact decimals and symbol', () => {
  expect(formatTokenAmount({ amount: 30000000000n, chainId: 1n, token: USDC })).toEqual({
    value: '30000 USDC',
    warnings: [],
  });
  expect(formatTokenAmount({ amount: 1n, chainId: 1n, token: USDC }).value).toBe('0.000001 USDC');
});

test('unlimited at or above the threshold, with the descriptor message or "Unlimited"', () => {
  const threshold = 1n << 255n;
  expect(formatTokenAmount({ amount: maxUint256, chainId: 1n, token: USDC, threshold }).value).toBe(
    'Unlimited USDC',
  );
  expect(
    formatTokenAmount({ amount: threshold, chainId: 1n, token: USDC, threshold, message: 'All' }).value,
  ).toBe('All USDC');
  expect(formatTokenAmount({ amount: threshold - 1n, chainId: 1n, token: USDC, threshold }).value).toMatch(
    / USDC$/,
  );
});

test('the native currency address', () => {
  expect(
    formatTokenAmount({ amount: 10n ** 18n, chainId: 137n, token: ETH, nativeCurrencyAddresses: [ETH] })
      .value,
  ).toBe('1 POL');
});

test("the descriptor's own token metadata", () => {
  const token = '0x0000000000000000000000000000000000000abc';
  expect(
    formatTokenAmount({
      amount: 15n,
      chainId: 1n,
      token,
      declared: { address: token, info: { symbol: 'ABC', decimals: 1, name: 'Abc' } },
    }).value,
  ).toBe('1.5 ABC');
});

test('an unknown token: base units and a warning, never guessed decimals', () => {
  const unknown = '0x0000000000000000000000000000000000000001';
  expect(formatTokenAmount({ amount: 1000n, chainId: 1n, token: unknown })).toEqual({
    value: '1000',
    warnings: [expect.stringContaining('Unknown token 0x0000000000000000000000000000000000000001')],
  });
  expect(formatTokenAmount({ amount: maxUint256, chainId: 1n, token: unknown, threshold: 1n }).value).toBe(
    'Unlimited',
  );
  expect(formatTokenAmount({ amount: 5n, token: USDC })).toMatchObject({
    value: '5',
    warnings: [expect.any(String)],
  });
  expect(formatTokenAmount({ amount: 5n, chainId: 1n })).toEqual({
    value: '5',
    warnings: ['The descriptor does not say which token this amount is in.'],
  });
});
