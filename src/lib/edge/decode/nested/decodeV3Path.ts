import { type Address, getAddress, type Hex } from 'viem';

/** One hop of a Uniswap V3 path. */
export type V3Hop = { readonly tokenIn: Address; readonly fee: number; readonly tokenOut: Address };

/**
 * Decodes a Uniswap V3 `path` (`token ‖ fee (3 bytes) ‖ token ‖ fee ‖ … ‖ token`). Returns
 * `undefined` when the length does not fit that layout.
 */
export function decodeV3Path(path: Hex): readonly V3Hop[] | undefined {
  const hex = path.slice(2);
  // 20 bytes, then (3 + 20) bytes per hop, at least one hop.
  if (hex.length < 2 * 43 || (hex.length / 2 - 20) % 23 !== 0) return undefined;
  const hops: V3Hop[] = [];
  for (let at = 0; at + 40 < hex.length; at += 46) {
    hops.push({
      tokenIn: getAddress(`0x${hex.slice(at, at + 40)}`),
      fee: Number.parseInt(hex.slice(at + 40, at + 46), 16),
      tokenOut: getAddress(`0x${hex.slice(at + 46, at + 86)}`),
    });
  }
  return hops;
}
