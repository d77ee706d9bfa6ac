import type { AbiParameter } from 'viem';
import type { WordKind } from './wordKind';

/**
 * A guessed type, before it becomes an ABI parameter. Richer than the ABI where a guess is unsure:
 * `zero` words and `empty` tails fit several types, and only settle when joined with siblings.
 * - `word`: one static 32-byte word;
 * - `bytes`: length-prefixed bytes, `string` when they read as printable text;
 * - `empty`: a zero length word: empty `bytes`, empty `string` or an empty array of any type;
 * - `array`: `T[]`;
 * - `tuple`: a tuple; static tuples and fixed-size arrays are flattened into their words wherever
 *   nothing in the bytes marks their bounds (the encoding is the same).
 */
export type Shape =
  | { readonly kind: 'word'; readonly word: WordKind }
  | { readonly kind: 'bytes'; readonly string: boolean }
  | { readonly kind: 'empty' }
  | { readonly kind: 'array'; readonly element: Shape }
  | { readonly kind: 'tuple'; readonly components: readonly Shape[] };

/** The least specific word kind covering both: `zero` fits any kind; two different kinds are numbers. */
export function joinWordKinds(a: WordKind, b: WordKind): WordKind {
  if (a === b || b === 'zero') return a;
  if (a === 'zero') return b;
  return 'uint256';
}

/**
 * The least specific shape covering both (the type of an array whose elements read as `a` and `b`),
 * or `undefined` when no single type fits both.
 */
export function joinShapes(a: Shape, b: Shape): Shape | undefined {
  if (a.kind === 'empty' && b.kind !== 'word' && b.kind !== 'tuple') return b;
  if (b.kind === 'empty' && a.kind !== 'word' && a.kind !== 'tuple') return a;
  if (a.kind === 'word' && b.kind === 'word') return { kind: 'word', word: joinWordKinds(a.word, b.word) };
  if (a.kind === 'bytes' && b.kind === 'bytes') return { kind: 'bytes', string: a.string && b.string };
  if (a.kind === 'array' && b.kind === 'array') {
    const element = joinShapes(a.element, b.element);
    return element && { kind: 'array', element };
  }
  if (a.kind === 'tuple' && b.kind === 'tuple' && a.components.length === b.components.length) {
    const components: Shape[] = [];
    for (const [i, component] of a.components.entries()) {
      const joined = joinShapes(component, b.components[i] as Shape);
      if (!joined) return undefined;
      components.push(joined);
    }
    return { kind: 'tuple', components };
  }
  return undefined;
}

/** A key equal for equal shapes (to drop duplicate readings). */
export function shapeKey(shape: Shape): string {
  switch (shape.kind) {
    case 'word':
      return shape.word;
    case 'bytes':
      return shape.string ? 'string' : 'bytes';
    case 'empty':
      return 'empty';
    case 'array':
      return `${shapeKey(shape.element)}[]`;
    case 'tuple':
      return `(${shape.components.map(shapeKey).join(',')})`;
  }
}

/** The ABI parameter of a shape: `zero` words read as `uint256`, `empty` tails as `bytes`. */
export function shapeToParameter(shape: Shape): AbiParameter {
  switch (shape.kind) {
    case 'word':
      return { type: shape.word === 'zero' ? 'uint256' : shape.word };
    case 'bytes':
      return { type: shape.string ? 'string' : 'bytes' };
    case 'empty':
      return { type: 'bytes' };
    case 'array': {
      const element = shapeToParameter(shape.element);
      return { ...element, type: `${element.type}[]` } as AbiParameter;
    }
    case 'tuple':
      return { type: 'tuple', components: shape.components.map(shapeToParameter) };
  }
}
