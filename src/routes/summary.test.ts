import { describe, expect, test } from 'vitest';
import type { DecodedCall } from '$lib/edge/decode/types';
import type { Intent } from '$lib/edge/intent/types';
import { amountText, confidenceReason, digestIntent, utcDate } from './summary';

const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const spender = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
const unknownToken = '0x1111111111111111111111111111111111111111';

const intent = (over: Partial<Intent>): Intent => ({
  kind: 'unknown',
  args: {},
  assets: [],
  counterparties: [],
  permissions: [],
  source: 'signature',
  confidence: 0.7,
  children: [],
  ...over,
});

const call = (over: Partial<DecodedCall>): DecodedCall => ({
  kind: 'call',
  dataSize: 4,
  source: 'registry',
  confidence: 1,
  args: [],
  children: [],
  ...over,
});

describe('digestIntent', () => {
  test('a batch: the actions of its nested calls, their assets and parties gathered once', () => {
    const approve = intent({
      kind: 'approve',
      to: usdc,
      assets: [{ role: 'allow', asset: usdc, amount: 1n, unlimited: true }],
      counterparties: [{ role: 'spender', address: spender }],
    });
    const digest = digestIntent(
      intent({
        kind: 'batch',
        children: [
          intent({ kind: 'batch', children: [intent({ kind: 'tokenTransfer' }), approve] }),
          approve,
        ],
      }),
    );
    expect(digest.actions).toEqual(['tokenTransfer', 'approve', 'approve']);
    expect(digest.assets).toHaveLength(2);
    expect(digest.counterparties).toEqual([{ role: 'spender', address: spender }]);
  });

  test('an asset without a token contract is native only when the call has a target', () => {
    const asset = { role: 'send', amount: 5n } as const;
    expect(digestIntent(intent({ to: usdc, assets: [asset] })).assets[0]?.native).toBe(true);
    expect(digestIntent(intent({ assets: [asset] })).assets[0]?.native).toBe(false);
  });
});

describe('amountText', () => {
  test('a known token: exact decimal with its symbol', () => {
    expect(amountText(1_234_567_500_000n, usdc, false, 1n)).toEqual({
      amount: '1,234,567.5',
      symbol: 'USDC',
      known: true,
    });
  });

  test('an unknown token: the raw integer, not named', () => {
    expect(amountText(1_000_000n, unknownToken, false, 1n)).toEqual({ amount: '1,000,000', known: false });
  });

  test('native currency on a known chain', () => {
    expect(amountText(1_870_000_000_000_000n, undefined, true, 1n)).toEqual({
      amount: '0.00187',
      symbol: 'ETH',
      known: true,
    });
  });
});

describe('utcDate', () => {
  test('unix seconds', () => {
    expect(utcDate(1_767_225_600n)).toBe('2026-01-01 00:00:00 UTC');
  });

  test('past what a date holds', () => {
    expect(utcDate(2n ** 48n - 1n)).toBeUndefined();
  });
});

describe('confidenceReason', () => {
  test('the weakest nested call names the reason, with its issue', () => {
    const weak = call({
      source: 'none',
      confidence: 0,
      issue: { code: 'unknownCommand', message: 'x' },
    });
    const root = call({ children: [call({}), weak] });
    expect(confidenceReason([root], intent({ confidence: 0 }))).toEqual({
      source: 'none',
      issue: 'unknownCommand',
    });
  });

  test('without calls, the intent tree names it', () => {
    expect(confidenceReason([], intent({ source: 'typedData', confidence: 1 }))).toEqual({
      source: 'typedData',
    });
  });
});
