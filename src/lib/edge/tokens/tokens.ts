import type { Address } from 'viem';
import generated from './tokens.generated.json';

/** What a wallet needs to show an amount of a token. */
export type TokenInfo = { symbol: string; decimals: number; name: string };

type Entry = readonly [symbol: string, decimals: number, name: string];
type TokenTable = {
  sources: readonly string[];
  native: Readonly<Record<string, Entry>>;
  tokens: Readonly<Record<string, Readonly<Record<string, Entry>>>>;
};

/** The bundled table (see scripts/erc7730/tokens.ts for its sources and licenses). */
export const tokenTable = generated as unknown as TokenTable;

/** Where the bundled token metadata comes from, with versions and licenses. */
export const TOKEN_SOURCES: readonly string[] = tokenTable.sources;

/**
 * Symbol, decimals and name of an ERC-20 token on a chain, from the bundled token lists, or
 * `undefined` when Vigil does not know it. Pure lookup: no RPC.
 */
export function tokenInfo(chainId: bigint, address: Address): TokenInfo | undefined {
  const entry = tokenTable.tokens[chainId.toString()]?.[address.toLowerCase()];
  return entry ? { symbol: entry[0], decimals: entry[1], name: entry[2] } : undefined;
}
