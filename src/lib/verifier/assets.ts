import { type Address, getAddress } from 'viem';
import type { AssetAmount, Intent, Permission } from '../edge/intent/types';
import { nativeCurrency } from '../edge/tokens/nativeCurrency';
import { tokenInfo, tokenTable } from '../edge/tokens/tokens';

/** An asset as the verifier names it: the chain's native currency, a token contract, or a token the payload does not name. */
export type AssetKey = 'native' | 'unknown' | Address;

/** Kinds whose asset is always a token: an entry without one is a token the payload does not name (bare calldata). */
const TOKEN_KINDS: ReadonlySet<Intent['kind']> = new Set([
  'tokenTransfer',
  'approve',
  'permit',
  'setApprovalForAll',
]);

/**
 * Which asset an intent entry moves. The edge leaves `asset` out both for the native currency and
 * for the token of bare calldata (whose contract is not in the payload); on a token-only action the
 * missing asset is read as `unknown`, never as native.
 */
export function assetKeyOf(node: Intent, entry: AssetAmount | Permission): AssetKey {
  if (entry.asset) return getAddress(entry.asset);
  return TOKEN_KINDS.has(node.kind) ? 'unknown' : 'native';
}

/** What Vigil knows of an asset without I/O: its ticker and decimals, each when known. */
export type AssetInfo = { readonly symbol?: string; readonly decimals?: number };

/**
 * Ticker and decimals from the bundled tables. The native currency has 18 decimals on every EVM
 * chain (its ticker needs the chain). A token on an unknown chain is looked up on every chain the
 * table covers, and a field is kept only when all its entries agree.
 */
export function assetInfo(asset: AssetKey, chainId: bigint | undefined): AssetInfo {
  if (asset === 'unknown') return {};
  if (asset === 'native') {
    const native = chainId === undefined ? undefined : nativeCurrency(chainId);
    return native ? { symbol: native.symbol, decimals: native.decimals } : { decimals: 18 };
  }
  if (chainId !== undefined) {
    const token = tokenInfo(chainId, asset);
    return token ? { symbol: token.symbol, decimals: token.decimals } : {};
  }
  const lower = asset.toLowerCase();
  const entries = Object.values(tokenTable.tokens).flatMap((chain) => {
    const entry = chain[lower];
    return entry ? [entry] : [];
  });
  if (entries.length === 0) return {};
  const symbols = new Set(entries.map((e) => e[0]));
  const decimals = new Set(entries.map((e) => e[1]));
  return {
    ...(symbols.size === 1 && { symbol: entries[0]?.[0] }),
    ...(decimals.size === 1 && { decimals: entries[0]?.[1] }),
  };
}
