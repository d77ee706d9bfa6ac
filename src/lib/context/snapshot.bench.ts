import { bench, describe } from 'vitest';
import { inspect } from '$lib/edge/inspect';
import { type ContextData, emptyContext } from './records';
import { factsOf, policyOf } from './snapshot';
import { usdcTransfer } from './testing';

/** A heavy user's context: 1,000 contacts, 5,000 counterparties, 5,000 ledger rows, 200 list entries. */
function heavy(): ContextData {
  const address = (i: number) => `0x${i.toString(16).padStart(40, '7')}` as `0x${string}`;
  const now = Date.UTC(2026, 10, 22);
  return {
    ...emptyContext,
    addressBook: Array.from({ length: 1000 }, (_, i) => ({
      id: `c${i}`,
      name: `Contact ${i}`,
      address: address(i),
      chains: [],
      notes: '',
      createdAt: 0,
      updatedAt: 0,
    })),
    history: Array.from({ length: 5000 }, (_, i) => ({
      id: `h${i}`,
      address: address(10_000 + i),
      firstSeen: 0,
      lastSeen: now,
      count: 1,
      directions: ['sent' as const],
    })),
    exposure: Array.from({ length: 5000 }, (_, i) => ({
      id: `e${i}`,
      day: i % 2 ? '2026-11-22' : '2026-11-01',
      asset: 'native' as const,
      counterparty: address(10_000 + (i % 500)),
      amount: '1000',
      count: 1,
    })),
    lists: Array.from({ length: 200 }, (_, i) => ({
      id: `l${i}`,
      list: i % 2 ? ('allow' as const) : ('deny' as const),
      address: address(20_000 + i),
      note: '',
      addedAt: 0,
    })),
  };
}

const data = heavy();
const now = Date.UTC(2026, 10, 22, 12);
const input = usdcTransfer('0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045');
const policy = policyOf(data);
const facts = factsOf(data, { now });

describe('private context → gate (heavy user)', () => {
  bench('factsOf', () => {
    factsOf(data, { now });
  });
  bench('policyOf', () => {
    policyOf(data);
  });
  bench('inspect a token transfer, no context', () => {
    inspect(input);
  });
  bench('inspect a token transfer under the heavy context', () => {
    inspect(input, { policy, facts });
  });
});
