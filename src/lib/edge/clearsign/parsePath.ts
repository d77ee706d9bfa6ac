import { ClearSignPathError } from './errors';

/** One step of an ERC-7730 path. */
export type PathSegment =
  | { kind: 'field'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'all' }
  | { kind: 'slice'; start?: number; end?: number };

/**
 * Where a path starts: `#.` the call arguments or the message, `@.` the container (`to`, `from`,
 * `value`, `chainId`), `$.` the descriptor itself, or relative to the enclosing field group.
 */
export type PathRoot = 'data' | 'container' | 'descriptor' | 'relative';

/** A parsed ERC-7730 path. */
export type ParsedPath = { source: string; root: PathRoot; segments: readonly PathSegment[] };

const roots: Readonly<Record<string, PathRoot>> = { '#': 'data', '@': 'container', $: 'descriptor' };
const namePattern = /^[A-Za-z0-9_$:-]+$/;
const indexPattern = /^-?\d+$/;
const slicePattern = /^(-?\d+)?:(-?\d+)?$/;
const MAX_PATH_LENGTH = 512;

/**
 * Parses an ERC-7730 path: `#.params.path.[0:20]`, `@.to`, `$.metadata.constants.token`,
 * `details.[].token`, `path[-1]`. Array selectors: `[]` every element, `[i]` one (negative counts
 * from the end), `[a:b]` a slice (of an array, or of the bytes of a value).
 * Throws {@link ClearSignPathError} on a malformed path.
 */
export function parsePath(path: string): ParsedPath {
  if (typeof path !== 'string' || path.length === 0) throw new ClearSignPathError(String(path), 'empty path');
  if (path.length > MAX_PATH_LENGTH) throw new ClearSignPathError(path.slice(0, 40), 'path too long');
  let rest = path;
  let root: PathRoot = 'relative';
  const prefix = roots[path[0] as string];
  if (prefix && (path.length === 1 || path[1] === '.')) {
    root = prefix;
    rest = path.slice(2);
  }
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < rest.length) {
    if (rest[i] === '.') {
      if (i === 0 || i === rest.length - 1 || rest[i + 1] === '.')
        throw new ClearSignPathError(path, 'empty path element');
      i++;
      continue;
    }
    if (rest[i] === '[') {
      const close = rest.indexOf(']', i);
      if (close < 0) throw new ClearSignPathError(path, 'unclosed [');
      segments.push(parseSelector(rest.slice(i + 1, close), path));
      i = close + 1;
      continue;
    }
    let end = i;
    while (end < rest.length && rest[end] !== '.' && rest[end] !== '[') end++;
    const name = rest.slice(i, end);
    if (!namePattern.test(name))
      throw new ClearSignPathError(path, `not a field name: ${JSON.stringify(name)}`);
    segments.push({ kind: 'field', name });
    i = end;
  }
  return { source: path, root, segments };
}

function parseSelector(text: string, path: string): PathSegment {
  const inner = text.trim();
  if (inner === '') return { kind: 'all' };
  if (indexPattern.test(inner)) return { kind: 'index', index: Number(inner) };
  const slice = slicePattern.exec(inner);
  if (slice) {
    const segment: { kind: 'slice'; start?: number; end?: number } = { kind: 'slice' };
    if (slice[1] !== undefined) segment.start = Number(slice[1]);
    if (slice[2] !== undefined) segment.end = Number(slice[2]);
    return segment;
  }
  throw new ClearSignPathError(path, `not an array selector: [${text}]`);
}
