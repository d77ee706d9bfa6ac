import { type AbiFunction, decodeFunctionData, encodeFunctionData, type Hex, toFunctionSelector } from 'viem';
import { formatAbiItem } from 'viem/utils';
import type { CallDecode, DecodedArg } from '../view';
import { type StandardAbi, standardAbis } from './standardAbis';

type Candidate = { readonly signature: string; readonly item: AbiFunction; readonly standards: string[] };

/** Selector → the standard functions with that selector (ERC-20 and ERC-721 share several). */
const bySelector: ReadonlyMap<Hex, readonly Candidate[]> = index(standardAbis);

function index(abis: readonly StandardAbi[]): Map<Hex, Candidate[]> {
  const map = new Map<Hex, Candidate[]>();
  for (const { standard, abi } of abis)
    for (const item of abi) {
      if (item.type !== 'function') continue;
      const signature = formatAbiItem(item);
      const selector = toFunctionSelector(signature);
      const list = map.get(selector) ?? [];
      const same = list.find((candidate) => candidate.signature === signature);
      if (same) same.standards.push(standard);
      else list.push({ signature, item, standards: [standard] });
      map.set(selector, list);
    }
  return map;
}

/**
 * Decodes call data against the standard ABIs (ERC-20/721/1155, WETH). The data must be exactly the
 * encoding of what it decodes to; anything else is reported as malformed, never as decoded.
 */
export function decodeStandardCall(data: Hex): CallDecode {
  if (data === '0x') return { status: 'empty' };
  const size = (data.length - 2) / 2;
  if (size < 4) return { status: 'tooShort', size };
  const selector = data.slice(0, 10).toLowerCase() as Hex;
  const candidates = bySelector.get(selector);
  const candidate = candidates?.[0];
  if (!candidate) return { status: 'unknown', selector };
  const { item, signature, standards } = candidate;
  try {
    const { args = [] } = decodeFunctionData({ abi: [item], data });
    const reencoded = encodeFunctionData({ abi: [item], functionName: item.name, args: args as never });
    if (reencoded !== data.toLowerCase())
      return {
        status: 'malformed',
        selector,
        signature,
        standards,
        reason: 'The data is not the exact encoding of its arguments (extra or non-canonical bytes).',
      };
    return {
      status: 'decoded',
      selector,
      functionName: item.name,
      signature,
      standards,
      args: item.inputs.map(
        (input, i): DecodedArg => ({
          name: input.name ?? `arg${i}`,
          type: input.type,
          value: render(args[i]),
        }),
      ),
    };
  } catch (error) {
    return {
      status: 'malformed',
      selector,
      signature,
      standards,
      reason: error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error),
    };
  }
}

function render(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return `[${value.map(render).join(', ')}]`;
  return String(value);
}
