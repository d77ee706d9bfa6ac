import type { ValueNode } from '../types';

const MAX_ITEMS = 64;

/**
 * A value as it is: integers in decimal (no separators), `true`/`false`, checksummed addresses,
 * bytes as hex, text as it is; arrays and structs spelled out (`[1, 2]`, `{a: 1}`).
 */
export function formatRaw(node: ValueNode): string {
  if (node.kind === 'leaf') return typeof node.value === 'string' ? node.value : node.value.toString();
  if (node.kind === 'array') {
    const shown = node.items.slice(0, MAX_ITEMS).map(formatRaw);
    if (node.items.length > MAX_ITEMS) shown.push(`… ${node.items.length - MAX_ITEMS} more`);
    return `[${shown.join(', ')}]`;
  }
  return `{${Object.entries(node.fields)
    .map(([name, child]) => `${name}: ${formatRaw(child)}`)
    .join(', ')}}`;
}
