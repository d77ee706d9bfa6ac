import { maxUint256 } from 'viem';
import { describe, expect, test } from 'vitest';
import type { ExposureRecord, HistoryRecord } from '$lib/context/records';
import { inspect } from '$lib/edge/inspect';
import { composeRequest } from '$lib/wallet/compose';
import {
  addressOf,
  allowanceText,
  composeInputOf,
  inspectorHref,
  revokeCandidates,
  shownErrors,
  typedDecimals,
} from './composeForm';

const USER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const DAI = '0x6B175474E89094C44Da98b954EedeAC495271d0F';
const PERMIT2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';

const fields = {
  native: { to: BOB, amount: '0.5' },
  token: { token: USDC, to: BOB, amount: '12.5', decimals: '' },
  revoke: { token: USDC, spender: PERMIT2, standard: 'erc20' as const },
};

describe('composeInputOf', () => {
  test('each tab builds its own kind from the shared origin', () => {
    const origin = { chainId: 1, from: USER };
    expect(composeInputOf('native', origin, fields, 6)).toEqual({
      kind: 'native',
      chainId: 1,
      from: USER,
      to: BOB,
      amount: '0.5',
    });
    expect(composeInputOf('token', origin, fields, 6)).toEqual({
      kind: 'token',
      chainId: 1,
      from: USER,
      token: USDC,
      to: BOB,
      amount: '12.5',
      decimals: 6,
    });
    expect(composeInputOf('revoke', origin, fields, 6)).toMatchObject({ kind: 'revoke', standard: 'erc20' });
  });

  test('unknown decimals (NaN) keep the token form from building', () => {
    const r = composeRequest(composeInputOf('token', { chainId: 1, from: USER }, fields, Number.NaN));
    expect(r).toEqual({ ok: false, errors: [{ field: 'decimals', key: 'decimals' }] });
  });
});

test('typedDecimals: whole numbers only', () => {
  expect(typedDecimals(' 6 ')).toBe(6);
  expect(typedDecimals('')).toBeNaN();
  expect(typedDecimals('1.5')).toBeNaN();
  expect(typedDecimals('-1')).toBeNaN();
});

test('addressOf: any case, but mixed case must be checksummed', () => {
  expect(addressOf(BOB.toLowerCase())).toBe(BOB);
  expect(addressOf(` ${BOB} `)).toBe(BOB);
  expect(addressOf(BOB.replace('C5', 'c5'))).toBeUndefined();
  expect(addressOf('0x1234')).toBeUndefined();
});

test('shownErrors: the first error of each touched field only', () => {
  const r = composeRequest({ kind: 'native', chainId: 1, from: 'me', to: '0x12', amount: '' });
  expect(shownErrors(r, (f) => f === 'to' || f === 'amount')).toEqual({ to: 'address', amount: 'amount' });
  expect(shownErrors(r, () => false)).toEqual({});
  expect(
    shownErrors(composeRequest({ kind: 'native', chainId: 1, from: USER, ...fields.native }), () => true),
  ).toEqual({});
});

test('inspectorHref: the inspector reads back exactly the composed text', () => {
  const r = composeRequest({ kind: 'native', chainId: 31337, from: USER, to: BOB, amount: '0.5' });
  if (!r.ok) throw new Error('not built');
  const href = inspectorHref(r.text);
  expect(href.startsWith('/?input=')).toBe(true);
  const text = new URL(href, 'http://localhost').searchParams.get('input') ?? '';
  expect(text).toBe(r.text);
  const inspected = inspect(text);
  expect(inspected.ok && inspected.intent.kind).toBe('nativeTransfer');
});

test('allowanceText: unlimited, whole tokens, or base units', () => {
  expect(allowanceText(maxUint256, 6)).toEqual({ unlimited: true });
  expect(allowanceText(12_500_000n, 6)).toEqual({ unlimited: false, amount: '12.5' });
  expect(allowanceText(5n, undefined)).toEqual({ unlimited: false, amount: '5' });
});

describe('revokeCandidates', () => {
  const person = (address: string, directions: HistoryRecord['directions']): HistoryRecord => ({
    id: address,
    address: address as HistoryRecord['address'],
    firstSeen: 0,
    lastSeen: 0,
    count: 1,
    directions,
  });
  const row = (day: string, asset: string, counterparty: string, amount: string): ExposureRecord => ({
    id: `${day}${asset}${counterparty}`,
    day,
    asset: asset as ExposureRecord['asset'],
    counterparty: counterparty as ExposureRecord['counterparty'],
    amount,
    count: 1,
  });

  test('granted pairs only, one per (token, spender), the newest first', () => {
    const candidates = revokeCandidates({
      history: [person(PERMIT2, ['granted']), person(BOB, ['sent'])],
      exposure: [
        row('2025-01-01', USDC, PERMIT2, '5'),
        row('2025-03-01', USDC, PERMIT2.toLowerCase(), maxUint256.toString()),
        row('2025-02-01', DAI, PERMIT2, '7'),
        // Bob was only paid: not a grant.
        row('2025-04-01', USDC, BOB, '9'),
        // Native currency cannot be revoked.
        row('2025-04-01', 'native', PERMIT2, '9'),
      ],
    });
    expect(candidates).toEqual([
      { token: USDC, spender: PERMIT2, lastDay: '2025-03-01', unlimited: true },
      { token: DAI, spender: PERMIT2, lastDay: '2025-02-01', unlimited: false },
    ]);
  });

  test('no history of granting, no candidates', () => {
    expect(revokeCandidates({ history: [], exposure: [row('2025-01-01', USDC, PERMIT2, '1')] })).toEqual([]);
  });
});
