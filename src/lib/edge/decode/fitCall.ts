import { type AbiFunction, decodeFunctionData, encodeFunctionData, type Hex } from 'viem';
import type { DecodedArgument } from './types';

/** Arguments that fit a function, and how many bytes follow their canonical encoding. */
export type CallFit = { readonly args: readonly DecodedArgument[]; readonly trailingBytes: number };

/**
 * Decodes call data against one function. The data must start with the exact canonical encoding of
 * the arguments it decodes to (no dirty padding, no out-of-range offsets); bytes after that encoding
 * are counted in `trailingBytes` — Solidity ignores them, but a contract may not, so the caller
 * reports them. Anything else does not fit: `undefined`.
 */
export function fitCall(item: AbiFunction, data: Hex): CallFit | undefined {
  let args: readonly unknown[];
  let encoded: Hex;
  try {
    args = decodeFunctionData({ abi: [item], data }).args ?? [];
    encoded = encodeFunctionData({ abi: [item], functionName: item.name, args: args as never });
  } catch (error) {
    if (error instanceof Error) return undefined; // the data does not fit this function: not a candidate
    throw error;
  }
  const lower = data.toLowerCase();
  if (!lower.startsWith(encoded)) return undefined;
  return {
    args: item.inputs.map((param, i) => ({
      name: param.name || `arg${i}`,
      type: param.type,
      param,
      value: args[i],
    })),
    trailingBytes: (lower.length - encoded.length) / 2,
  };
}
