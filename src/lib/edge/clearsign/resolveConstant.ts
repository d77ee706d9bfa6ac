import { ClearSignPathError } from './errors';
import { parsePath } from './parsePath';
import type { Descriptor } from './types';

/**
 * Resolves a `$.` reference against the descriptor (`$.metadata.constants.x`, `$.metadata.enums.y`,
 * `$.metadata.token`, `$.metadata.owner`); any other value is returned as it is (a literal).
 * Throws {@link ClearSignPathError} when the reference leads nowhere.
 */
export function resolveConstant(value: unknown, descriptor: Descriptor): unknown {
  if (typeof value !== 'string' || !value.startsWith('$.')) return value;
  const path = parsePath(value);
  const metadata = {
    owner: descriptor.owner,
    contractName: descriptor.contractName,
    constants: descriptor.constants ?? {},
    enums: descriptor.enums ?? {},
    token: descriptor.token,
  };
  let node: unknown = { metadata };
  for (const segment of path.segments) {
    if (segment.kind === 'field' && typeof node === 'object' && node !== null && !Array.isArray(node)) {
      node = Object.hasOwn(node, segment.name) ? (node as Record<string, unknown>)[segment.name] : undefined;
    } else if (segment.kind === 'index' && Array.isArray(node)) {
      node = node[segment.index < 0 ? node.length + segment.index : segment.index];
    } else {
      node = undefined;
    }
    if (node === undefined) throw new ClearSignPathError(value, 'the descriptor defines no such constant');
  }
  return node;
}
