import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { inspect } from '$lib/edge/inspect';
import { logEntryOf } from './logEntry';
import { factsOf, policyOf } from './snapshot';
import { ContextStore } from './store';
import { usdcTransfer } from './testing';

/**
 * Multi-turn sessions through the real store: each turn is decided under the facts the store
 * gives (as the page does), the user's action is recorded, and the next turn sees it.
 */

const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const USER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const ALICE = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const LOOKALIKE = '0xd8da000000000000000000000000000000006045';
const STRANGER = '0x1111111111111111111111111111111111111111';
const DAY = 86_400_000;
const MONDAY = Date.UTC(2026, 10, 16, 10);

const permit = (spender: string, value: string): string =>
  JSON.stringify({
    method: 'eth_signTypedData_v4',
    params: [
      USER,
      {
        types: {
          Permit: [
            { name: 'owner', type: 'address' },
            { name: 'spender', type: 'address' },
            { name: 'value', type: 'uint256' },
            { name: 'nonce', type: 'uint256' },
            { name: 'deadline', type: 'uint256' },
          ],
        },
        primaryType: 'Permit',
        domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: USDC },
        message: { owner: USER, spender, value, nonce: 0, deadline: '1900000000' },
      },
    ],
  });

const approve = (spender: string, amount: bigint): string =>
  JSON.stringify({
    chainId: 1,
    from: USER,
    to: USDC,
    data: `0x095ea7b3000000000000000000000000${spender.slice(2).toLowerCase()}${amount.toString(16).padStart(64, '0')}`,
  });

let store: ContextStore;
let n = 0;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  store = await ContextStore.open({ name: `vigil-session-${++n}` });
});
afterEach(() => store.close());

/** Decides `input` at `at` under the store's context, as the inspector does. */
function decide(input: string, at: number) {
  const data = store.snapshot.data;
  return inspect(input, { policy: policyOf(data), facts: factsOf(data, { now: at }) });
}

/** Decides, then records the user's action, as the inspector's outcome bar does. */
async function act(input: string, at: number, action: 'signed' | 'cancelled' | 'overridden') {
  const result = decide(input, at);
  const logged = await store.logDecision(logEntryOf(result, input, at));
  await store.recordAction(logged.id, action, { at, ...(result.ok && { intent: result.intent }) });
  return result.decision;
}

describe('sessions', () => {
  test('a permit earlier and an approval now to the same spender cross the per-counterparty limit', async () => {
    await store.savePolicy({ limits: { perCounterparty: { [USDC]: '100000000' } } }, 1, MONDAY);
    await store.addToList('allow', STRANGER, 'a router I use', MONDAY);
    const first = await act(permit(STRANGER, '60000000'), MONDAY, 'signed');
    expect(first.findings.map((f) => f.rule)).not.toContain('exposure.cumulative');
    // 60 USDC permitted + 50 USDC approved > 100 USDC.
    const second = decide(approve(STRANGER, 50_000_000n), MONDAY + 60_000).decision;
    expect(second.verdict).not.toBe('allow');
    expect(second.findings.map((f) => f.rule)).toContain('exposure.cumulative');
    // The same approval, had the permit been cancelled instead, stays under the limit.
    const fresh = await ContextStore.open({ name: `vigil-session-fresh-${n}` });
    try {
      await fresh.savePolicy({ limits: { perCounterparty: { [USDC]: '100000000' } } }, 1, MONDAY);
      const data = fresh.snapshot.data;
      const alone = inspect(approve(STRANGER, 50_000_000n), {
        policy: policyOf(data),
        facts: factsOf(data, { now: MONDAY }),
      }).decision;
      expect(alone.findings.map((f) => f.rule)).not.toContain('exposure.cumulative');
    } finally {
      fresh.close();
    }
  });

  test('what was signed yesterday counts only while it is inside the exposure window', async () => {
    await store.savePolicy({ limits: { perCounterparty: { [USDC]: '150000000' } } }, 1, MONDAY);
    await act(usdcTransfer(ALICE), MONDAY, 'signed');
    const tuesday = MONDAY + DAY;
    // Window of one day (today only): Monday's 100 USDC no longer counts.
    expect(decide(usdcTransfer(ALICE), tuesday).decision.findings.map((f) => f.rule)).not.toContain(
      'exposure.cumulative',
    );
    // Window of two days: it does, and 100 + 100 > 150.
    await store.savePolicy({ limits: { perCounterparty: { [USDC]: '150000000' } } }, 2, tuesday);
    expect(decide(usdcTransfer(ALICE), tuesday).decision.findings.map((f) => f.rule)).toContain(
      'exposure.cumulative',
    );
  });

  test('dust from a look-alike yesterday, a payment to it today: blocked as poisoning', async () => {
    await act(usdcTransfer(ALICE), MONDAY, 'signed');
    // The wallet saw an incoming dust transfer from the look-alike.
    await store.observe(LOOKALIKE, 'received', MONDAY + 3_600_000);
    const today = decide(usdcTransfer(LOOKALIKE), MONDAY + DAY).decision;
    expect(today.verdict).toBe('block');
    expect(today.findings.map((f) => f.rule)).toContain('recipient.lookalike');
    // The genuine address is still fine.
    const genuine = decide(usdcTransfer(ALICE), MONDAY + DAY).decision;
    expect(genuine.findings.map((f) => f.message)).toEqual([]);
    expect(genuine.verdict).toBe('allow');
  });

  test('a first payment is new; once signed, the same recipient is not', async () => {
    const first = decide(usdcTransfer(ALICE), MONDAY).decision;
    expect(first.findings.map((f) => f.rule)).toContain('recipient.new');
    await act(usdcTransfer(ALICE), MONDAY, 'signed');
    expect(decide(usdcTransfer(ALICE), MONDAY + 1).decision.findings.map((f) => f.rule)).not.toContain(
      'recipient.new',
    );
  });

  test('a cancelled request changes neither history nor exposure', async () => {
    await act(usdcTransfer(ALICE), MONDAY, 'cancelled');
    expect(store.snapshot.data.history).toEqual([]);
    expect(store.snapshot.data.exposure).toEqual([]);
    expect(store.snapshot.data.decisions.map((d) => d.userAction)).toEqual(['cancelled']);
  });
});
