import { type Address, getAddress } from 'viem';
import { flowsOf, MAX_UINT256 } from '$lib/edge/gate/flowsOf';
import type { Intent } from '$lib/edge/intent/types';
import type { ContextData, Direction, ExposureRecord, HistoryRecord } from './records';

/** The UTC day (`YYYY-MM-DD`) of a time in Unix milliseconds. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The history and exposure records a signed request changes or adds. */
export type ActionEffects = {
  readonly history: readonly HistoryRecord[];
  readonly exposure: readonly ExposureRecord[];
};

/**
 * What signing a request with this intent at `at` (Unix ms) does to the user's history and
 * exposure ledger: each recipient and grantee is seen once more (with the direction), and each
 * amount sent or granted adds to that day's entry for its counterparty and asset. Pure (the ids of
 * new records come from `newId`); the store writes the result with the log entry in one transaction.
 */
export function effectsOfAction(
  data: ContextData,
  intent: Intent,
  at: number,
  newId: () => string,
): ActionEffects {
  const { flows, recipients, grantees } = flowsOf(intent);
  const history = new Map<string, HistoryRecord>();
  const touch = (address: Address, direction: Direction): void => {
    const key = address.toLowerCase();
    const old = history.get(key) ?? data.history.find((h) => h.address.toLowerCase() === key);
    history.set(
      key,
      old
        ? {
            ...old,
            lastSeen: Math.max(old.lastSeen, at),
            // One action counts once per counterparty, whatever roles it plays in it.
            count: history.has(key) ? old.count : old.count + 1,
            directions: old.directions.includes(direction) ? old.directions : [...old.directions, direction],
          }
        : {
            id: newId(),
            address: getAddress(address),
            firstSeen: at,
            lastSeen: at,
            count: 1,
            directions: [direction],
          },
    );
  };
  for (const address of recipients) touch(address, 'sent');
  for (const address of grantees) touch(address, 'granted');

  const day = utcDay(at);
  const exposure = new Map<string, ExposureRecord>();
  for (const flow of flows) {
    const asset = flow.asset === 'native' ? 'native' : getAddress(flow.asset);
    const counterparty = getAddress(flow.counterparty);
    const key = `${asset.toLowerCase()}|${counterparty.toLowerCase()}`;
    const old =
      exposure.get(key) ??
      data.exposure.find(
        (e) =>
          e.day === day && e.asset.toLowerCase() === asset.toLowerCase() && e.counterparty === counterparty,
      );
    const sum = (old ? BigInt(old.amount) : 0n) + flow.amount;
    exposure.set(key, {
      id: old?.id ?? newId(),
      day,
      asset,
      counterparty,
      amount: (sum > MAX_UINT256 ? MAX_UINT256 : sum).toString(),
      count: (old?.count ?? 0) + 1,
    });
  }
  return { history: [...history.values()], exposure: [...exposure.values()] };
}
