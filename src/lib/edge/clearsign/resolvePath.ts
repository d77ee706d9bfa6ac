import type { Hex } from 'viem';
import { ClearSignPathError } from './errors';
import { leafBytes } from './leafBytes';
import type { ParsedPath, PathSegment } from './parsePath';
import type { Container, ValueNode } from './types';

/** A value a path leads to, with the concrete path (`#.bundle.[2].to`) and the indices `[]` took. */
export type PathMatch = { node: ValueNode; path: string; bindings: readonly number[] };

/** Where relative paths start: the enclosing field group, already resolved. */
export type PathScope = { node: ValueNode; path: string; bindings: readonly number[] };

/** Options of {@link resolvePath}. */
export type ResolvePathOptions = {
  /** The enclosing group; relative paths start here (default: the data root). */
  scope?: PathScope;
  /** Indices for the path's `[]` selectors, in order, instead of expanding them (ties a
   * parameter path like `#.bundle.[].to` to the element the field itself is showing). */
  bindings?: readonly number[];
};

const MAX_MATCHES = 1024;

/**
 * Resolves a parsed path against call arguments / a message (`#.`, relative) or the container
 * (`@.`). `[]` expands to every element, so a path may give several matches; an empty array
 * gives none. Throws {@link ClearSignPathError} when the path does not fit the data (a missing
 * field, an index out of range, a selector applied to the wrong type). `$.` paths are descriptor
 * constants: see resolveConstant.
 */
export function resolvePath(
  path: ParsedPath,
  data: ValueNode,
  container: Container,
  options: ResolvePathOptions = {},
): PathMatch[] {
  const out: PathMatch[] = [];
  const bindings = options.bindings ?? [];
  if (path.root === 'descriptor')
    throw new ClearSignPathError(path.source, 'a $. path names a descriptor constant, not a value');
  if (path.root === 'container') {
    const [first, ...rest] = path.segments;
    if (first?.kind !== 'field')
      throw new ClearSignPathError(path.source, 'expected @.to, @.from, @.value or @.chainId');
    const node = containerValue(container, first.name, path.source);
    walk(path.source, node, `@.${first.name}`, rest, 0, [], bindings, out);
    return out;
  }
  const start =
    path.root === 'relative' && options.scope
      ? options.scope
      : { node: data, path: '#', bindings: [] as readonly number[] };
  walk(path.source, start.node, start.path, path.segments, 0, start.bindings, bindings, out);
  return out;
}

function containerValue(container: Container, name: string, source: string): ValueNode {
  if (name === 'chainId') {
    if (container.chainId === undefined) throw new ClearSignPathError(source, 'there is no chain id here');
    return { kind: 'leaf', type: 'uint256', value: container.chainId };
  }
  if (name === 'value') {
    if (container.value === undefined) throw new ClearSignPathError(source, 'there is no value here');
    return { kind: 'leaf', type: 'uint256', value: container.value };
  }
  if (name === 'to' || name === 'from') {
    const address = container[name];
    if (address === undefined) throw new ClearSignPathError(source, `@.${name} is unknown`);
    return { kind: 'leaf', type: 'address', value: address };
  }
  throw new ClearSignPathError(source, `@.${name} is not a container field (to, from, value, chainId)`);
}

function walk(
  source: string,
  node: ValueNode,
  at: string,
  segments: readonly PathSegment[],
  i: number,
  taken: readonly number[],
  bindings: readonly number[],
  out: PathMatch[],
): void {
  if (out.length >= MAX_MATCHES) throw new ClearSignPathError(source, `more than ${MAX_MATCHES} values`);
  const segment = segments[i];
  if (segment === undefined) {
    out.push({ node, path: at, bindings: taken });
    return;
  }
  const next = (child: ValueNode, childAt: string, nextTaken = taken) =>
    walk(source, child, childAt, segments, i + 1, nextTaken, bindings, out);

  switch (segment.kind) {
    case 'field': {
      if (node.kind !== 'struct')
        throw new ClearSignPathError(source, `${at} is a ${node.type}, not a struct`);
      const child = Object.hasOwn(node.fields, segment.name) ? node.fields[segment.name] : undefined;
      if (!child) throw new ClearSignPathError(source, `${at} has no field "${segment.name}"`);
      next(child, `${at}.${segment.name}`);
      return;
    }
    case 'all': {
      if (node.kind !== 'array')
        throw new ClearSignPathError(source, `${at} is a ${node.type}, not an array`);
      const bound = bindings[countAll(segments, i)];
      if (bound !== undefined) {
        const item = node.items[bound];
        if (!item) throw new ClearSignPathError(source, `${at} has no element ${bound}`);
        next(item, `${at}.[${bound}]`, [...taken, bound]);
        return;
      }
      node.items.forEach((item, index) => {
        next(item, `${at}.[${index}]`, [...taken, index]);
      });
      return;
    }
    case 'index': {
      if (node.kind === 'array') {
        const index = segment.index < 0 ? node.items.length + segment.index : segment.index;
        const item = node.items[index];
        if (!item) throw new ClearSignPathError(source, `${at} has no element ${segment.index}`);
        next(item, `${at}.[${index}]`);
        return;
      }
      if (node.kind === 'struct') {
        const entries = Object.values(node.fields);
        const index = segment.index < 0 ? entries.length + segment.index : segment.index;
        const child = entries[index];
        if (!child) throw new ClearSignPathError(source, `${at} has no component ${segment.index}`);
        next(child, `${at}.[${index}]`);
        return;
      }
      const bytes = sliceBytes(
        source,
        node,
        segment.index,
        segment.index === -1 ? undefined : segment.index + 1,
      );
      next(bytes, `${at}.[${segment.index}]`);
      return;
    }
    case 'slice': {
      const label = `${at}.[${segment.start ?? ''}:${segment.end ?? ''}]`;
      if (node.kind === 'array') {
        const [start, end] = bounds(node.items.length, segment.start, segment.end);
        next({ kind: 'array', type: node.type, items: node.items.slice(start, end) }, label);
        return;
      }
      next(sliceBytes(source, node, segment.start, segment.end), label);
      return;
    }
  }
}

/** How many `[]` come before position `i`: which binding applies to it. */
function countAll(segments: readonly PathSegment[], i: number): number {
  let n = 0;
  for (let j = 0; j < i; j++) if (segments[j]?.kind === 'all') n++;
  return n;
}

function bounds(length: number, start: number | undefined, end: number | undefined): [number, number] {
  const clamp = (value: number) => Math.min(Math.max(value < 0 ? length + value : value, 0), length);
  return [clamp(start ?? 0), clamp(end ?? length)];
}

function sliceBytes(
  source: string,
  node: ValueNode,
  start: number | undefined,
  end: number | undefined,
): ValueNode {
  let hex: Hex;
  try {
    hex = leafBytes(node);
  } catch (error) {
    throw new ClearSignPathError(source, error instanceof Error ? error.message : String(error));
  }
  const length = (hex.length - 2) / 2;
  const [from, to] = bounds(length, start, end);
  if (from >= to)
    throw new ClearSignPathError(
      source,
      `the slice [${start ?? ''}:${end ?? ''}] of ${length} bytes is empty`,
    );
  return { kind: 'leaf', type: 'bytes', value: `0x${hex.slice(2 + from * 2, 2 + to * 2)}` };
}
