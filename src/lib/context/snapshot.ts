import type { Address } from 'viem';
import type { Facts } from '$lib/edge/gate/facts';
import { parsePolicy } from '$lib/edge/gate/parseContext';
import type { Policy } from '$lib/edge/gate/policy';
import { utcDay } from './effects';
import type { ContextData } from './records';

/** The exposure window when the user has saved no policy: today (UTC) only. */
export const DEFAULT_EXPOSURE_WINDOW_DAYS = 1;

/**
 * The policy Π the gate decides under: the user's saved document (or the balanced default) with
 * the allow and deny lists. The lists are part of the policy, so its hash changes with them.
 * The document was validated when it was saved; one that no longer reads (a hand-edited store)
 * throws, and the shell falls back to the default policy and says so.
 */
export function policyOf(data: ContextData): Policy {
  const document = data.policy[0]?.document ?? {};
  return parsePolicy({
    ...document,
    allowlist: data.lists.filter((e) => e.list === 'allow').map((e) => e.address),
    denylist: data.lists.filter((e) => e.list === 'deny').map((e) => e.address),
  });
}

/** What the shell knows when it builds facts: the time, and the chain and account when known. */
export type FactsMoment = {
  /** Unix milliseconds. */
  readonly now: number;
  readonly chainId?: number;
  readonly from?: Address;
};

/**
 * The gate's facts from the private context, as of `moment`: the address book, the counterparties
 * the user has paid or granted (known: a missing address is new), the trusted 7702 delegates for the
 * chain, and the exposure ledger's entries inside the policy's window (UTC days, today included).
 * Pure: the shell reads the clock and passes `now`.
 */
export function factsOf(data: ContextData, moment: FactsMoment): Facts {
  const windowDays = data.policy[0]?.exposureWindowDays ?? DEFAULT_EXPOSURE_WINDOW_DAYS;
  const firstDay = utcDay(moment.now - (windowDays - 1) * 86_400_000);
  const today = utcDay(moment.now);
  // Everything but the time depends on the data, the day and the chain only: the inspector asks
  // on every keystroke pause, so a large context is converted once per (data, day, chain).
  const key = `${firstDay}|${today}|${moment.chainId ?? ''}`;
  let slow = cache.get(data);
  if (slow?.key !== key) {
    slow = { key, facts: slowFacts(data, firstDay, today, moment.chainId) };
    cache.set(data, slow);
  }
  return {
    ...slow.facts,
    now: BigInt(Math.floor(moment.now / 1000)),
    ...(moment.chainId !== undefined && { chainId: BigInt(moment.chainId) }),
    ...(moment.from && { from: moment.from }),
  };
}

type SlowFacts = Omit<Facts, 'now' | 'chainId' | 'from'>;

/** One converted facts object per context (the context is an immutable value). */
const cache = new WeakMap<ContextData, { key: string; facts: SlowFacts }>();

function slowFacts(
  data: ContextData,
  firstDay: string,
  today: string,
  chainId: number | undefined,
): SlowFacts {
  const onChain = (chains: readonly number[]): boolean =>
    chainId === undefined || chains.length === 0 || chains.includes(chainId);
  return {
    addressBook: data.addressBook.map((c) => ({ address: c.address, name: c.name })),
    // Only counterparties the user paid or empowered: an address that merely sent the user
    // something (poisoning dust) must not become "known", or its look-alike twin, the genuine
    // address, would be flagged instead.
    history: data.history
      .filter((h) => h.directions.some((d) => d !== 'received'))
      .map((h) => ({ address: h.address, lastSeen: BigInt(Math.floor(h.lastSeen / 1000)) })),
    historyKnown: true,
    allowlist: [],
    denylist: [],
    delegates: data.delegates.filter((d) => onChain(d.chains)).map((d) => d.address),
    exposure: data.exposure
      .filter((e) => e.day >= firstDay && e.day <= today)
      .map((e) => ({ counterparty: e.counterparty, asset: e.asset, amount: BigInt(e.amount) })),
    hasCode: {},
  };
}
