import { ClearSignFormatError } from '../errors';
import type { ValueNode } from '../types';

/**
 * ERC-7730 `enum`: the name `metadata.enums.<name>` gives the value (keys are decimal strings, so
 * bytes are read as a number; a bool matches `true`/`false` in any case). `entries` must already be
 * resolved.
 */
export function formatEnum(node: ValueNode, entries: unknown): string {
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries))
    throw new ClearSignFormatError('the enum is not defined in the descriptor');
  if (node.kind !== 'leaf') throw new ClearSignFormatError(`an enum value cannot be a ${node.kind}`);
  const { value } = node;
  // Keys are decimal: a bytes value (e.g. the first byte of a word, `[:1]`) is read as a number.
  const key =
    typeof value === 'string' && /^0x[0-9a-fA-F]{1,64}$/.test(value)
      ? BigInt(value).toString()
      : value.toString();
  const table = entries as Record<string, unknown>;
  const exact = Object.hasOwn(table, key) ? table[key] : undefined;
  const found =
    exact ?? Object.entries(table).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1];
  if (typeof found !== 'string') throw new ClearSignFormatError(`${key} is not a value of the enum`);
  return found;
}
