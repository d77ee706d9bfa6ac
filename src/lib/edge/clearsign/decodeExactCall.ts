import {
  type AbiFunction,
  decodeFunctionData,
  encodeFunctionData,
  type Hex,
  toFunctionSignature,
} from 'viem';

/** The arguments, or why the data is not a call to the function. */
export type DecodeExactCallReturnType =
  | {
      ok: true;
      args: readonly unknown[];
      /** Bytes after the canonically encoded arguments (an app's attribution tag, usually). */
      trailing?: Hex;
    }
  | { ok: false; code: 'undecodable' | 'notCanonical'; message: string };

/**
 * Decodes call data against one function and accepts it only if re-encoding the arguments gives
 * the same bytes: dirty padding or unusual offsets would let what is shown differ from what a
 * contract's own decoder reads. Bytes *after* a canonical encoding are returned as `trailing`
 * rather than refused: Solidity's decoder never reads them, and apps append referral tags there.
 */
export function decodeExactCall(item: AbiFunction, data: Hex): DecodeExactCallReturnType {
  const abi = [item] as const;
  const input = data.toLowerCase() as Hex;
  let args: readonly unknown[];
  try {
    args = (decodeFunctionData({ abi, data: input }).args ?? []) as readonly unknown[];
  } catch (error) {
    return {
      ok: false,
      code: 'undecodable',
      message: `The data does not decode as ${toFunctionSignature(item)}: ${firstLine(error)}`,
    };
  }
  let encoded: Hex;
  try {
    encoded = encodeFunctionData({ abi, functionName: item.name, args } as Parameters<
      typeof encodeFunctionData
    >[0]);
  } catch (error) {
    return {
      ok: false,
      code: 'undecodable',
      message: `The decoded arguments do not re-encode: ${firstLine(error)}`,
    };
  }
  if (encoded === input) return { ok: true, args };
  if (input.startsWith(encoded)) return { ok: true, args, trailing: `0x${input.slice(encoded.length)}` };
  return {
    ok: false,
    code: 'notCanonical',
    message: `The data is not the canonical encoding of ${toFunctionSignature(item)} (dirty padding, unusual offsets or missing bytes).`,
  };
}

function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
}
