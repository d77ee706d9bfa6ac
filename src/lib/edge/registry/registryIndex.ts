import { type Address, type Hex, toFunctionSelector, toFunctionSignature } from 'viem';

/** A contract bound to addresses, as the generated file stores it. */
export type RegistryContract = {
  /** Stable, namespaced: `safe.multi-send@1.3.0`, `uniswap.universal-router@2`, `erc7730.aave.lpv3`. */
  readonly id: string;
  readonly name: string;
  /** Where its functions and addresses come from: `npm:<package>@<version> …`, `erc7730:…`, `manual:…`. */
  readonly source: string;
  /** SPDX id of that source. */
  readonly license: string;
  /** viem human-readable signatures with parameter names (`parseAbiItem` reads each). */
  readonly functions: readonly string[];
  /** Lowercase addresses, each with the chain ids it is deployed on (ascending). */
  readonly deployments: readonly (readonly [address: Address, chainIds: readonly number[]])[];
};

/** A standard not bound to an address (ERC-20, ERC-7821, Ownable, ...). */
export type RegistryInterface = Omit<RegistryContract, 'deployments'>;

/** The generated file. Order is preference: interfaces, then full-ABI contracts, then ERC-7730 descriptors. */
export type RegistryData = {
  readonly interfaces: readonly RegistryInterface[];
  readonly contracts: readonly RegistryContract[];
};

/** Every human-readable variant of one canonical signature, and who declares it. */
export type SignatureEntry = {
  readonly signature: string;
  /** Texts in preference order; the first is the one decoders should use. */
  readonly texts: readonly string[];
  readonly contracts: readonly string[];
  readonly interfaces: readonly string[];
};

/** Lookup tables over a RegistryData. */
export type RegistryIndex = {
  /** `${chainId}:${lowercase address}` -> contract. */
  readonly byDeployment: ReadonlyMap<string, RegistryContract>;
  readonly contractsById: ReadonlyMap<string, RegistryContract>;
  readonly interfacesById: ReadonlyMap<string, RegistryInterface>;
  /** Selector -> canonical signatures sharing it, sorted. */
  readonly bySelector: ReadonlyMap<Hex, readonly SignatureEntry[]>;
};

type MutableEntry = { signature: string; texts: string[]; contracts: string[]; interfaces: string[] };

/**
 * Builds the lookup tables. Pure and deterministic: the same data gives equal tables, entries in
 * file order. Costs one keccak per distinct canonical signature (a few thousand), so callers build
 * it once, lazily.
 */
export function buildRegistryIndex(data: RegistryData): RegistryIndex {
  const byDeployment = new Map<string, RegistryContract>();
  const contractsById = new Map<string, RegistryContract>();
  const interfacesById = new Map<string, RegistryInterface>();
  const bySignature = new Map<string, MutableEntry>();

  const add = (text: string, id: string, kind: 'contracts' | 'interfaces') => {
    const signature = toFunctionSignature(text);
    let entry = bySignature.get(signature);
    if (!entry) {
      entry = { signature, texts: [], contracts: [], interfaces: [] };
      bySignature.set(signature, entry);
    }
    if (!entry.texts.includes(text)) entry.texts.push(text);
    if (!entry[kind].includes(id)) entry[kind].push(id);
  };

  for (const item of data.interfaces) {
    interfacesById.set(item.id, item);
    for (const text of item.functions) add(text, item.id, 'interfaces');
  }
  for (const contract of data.contracts) {
    contractsById.set(contract.id, contract);
    for (const text of contract.functions) add(text, contract.id, 'contracts');
    for (const [address, chainIds] of contract.deployments)
      for (const chainId of chainIds) byDeployment.set(`${chainId}:${address}`, contract);
  }

  const bySelector = new Map<Hex, SignatureEntry[]>();
  for (const entry of bySignature.values()) {
    const selector = toFunctionSelector(entry.signature);
    const list = bySelector.get(selector) ?? [];
    list.push(entry);
    bySelector.set(selector, list);
  }
  for (const list of bySelector.values())
    list.sort((a, b) => (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0));

  return { byDeployment, contractsById, interfacesById, bySelector };
}
