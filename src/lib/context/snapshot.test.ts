import { describe, expect, test } from 'vitest';
import { defaultPolicy, policyHash } from '$lib/edge/gate/policy';
import { type ContextData, emptyContext } from './records';
import { factsOf, policyOf } from './snapshot';

const A = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const B = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const NOW = Date.UTC(2026, 10, 22, 8);

const data: ContextData = {
  ...emptyContext,
  policy: [{ id: 'current', document: { profile: 'conservative' }, exposureWindowDays: 2, updatedAt: 0 }],
  lists: [
    { id: '1', list: 'allow', address: A, note: '', addedAt: 0 },
    { id: '2', list: 'deny', address: B, note: '', addedAt: 0 },
  ],
  delegates: [
    { id: 'd1', address: A, chains: [], note: '', addedAt: 0 },
    { id: 'd2', address: B, chains: [10], note: '', addedAt: 0 },
  ],
  history: [
    { id: 'h1', address: A, firstSeen: 0, lastSeen: 5000, count: 1, directions: ['sent'] },
    { id: 'h2', address: B, firstSeen: 0, lastSeen: 0, count: 1, directions: ['received'] },
  ],
  exposure: [
    { id: 'e1', day: '2026-11-22', asset: 'native', counterparty: A, amount: '1', count: 1 },
    { id: 'e2', day: '2026-11-21', asset: 'native', counterparty: A, amount: '2', count: 1 },
    { id: 'e3', day: '2026-11-20', asset: 'native', counterparty: A, amount: '4', count: 1 },
    { id: 'e4', day: '2026-11-23', asset: 'native', counterparty: A, amount: '8', count: 1 },
  ],
};

describe('policyOf', () => {
  test('the saved document with the lists; the lists change the hash', () => {
    const policy = policyOf(data);
    expect(policy).toMatchObject({ profile: 'conservative', allowlist: [A], denylist: [B] });
    expect(policyHash(policy)).not.toBe(policyHash(policyOf({ ...data, lists: [] })));
  });

  test('no saved policy: the balanced default', () => {
    expect(policyHash(policyOf(emptyContext))).toBe(policyHash(defaultPolicy()));
  });
});

describe('factsOf', () => {
  test('time in seconds; history of paid or granted counterparties only; known history', () => {
    const facts = factsOf(data, { now: NOW });
    expect(facts.now).toBe(BigInt(NOW / 1000));
    expect(facts.history).toEqual([{ address: A, lastSeen: 5n }]);
    expect(facts.historyKnown).toBe(true);
  });

  test('exposure inside the window (UTC days, today included), nothing from the future', () => {
    expect(factsOf(data, { now: NOW }).exposure.map((e) => e.amount)).toEqual([1n, 2n]);
    const oneDay = { ...data, policy: [{ ...data.policy[0], exposureWindowDays: 1 }] } as ContextData;
    expect(factsOf(oneDay, { now: NOW }).exposure.map((e) => e.amount)).toEqual([1n]);
    // No saved policy: today only.
    expect(factsOf({ ...data, policy: [] }, { now: NOW }).exposure.map((e) => e.amount)).toEqual([1n]);
  });

  test('delegates for the chain: every-chain ones always, chain-bound ones on their chain', () => {
    expect(factsOf(data, { now: NOW, chainId: 1 }).delegates).toEqual([A]);
    expect(factsOf(data, { now: NOW, chainId: 10 }).delegates).toEqual([A, B]);
    expect(factsOf(data, { now: NOW }).delegates).toEqual([A, B]);
  });
});
