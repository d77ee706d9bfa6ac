import { type TokenInfo, tokenTable } from './tokens';

/**
 * The native currency of a chain (`ETH` on Ethereum and its rollups, `POL`, `BNB`, `AVAX`, `xDAI`…),
 * or `undefined` for a chain Vigil does not know.
 */
export function nativeCurrency(chainId: bigint): TokenInfo | undefined {
  const entry = tokenTable.native[chainId.toString()];
  return entry ? { symbol: entry[0], decimals: entry[1], name: entry[2] } : undefined;
}
