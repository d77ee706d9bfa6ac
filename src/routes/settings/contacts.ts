import { chainName } from '$lib/edge/chains';

/**
 * Pure helpers of the address book screen: reading the chain list the user typed, searching and
 * sorting contacts, previewing a CSV import, and reading the "add this address" link.
 */

/** What the contact form starts with; `id` makes it an edit of that contact. */
export type ContactFormValues = {
  readonly id?: string;
  readonly name: string;
  readonly address: string;
  /** The chain field's text (`1, 10`). */
  readonly chains: string;
  readonly notes: string;
};

/** What the chain field holds: chain ids, or the first word that is not one. */
export type ChainListResult =
  | { readonly ok: true; readonly chains: number[] }
  | { readonly ok: false; readonly invalid: string };

/**
 * Reads chain ids separated by commas, semicolons or spaces (`1, 10 8453`). Empty text means every
 * chain (`[]`). Repeats are dropped; the store sorts them.
 */
export function parseChainList(text: string): ChainListResult {
  const chains: number[] = [];
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, chains };
  for (const part of trimmed.split(/[\s,;]+/)) {
    if (part === '') continue;
    const id = /^[1-9]\d{0,15}$/.test(part) ? Number(part) : Number.NaN;
    if (!Number.isSafeInteger(id))
      return { ok: false, invalid: part.length > 24 ? `${part.slice(0, 24)}…` : part };
    if (!chains.includes(id)) chains.push(id);
  }
  return { ok: true, chains };
}

/** Chain ids as the chain field shows them (`1, 10`). */
export function formatChainList(chains: readonly number[]): string {
  return chains.join(', ');
}

/** A chain for display: its name and id when Vigil knows it (`Base (8453)`), else the id. */
export function chainLabel(chainId: number): string {
  const name = chainName(BigInt(chainId));
  return name ? `${name} (${chainId})` : String(chainId);
}

type Searchable = { readonly name: string; readonly address: string };

/**
 * The contacts whose name or address contains `query` (case-insensitive; an address matches with
 * or without its `0x`), sorted by name in `locale`, then by address.
 */
export function filterContacts<T extends Searchable>(
  contacts: readonly T[],
  query: string,
  locale: string,
): T[] {
  const q = query.trim().toLowerCase();
  const matches = q === '' ? [...contacts] : contacts.filter((c) => matchesQuery(c, q));
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return matches.sort((a, b) => collator.compare(a.name, b.name) || (a.address < b.address ? -1 : 1));
}

function matchesQuery(contact: Searchable, q: string): boolean {
  if (contact.name.toLowerCase().includes(q)) return true;
  const address = contact.address.toLowerCase();
  return address.includes(q) || address.slice(2).includes(q.startsWith('0x') ? q.slice(2) : q);
}

/** How a CSV import would change the book: contacts whose address is already there update it. */
export function importPreview(
  incoming: readonly { readonly address: string }[],
  existing: readonly { readonly address: string }[],
): { total: number; added: number; updated: number } {
  const known = new Set(existing.map((c) => c.address.toLowerCase()));
  const updated = incoming.filter((c) => known.has(c.address.toLowerCase())).length;
  return { total: incoming.length, added: incoming.length - updated, updated };
}

/** What `/settings?add=0x…&name=…` asks for: an address to add, maybe with a name. */
export type AddRequest = { readonly address: string; readonly name: string };

const MAX_LINK_ADDRESS_CHARS = 100;
const MAX_LINK_NAME_CHARS = 200;

/**
 * Reads the "add to address book" link's parameters. The values only pre-fill the form (the store
 * validates on save); overlong ones are cut so a crafted link cannot flood the page.
 */
export function readAddRequest(params: URLSearchParams): AddRequest | undefined {
  const address = params.get('add')?.trim();
  if (!address) return undefined;
  return {
    address: address.slice(0, MAX_LINK_ADDRESS_CHARS),
    name: (params.get('name') ?? '').trim().slice(0, MAX_LINK_NAME_CHARS),
  };
}
