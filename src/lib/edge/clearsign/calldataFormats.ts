import { type AbiFunction, parseAbiItem, toFunctionSelector } from 'viem';
import { formatsOf } from './descriptors';
import type { Descriptor, DescriptorFormat } from './types';

/** A calldata format with the function its key declares. */
export type CalldataFormat = { key: string; item: AbiFunction; format: DescriptorFormat };

const cache = new Map<number, ReadonlyMap<string, CalldataFormat>>();

/**
 * The formats of a calldata descriptor by 4-byte selector, computed from each key's signature
 * (`transfer(address to, uint256 value)`; the parameter names are the paths). Keys viem cannot
 * read are left out (the build checks there are none). Cached per shared display body.
 */
export function calldataFormats(descriptor: Descriptor): ReadonlyMap<string, CalldataFormat> {
  const cached = cache.get(descriptor.display);
  if (cached) return cached;
  const bySelector = new Map<string, CalldataFormat>();
  for (const [key, format] of Object.entries(formatsOf(descriptor))) {
    let item: AbiFunction;
    try {
      const parsed = parseAbiItem(`function ${key}`);
      if (parsed.type !== 'function') continue;
      item = parsed;
    } catch {
      continue; // unreadable key: scripts/erc7730/build.ts fails on these, so none ship
    }
    const selector = toFunctionSelector(item);
    if (!bySelector.has(selector)) bySelector.set(selector, { key, item, format });
  }
  cache.set(descriptor.display, bySelector);
  return bySelector;
}
