import type { Abi } from 'viem';

/** A chain id and a contract address on it. */
export type Deployment = readonly [chainId: number, address: string];

/**
 * How much an entry is trusted when two sources bind the same (chain, address):
 * `abi` (an npm package's full ABI, or a hand-written interface) wins over `descriptor`
 * (an ERC-7730 clear-signing descriptor, which lists only the functions it displays).
 */
export type Tier = 'abi' | 'descriptor';

type Entry = {
  /** Stable, namespaced: `safe.multi-send@1.3.0`, `erc20`, `erc7730.aave.calldata-lpv3`. */
  readonly id: string;
  readonly name: string;
  /** `npm:<package>@<version>[ <path>]`, `erc7730:<repo>@<commit> <path>` or `manual:<file> (<reference>)`. */
  readonly source: string;
  /** SPDX id of the source the signatures were taken from. */
  readonly license: string;
  /** A JSON ABI (only its functions are kept) or human-readable signatures (`function` optional). */
  readonly abi: Abi | readonly string[];
};

/** A standard, not bound to an address. */
export type SourceInterface = Entry & { readonly kind: 'interface' };

/** A contract with known deployments. */
export type SourceContract = Entry & {
  readonly kind: 'contract';
  readonly tier: Tier;
  readonly deployments: readonly Deployment[];
};

export type SourceEntry = SourceInterface | SourceContract;
