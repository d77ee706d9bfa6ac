import { type AbiFunction, isAddress, toFunctionSignature } from 'viem';
import { functionsOf, humanReadable } from './abi';
import type { SourceContract, SourceEntry } from './types';

/** One interface in the generated file. */
export type GeneratedInterface = {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  readonly license: string;
  readonly functions: readonly string[];
};

/** One contract in the generated file: deployments grouped by address, chain ids ascending. */
export type GeneratedContract = GeneratedInterface & {
  readonly deployments: readonly (readonly [address: string, chainIds: readonly number[]])[];
};

/** The generated file. Order is meaningful: it is the preference order when signatures merge. */
export type GeneratedRegistry = {
  readonly note: string;
  readonly interfaces: readonly GeneratedInterface[];
  readonly contracts: readonly GeneratedContract[];
};

export type GenerateResult = {
  readonly registry: GeneratedRegistry;
  /** What was dropped or resolved, for the build log. */
  readonly notes: readonly string[];
};

const ID = /^[a-z0-9][a-z0-9._@+-]*$/;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Human-readable signatures of an entry, one per canonical signature, sorted. */
function signatures(entry: SourceEntry): { text: string[]; canonical: Set<string> } {
  const byCanonical = new Map<string, string>();
  const functions: AbiFunction[] = functionsOf(entry.abi);
  for (const fn of functions) {
    const canonical = toFunctionSignature(fn);
    const text = humanReadable(fn);
    const seen = byCanonical.get(canonical);
    // The same function listed twice (an interface and its extension): keep one, deterministically.
    if (seen === undefined || compare(text, seen) < 0) byCanonical.set(canonical, text);
  }
  if (byCanonical.size === 0) throw new Error(`${entry.id}: no functions`);
  return { text: [...byCanonical.values()].sort(compare), canonical: new Set(byCanonical.keys()) };
}

/**
 * The registry from its sources: functions normalized to viem human-readable signatures, addresses
 * lowercased and checked, every (chain, address) bound to one contract. A binding claimed by two
 * full-ABI sources is an error; a descriptor (ERC-7730) that claims a binding a full ABI already holds
 * loses it, and a descriptor left with no deployments is dropped. Pure and deterministic.
 */
export function generateRegistry(entries: readonly SourceEntry[]): GenerateResult {
  const notes: string[] = [];
  const ids = new Set<string>();
  for (const entry of entries) {
    if (!ID.test(entry.id)) throw new Error(`bad id: ${entry.id}`);
    if (ids.has(entry.id)) throw new Error(`duplicate id: ${entry.id}`);
    ids.add(entry.id);
  }

  const interfaces = entries
    .filter((entry) => entry.kind === 'interface')
    .sort((a, b) => compare(a.id, b.id))
    .map(
      (entry): GeneratedInterface => ({
        id: entry.id,
        name: entry.name,
        source: entry.source,
        license: entry.license,
        functions: signatures(entry).text,
      }),
    );

  const rank = (c: SourceContract) => (c.tier === 'abi' ? 0 : 1);
  const contracts = entries
    .filter((entry): entry is SourceContract => entry.kind === 'contract')
    .sort((a, b) => rank(a) - rank(b) || compare(a.id, b.id));

  const bound = new Map<string, { id: string; canonical: Set<string> }>();
  const out: GeneratedContract[] = [];
  for (const contract of contracts) {
    const { text, canonical } = signatures(contract);
    const byAddress = new Map<string, Set<number>>();
    const lost = new Map<string, string[]>();
    for (const [chainId, rawAddress] of contract.deployments) {
      if (!Number.isSafeInteger(chainId) || chainId <= 0)
        throw new Error(`${contract.id}: bad chain ${chainId}`);
      if (!isAddress(rawAddress, { strict: false }))
        throw new Error(`${contract.id}: bad address ${rawAddress}`);
      const address = rawAddress.toLowerCase();
      if (/^0x0{40}$/.test(address)) throw new Error(`${contract.id}: zero address on chain ${chainId}`);
      const key = `${chainId}:${address}`;
      const holder = bound.get(key);
      if (holder && holder.id !== contract.id) {
        if (contract.tier === 'abi')
          throw new Error(`${key} bound to both ${holder.id} and ${contract.id}: resolve it in the source`);
        const missing = [...canonical].filter((sig) => !holder.canonical.has(sig));
        if (missing.length) notes.push(`${contract.id}: ${holder.id} lacks ${missing.join(', ')}`);
        lost.set(holder.id, [...(lost.get(holder.id) ?? []), key]);
        continue;
      }
      bound.set(key, { id: contract.id, canonical });
      const chains = byAddress.get(address) ?? new Set<number>();
      chains.add(chainId);
      byAddress.set(address, chains);
    }
    for (const [holder, keys] of lost)
      notes.push(`${contract.id}: ${keys.length} binding(s) left to ${holder}`);
    if (byAddress.size === 0) {
      notes.push(`${contract.id}: dropped (no binding of its own left)`);
      continue;
    }
    out.push({
      id: contract.id,
      name: contract.name,
      source: contract.source,
      license: contract.license,
      functions: text,
      deployments: [...byAddress]
        .sort(([a], [b]) => compare(a, b))
        .map(([address, chains]) => [address, [...chains].sort((a, b) => a - b)] as const),
    });
  }

  return {
    registry: {
      note: 'Generated by `npm run registry` (scripts/registry/build.ts). Do not edit by hand.',
      interfaces,
      contracts: out,
    },
    notes,
  };
}
