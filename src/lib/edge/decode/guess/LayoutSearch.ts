import { isPrintableText } from './isPrintableText';
import { joinShapes, joinWordKinds, type Shape, shapeKey } from './shape';
import { type WordKind, wordKind } from './wordKind';

/**
 * Readings kept for a region when one is not enough: the elements of an array must share one type,
 * and when their best readings do not join, their next ones are tried.
 */
const maxReadings = 4;

const none: readonly never[] = [];
const emptyTail: readonly Shape[] = [{ kind: 'empty' }];

/** A bounded, duplicate-free list of readings in the order they were found (the order of preference). */
class Readings<T> {
  readonly list: T[] = [];
  readonly #keys = new Set<string>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get full(): boolean {
    return this.list.length >= this.#capacity;
  }

  add(key: string, reading: T): void {
    if (this.full || this.#keys.has(key)) return;
    this.#keys.add(key);
    this.list.push(reading);
  }
}

/** Tail readings found so far for one region; `all` when no more than these exist (up to the cap). */
type Memo = { readonly readings: readonly Shape[]; readonly all: boolean };

/**
 * A search for the layouts whose canonical ABI encoding is exactly a given byte string.
 *
 * It relies on canonical encoding being strict: a tuple's head holds its static words and one
 * offset per dynamic component; the first offset equals the head's size; the tails follow in head
 * order, contiguous, the last ending where the tuple ends. An array of dynamic items is the same
 * with a count word first. So a word is an offset only where it continues that chain exactly, and
 * every region it points to lies after its head and is smaller than its parent: offsets cannot
 * point backwards, at themselves or in circles, and the search terminates.
 *
 * Readings are tried in order of preference, those with more structure behind them first: for a
 * tail, empty, then `bytes`/`string`, then an array of dynamic items, then a tuple, and last an
 * array of static words (which fits many byte strings); in a head, the earliest first offset, and
 * then an offset before a static word. The search is lazy: it finds the best reading of a region,
 * and more (up to {@link maxReadings}) only when an array's elements do not share a type. Tail
 * readings are memoized per region and depth, heads that cannot complete are remembered, and every
 * word read costs a step of a fixed budget: past it the search stops and reports
 * {@link LayoutSearch.exhausted}.
 */
export class LayoutSearch {
  readonly #bytes: Uint8Array;
  /** Each word as a number when under 2^48 (an offset or a length may be), else -1. */
  readonly #values: Float64Array;
  readonly #kinds: readonly WordKind[];
  readonly #maxDepth: number;
  #steps: number;
  /** Tail readings, by depth then by region (`start × (size + 1) + end`). */
  readonly #memo: readonly Map<number, Memo>[];

  /** Searches `bytes` (a multiple of 32 long), nesting at most `maxDepth`, reading at most `steps` words. */
  constructor(bytes: Uint8Array, maxDepth: number, steps: number) {
    this.#bytes = bytes;
    this.#maxDepth = maxDepth;
    this.#steps = steps;
    this.#memo = Array.from({ length: maxDepth + 1 }, () => new Map<number, Memo>());
    const words = bytes.length / 32;
    this.#values = new Float64Array(words);
    const kinds: WordKind[] = [];
    for (let i = 0; i < words; i++) {
      this.#values[i] = small(bytes, 32 * i);
      kinds.push(wordKind(bytes, 32 * i));
    }
    this.#kinds = kinds;
  }

  /** Whether the step budget ran out: what was found is not the best reading. */
  get exhausted(): boolean {
    return this.#steps < 0;
  }

  /**
   * The best reading of the whole byte string as an argument list. Every word static always fits:
   * it is the reading when no dynamic one does.
   */
  argumentList(): readonly Shape[] {
    const [best] = this.#tuple(0, this.#bytes.length, 0, 1);
    if (best) return best;
    const words: Shape[] = [];
    for (let position = 0; position < this.#bytes.length; position += 32) words.push(this.#word(position));
    return words;
  }

  #spend(words: number): boolean {
    this.#steps -= words;
    return this.#steps >= 0;
  }

  /** The word at byte `position` (a multiple of 32) as a number when under 2^48, else -1. */
  #small(position: number): number {
    return this.#values[position / 32] as number;
  }

  #word(position: number): Shape {
    return { kind: 'word', word: this.#kinds[position / 32] as WordKind };
  }

  /**
   * Up to `want` readings of the region as a tuple with at least one dynamic component. The first
   * is at some word `first` whose value, the head size, points past it and inside the region; the
   * words before it are static.
   */
  #tuple(start: number, end: number, depth: number, want: number): readonly (readonly Shape[])[] {
    const found = new Readings<readonly Shape[]>(want);
    const size = (end - start) / 32;
    if (!this.#spend(size)) return found.list;
    for (let first = 0; first < size && !found.full; first++) {
      const headSize = this.#small(start + 32 * first);
      if (headSize <= 32 * first || headSize % 32 !== 0 || start + headSize + 32 > end) continue;
      this.#heads(start, end, depth, first, headSize / 32, found);
    }
    return found.list;
  }

  /**
   * The heads of `headWords` words whose first offset is at word `first`. A head is a path of
   * offsets `first = p0 < p1 < …` with increasing values, where the tail between two consecutive
   * offsets, and the last tail up to `end`, each have a reading; every other word is static.
   * Walked depth-first without recursion (a head may be long), trying for each offset the nearest
   * next offset first and ending the chain last. From a given offset the possible rests of the
   * path do not depend on how it was reached: offsets from which none completes are `dead`.
   */
  #heads(
    start: number,
    end: number,
    depth: number,
    first: number,
    headWords: number,
    found: Readings<readonly Shape[]>,
  ): void {
    const dead = new Set<number>();
    const path = [first];
    /** Next position to try after `path[k]`; `headWords` ends the chain there; past it, done. */
    const next = [first + 1];
    const completes = [false];
    /** `tails[k]`: the reading of the tail that starts at the offset `path[k]`. */
    const tails: Shape[] = [];
    while (path.length > 0 && !found.full && this.#steps >= 0) {
      const k = path.length - 1;
      const offset = this.#small(start + 32 * (path[k] as number));
      let position = next[k] as number;
      let tail: Shape | undefined;
      for (; position < headWords && this.#spend(1); position++) {
        const value = this.#small(start + 32 * position);
        if (value <= offset || value % 32 !== 0 || start + value + 32 > end || dead.has(position)) continue;
        tail = this.#dynamic(start + offset, start + value, depth + 1, 1)[0];
        if (tail) break;
      }
      next[k] = position + 1;
      if (tail) {
        tails[k] = tail;
        path.push(position);
        next.push(position + 1);
        completes.push(false);
        continue;
      }
      if (position === headWords) {
        const last = this.#dynamic(start + offset, end, depth + 1, 1)[0];
        if (last && this.#spend(headWords)) {
          tails[k] = last;
          const components: Shape[] = [];
          for (let i = 0, m = 0; i < headWords; i++)
            components.push(i === path[m] ? (tails[m++] as Shape) : this.#word(start + 32 * i));
          found.add(components.map(shapeKey).join(','), components);
          completes.fill(true);
        }
        continue;
      }
      if (!completes[k]) dead.add(path[k] as number);
      path.pop();
      next.pop();
      completes.pop();
    }
  }

  /** Up to `want` readings of a dynamic value's tail, which spans exactly `start` to `end`; memoized. */
  #dynamic(start: number, end: number, depth: number, want: number): readonly Shape[] {
    if (depth > this.#maxDepth) return none;
    const memo = this.#memo[depth] as Map<number, Memo>;
    const key = start * (this.#bytes.length + 1) + end;
    const known = memo.get(key);
    if (known && (known.all || known.readings.length >= want)) return known.readings;
    const readings = this.#readDynamic(start, end, depth, want);
    memo.set(key, { readings, all: readings.length < want });
    return readings;
  }

  #readDynamic(start: number, end: number, depth: number, want: number): readonly Shape[] {
    if (!this.#spend(1)) return none;
    const count = this.#small(start); // a byte length or an element count
    if (end - start === 32) return count === 0 ? emptyTail : none;
    const found = new Readings<Shape>(want);
    const body = end - start - 32;
    if (count > 0 && 32 * Math.ceil(count / 32) === body) {
      const bytes = this.#bytesReading(start + 32, end, count);
      if (bytes) found.add(shapeKey(bytes), bytes);
    }
    if (count > 0 && 64 * count <= body && !found.full)
      for (const element of this.#dynamicElements(start + 32, end, count, depth, want))
        found.add(`${shapeKey(element)}[]`, { kind: 'array', element });
    if (!found.full)
      for (const components of this.#tuple(start, end, depth, want - found.list.length))
        found.add(`(${components.map(shapeKey).join(',')})`, { kind: 'tuple', components });
    if (count > 0 && body % (32 * count) === 0 && !found.full) {
      const array = this.#staticArray(start + 32, end, count);
      if (array) found.add(shapeKey(array), array);
    }
    return found.list;
  }

  /** `length` bytes from `start`, zero-padded up to `end`: `bytes`, or `string` when printable. */
  #bytesReading(start: number, end: number, length: number): Shape | undefined {
    if (!this.#spend((end - start) / 32)) return undefined;
    const bytes = this.#bytes;
    for (let i = start + length; i < end; i++) if (bytes[i] !== 0) return undefined;
    return { kind: 'bytes', string: isPrintableText(bytes.subarray(start, start + length)) };
  }

  /**
   * Up to `want` readings of the type shared by `count` dynamic items: a head of `count` offsets
   * (relative to `start`, the first one `32 × count`, increasing) and their tails. Each item's best
   * reading is joined with the items' before; when some join fails, the same with more readings
   * of each item, keeping the joins that survive every item.
   */
  #dynamicElements(start: number, end: number, count: number, depth: number, want: number): readonly Shape[] {
    if (!this.#spend(count)) return none;
    const tails: number[] = [];
    for (let k = 0; k < count; k++) {
      const offset = this.#small(start + 32 * k);
      const previous = (tails[k - 1] ?? start) - start;
      if (k === 0 ? offset !== 32 * count : offset <= previous || offset % 32 !== 0) return none;
      if (start + offset + 32 > end) return none;
      tails.push(start + offset);
    }
    tails.push(end);
    for (const each of want > 1 ? [maxReadings] : [1, maxReadings]) {
      let joined: readonly Shape[] = none;
      for (let k = 0; k < count; k++) {
        const [tailStart, tailEnd] = [tails[k] as number, tails[k + 1] as number];
        // Joins cost up to the size of the readings, at most the tail's size.
        if (!this.#spend((tailEnd - tailStart) / 32)) return none;
        const readings = this.#dynamic(tailStart, tailEnd, depth + 1, each);
        joined = k === 0 ? readings : joinReadings(joined, readings);
        if (joined.length === 0) break;
      }
      if (joined.length > 0) return joined;
    }
    return none;
  }

  /** `count` static items filling `start` to `end`: words, or tuples of words, joined column-wise. */
  #staticArray(start: number, end: number, count: number): Shape | undefined {
    const width = (end - start) / 32 / count;
    if (!this.#spend(width * count)) return undefined;
    const columns = new Array<WordKind>(width).fill('zero');
    for (let k = 0; k < count; k++)
      for (let c = 0; c < width; c++)
        columns[c] = joinWordKinds(
          columns[c] as WordKind,
          this.#kinds[start / 32 + k * width + c] as WordKind,
        );
    const words = columns.map((word): Shape => ({ kind: 'word', word }));
    return {
      kind: 'array',
      element: width === 1 ? (words[0] as Shape) : { kind: 'tuple', components: words },
    };
  }
}

/** The word at `position` as a number when under 2^48, else -1. */
function small(bytes: Uint8Array, position: number): number {
  for (let i = position; i < position + 26; i++) if (bytes[i] !== 0) return -1;
  let value = 0;
  for (let i = position + 26; i < position + 32; i++) value = value * 256 + (bytes[i] ?? 0);
  return value;
}

/** The joins of pairs of readings, best first. */
function joinReadings(a: readonly Shape[], b: readonly Shape[]): readonly Shape[] {
  const found = new Readings<Shape>(maxReadings);
  for (const x of a)
    for (const y of b) {
      const joined = joinShapes(x, y);
      if (joined) found.add(shapeKey(joined), joined);
    }
  return found.list;
}
