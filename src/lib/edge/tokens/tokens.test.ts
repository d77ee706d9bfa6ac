import { expect, test } from 'vitest';
import { nativeCurrency } from './nativeCurrency';
import { TOKEN_SOURCES, tokenInfo } from './tokens';

test('USDC on Ethereum, any address case', () => {
  const usdc = { symbol: 'USDC', decimals: 6, name: 'USD Coin' };
  expect(tokenInfo(1n, '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48')).toMatchObject(usdc);
  expect(tokenInfo(1n, '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48')).toMatchObject(usdc);
});

test('the same address on another chain is another token', () => {
  expect(tokenInfo(56n, '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48')).toBeUndefined();
});

test('a descriptor-declared token (metadata.token) is known', () => {
  expect(tokenInfo(1n, '0xeF4461891DfB3AC8572cCf7C794664A8DD927945')).toEqual({
    symbol: 'WCT',
    decimals: 18,
    name: 'WalletConnect Token',
  });
});

test('unknown token and unknown chain', () => {
  expect(tokenInfo(1n, '0x0000000000000000000000000000000000000001')).toBeUndefined();
  expect(tokenInfo(999999999n, '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48')).toBeUndefined();
});

test('native currencies', () => {
  expect(nativeCurrency(1n)?.symbol).toBe('ETH');
  expect(nativeCurrency(10n)?.symbol).toBe('ETH');
  expect(nativeCurrency(56n)?.symbol).toBe('BNB');
  expect(nativeCurrency(100n)?.symbol).toBe('xDAI');
  expect(nativeCurrency(137n)?.symbol).toBe('POL');
  expect(nativeCurrency(43114n)?.symbol).toBe('AVAX');
  expect(nativeCurrency(11155111n)).toMatchObject({ symbol: 'ETH', decimals: 18 });
  expect(nativeCurrency(999999999n)).toBeUndefined();
});

test('the sources name their licenses', () => {
  for (const source of TOKEN_SOURCES) expect(source).toMatch(/(MIT|CC0-1\.0)\)$/);
});
