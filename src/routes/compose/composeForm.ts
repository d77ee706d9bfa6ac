import { type Address, formatUnits, getAddress, isAddress, maxUint256 } from 'viem';
import type { ContextData } from '$lib/context/records';
import type { ComposeErrorKey, ComposeInput, ComposeResult } from '$lib/wallet/compose';

/** The three things Compose builds. */
export const composeTabs = ['native', 'token', 'revoke'] as const;
export type ComposeTab = (typeof composeTabs)[number];

/** The fields of each form, as typed. */
export type NativeFields = { to: string; amount: string };
export type TokenFields = { token: string; to: string; amount: string; decimals: string };
export type RevokeFields = { token: string; spender: string; standard: 'erc20' | 'operator' };

/** Who signs and where: the connected wallet's account and chain, else what the user chose. */
export type Origin = { readonly chainId: number; readonly from: string };

/**
 * A typed address, checksummed, or `undefined` when it is not one: any case, but a mixed-case
 * address must carry a valid checksum (the rule `composeRequest` applies).
 */
export function addressOf(value: string): Address | undefined {
  const v = value.trim();
  if (!isAddress(v, { strict: false })) return undefined;
  const mixed = v !== v.toLowerCase() && v.slice(2) !== v.slice(2).toUpperCase();
  return mixed && !isAddress(v) ? undefined : getAddress(v);
}

/** The decimals typed in the field: a whole number, else NaN (which `composeRequest` rejects). */
export function typedDecimals(value: string): number {
  return /^\d{1,3}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
}

/** What `composeRequest` gets for a form. `decimals`: the token's, wherever they came from. */
export function composeInputOf(
  tab: ComposeTab,
  origin: Origin,
  fields: { native: NativeFields; token: TokenFields; revoke: RevokeFields },
  decimals: number,
): ComposeInput {
  const { chainId, from } = origin;
  switch (tab) {
    case 'native':
      return { kind: 'native', chainId, from, ...fields.native };
    case 'token': {
      const { token, to, amount } = fields.token;
      return { kind: 'token', chainId, from, token, to, amount, decimals };
    }
    case 'revoke':
      return { kind: 'revoke', chainId, from, ...fields.revoke };
  }
}

/** The first error of each field the user has edited (untouched empty fields stay quiet). */
export function shownErrors(
  result: ComposeResult,
  touched: (field: string) => boolean,
): Readonly<Partial<Record<string, ComposeErrorKey>>> {
  const shown: Partial<Record<string, ComposeErrorKey>> = {};
  if (result.ok) return shown;
  for (const { field, key } of result.errors) if (touched(field)) shown[field] ??= key;
  return shown;
}

/** The inspector, opened on a request text: it decides it, and its Sign panel signs it. */
export function inspectorHref(text: string): string {
  return `/?input=${encodeURIComponent(text)}`;
}

/** An allowance for display: unlimited (2^256 − 1), or an amount in whole tokens when decimals are known. */
export function allowanceText(
  value: bigint,
  decimals: number | undefined,
): { readonly unlimited: true } | { readonly unlimited: false; readonly amount: string } {
  if (value === maxUint256) return { unlimited: true };
  return {
    unlimited: false,
    amount: decimals === undefined ? value.toString() : formatUnits(value, decimals),
  };
}

/** An allowance the user granted through Vigil, as its own records tell. */
export type RevokeCandidate = {
  readonly token: Address;
  readonly spender: Address;
  /** The last UTC day something was granted (`YYYY-MM-DD`). */
  readonly lastDay: string;
  /** Whether the last grant recorded was unlimited. */
  readonly unlimited: boolean;
};

/**
 * The (token, spender) pairs the user granted, from the exposure ledger's rows whose counterparty
 * the history knows as a grantee; the newest first. The records say what was granted, not what is
 * still allowed: the form reads the current allowance from the chain.
 */
export function revokeCandidates(data: Pick<ContextData, 'exposure' | 'history'>): RevokeCandidate[] {
  const grantees = new Set(
    data.history.filter((h) => h.directions.includes('granted')).map((h) => h.address.toLowerCase()),
  );
  const latest = new Map<string, RevokeCandidate>();
  for (const row of data.exposure) {
    if (row.asset === 'native' || !grantees.has(row.counterparty.toLowerCase())) continue;
    const token = addressOf(row.asset);
    const spender = addressOf(row.counterparty);
    if (!token || !spender) continue;
    const key = `${token}|${spender}`;
    const seen = latest.get(key);
    if (seen && seen.lastDay >= row.day) continue;
    const unlimited = /^\d{1,80}$/.test(row.amount) && BigInt(row.amount) >= maxUint256;
    latest.set(key, { token, spender, lastDay: row.day, unlimited });
  }
  return [...latest.values()].sort(
    (a, b) =>
      b.lastDay.localeCompare(a.lastDay) ||
      a.token.localeCompare(b.token) ||
      a.spender.localeCompare(b.spender),
  );
}
