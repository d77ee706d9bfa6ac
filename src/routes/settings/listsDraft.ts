import { getAddress, isAddress } from 'viem';
import type { ListEntry } from '$lib/context/records';
import { knownDelegate } from '$lib/edge/facts/delegates';
import type { FieldError } from './policyDraft';

/**
 * Checks an address as the store will (`0x` and 40 hex digits; a mixed-case address must match
 * its EIP-55 checksum), so the form can say what is wrong before it asks the store.
 */
export function addressError(text: string): FieldError | undefined {
  const t = text.trim();
  if (t === '') return { key: 'settings.error.addressRequired' };
  if (!isAddress(t, { strict: false })) return { key: 'settings.error.address' };
  if (t !== t.toLowerCase() && t.slice(2) !== t.slice(2).toUpperCase() && !isAddress(t))
    return { key: 'settings.error.checksum' };
  return undefined;
}

/** Chain ids from text such as `1, 10 8453` (commas and spaces); empty text is every chain (`[]`). */
export function parseChainIds(
  text: string,
): { readonly ok: true; readonly chains: number[] } | { readonly ok: false; readonly error: FieldError } {
  const chains: number[] = [];
  for (const part of text.split(/[\s,;]+/).filter((p) => p !== '')) {
    const n = /^\d+$/.test(part) ? Number(part) : Number.NaN;
    if (!Number.isSafeInteger(n) || n <= 0)
      return { ok: false, error: { key: 'settings.error.chains', params: { value: part.slice(0, 24) } } };
    chains.push(n);
  }
  return { ok: true, chains: [...new Set(chains)].sort((a, b) => a - b) };
}

/** The entries of one list, newest first. */
export function entriesOf(entries: readonly ListEntry[], list: ListEntry['list']): ListEntry[] {
  return entries.filter((e) => e.list === list).sort((a, b) => b.addedAt - a.addedAt);
}

/** The name of the bundled wallet delegate at `text`, when it is one (it needs no adding). */
export function bundledDelegateName(text: string): string | undefined {
  const t = text.trim();
  return isAddress(t, { strict: false }) ? knownDelegate(getAddress(t.toLowerCase()))?.name : undefined;
}

/** `0x1234…abcd`: an address cut for an accessible name or a message (the full one is shown beside it). */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}
