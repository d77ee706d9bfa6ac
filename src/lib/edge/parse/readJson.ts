import { ParseError } from '../errors';
import { MAX_JSON_DEPTH } from './limits';

/** A parsed JSON object. */
export type JsonObject = { readonly [key: string]: unknown };

/**
 * Parses JSON text, bounding its nesting depth. A syntax error becomes a {@link ParseError}
 * with the character position where the text went wrong, when the engine reports one.
 */
export function readJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const match = /position (\d+)/.exec(reason);
    const position = match ? Number(match[1]) : undefined;
    throw new ParseError(
      'invalidJson',
      `The input starts like JSON but is not valid JSON${position !== undefined ? ` (at character ${position})` : ''}.`,
      {
        details: reason,
        position,
        expected: 'well-formed JSON',
        cause: error,
      },
    );
  }
  checkDepth(value);
  return value;
}

/** Throws `tooDeep` when a parsed JSON value nests deeper than {@link MAX_JSON_DEPTH}. */
function checkDepth(root: unknown): void {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH)
      throw new ParseError('tooDeep', `The JSON nests deeper than ${MAX_JSON_DEPTH} levels.`, {
        expected: `at most ${MAX_JSON_DEPTH} levels of nesting`,
      });
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
}

/** Returns the value as a JSON object, or throws `invalidField` naming the path. */
export function asObject(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ParseError('invalidField', `Expected an object at ${path}.`, {
      path,
      expected: 'a JSON object',
    });
  return value as JsonObject;
}

/** Returns the value as an array, or throws `invalidField` naming the path. */
export function asArray(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value))
    throw new ParseError('invalidField', `Expected an array at ${path}.`, { path, expected: 'a JSON array' });
  return value;
}

/** Returns the value as a string, or throws `invalidField` naming the path. */
export function asString(value: unknown, path: string): string {
  if (typeof value !== 'string')
    throw new ParseError('invalidField', `Expected a string at ${path}.`, { path, expected: 'a string' });
  return value;
}

/** Whether an object has an own property (present, even if null). */
export function has(object: JsonObject, key: string): boolean {
  return Object.hasOwn(object, key);
}

/** Joins a JSON path and a key or index. */
export function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;
}
