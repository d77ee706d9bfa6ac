import { type AbiParameter, decodeAbiParameters, encodeAbiParameters, type Hex } from 'viem';
import type { DecodedArgument } from './types';

/** Like {@link fitCall} for bare ABI-encoded parameters (router command inputs, v4 action params). */
export function fitParameters(
  params: readonly AbiParameter[],
  data: Hex,
): readonly DecodedArgument[] | undefined {
  let values: readonly unknown[];
  try {
    values = decodeAbiParameters(params, data);
    if (encodeAbiParameters(params, values as never) !== data.toLowerCase()) return undefined;
  } catch (error) {
    if (error instanceof Error) return undefined; // the bytes do not fit this layout
    throw error;
  }
  return params.map((param, i) => ({
    name: param.name || `arg${i}`,
    type: param.type,
    param,
    value: values[i],
  }));
}
