import { type Address, getAddress } from 'viem';
import { walkIntent } from '$lib/edge/gate/walk';
import type { Intent } from '$lib/edge/intent/types';
import type { Payload } from '$lib/edge/payload';
import type { InspectResult } from '$lib/edge/view';
import type { DecisionInput } from './store';

/** The chain a payload names, when it names one. */
export function chainOf(payload: Payload): number | undefined {
  const id =
    payload.kind === 'transaction' || payload.kind === 'rawTransaction' || payload.kind === 'eip681'
      ? payload.tx.chainId
      : payload.kind === 'callBatch'
        ? payload.chainId
        : payload.kind === 'typedData'
          ? payload.domain.chainId
          : undefined;
  return id !== undefined && id <= BigInt(Number.MAX_SAFE_INTEGER) && id > 0n ? Number(id) : undefined;
}

/** Every address an intent pays, lets act, delegates to or hands ownership to, once each, in tree order. */
export function counterpartiesOf(intent: Intent): Address[] {
  const seen = new Map<string, Address>();
  for (const [node] of walkIntent(intent)) {
    for (const party of node.counterparties)
      if (party.role !== 'target') seen.set(party.address.toLowerCase(), party.address);
    for (const permission of node.permissions) seen.set(permission.to.toLowerCase(), permission.to);
  }
  return [...seen.values()].map((a) => getAddress(a));
}

/** The decision-log entry for an inspection of `input` at `at` (Unix ms). Pure. */
export function logEntryOf(result: InspectResult, input: string, at: number): DecisionInput {
  const { decision } = result;
  const chainId = result.ok ? chainOf(result.payload) : undefined;
  return {
    at,
    input,
    kind: result.ok ? result.kind : 'unreadable',
    decision,
    verdict: decision.verdict,
    rules: [...new Set(decision.findings.map((f) => f.rule))],
    counterparties: result.ok ? counterpartiesOf(result.intent) : [],
    ...(chainId !== undefined && { chainId }),
  };
}
