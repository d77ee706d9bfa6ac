import { type AbiParameter, type Hex, hexToBytes } from 'viem';
import { fitParameters } from '../fitParameters';
import { LayoutSearch } from './LayoutSearch';
import { shapeToParameter } from './shape';

/** Bounds on the work of {@link guessLayout}. */
export type GuessLayoutLimits = {
  /** Deepest nesting of dynamic types guessed (a `bytes[]` argument is 2 deep). At most 32. */
  readonly maxDepth?: number;
  /** Longest argument data guessed, in 32-byte words. At most 2^20 (32 MiB). */
  readonly maxWords?: number;
};

/** Default limits: deeper and longer than real calls, small enough to bound the work on hostile input. */
export const defaultGuessLimits: Required<GuessLayoutLimits> = { maxDepth: 6, maxWords: 4096 };

/** Search steps allowed per argument word (a step reads one word); past them there is no guess. */
const stepsPerWord = 32;

/**
 * A guessed argument layout: unnamed parameters and the values they decode to. By construction
 * `encodeAbiParameters(params, values)` is exactly the calldata after its selector.
 */
export type GuessedLayout = { readonly params: readonly AbiParameter[]; readonly values: readonly unknown[] };

/** What {@link guessLayout} returns: a guess, or `undefined` when there is none. */
export type GuessLayoutReturnType = GuessedLayout | undefined;

/**
 * Guesses the argument layout of calldata whose selector no known function has. Only a layout
 * whose canonical encoding is exactly the argument bytes is returned; among several, the one with
 * the most structure behind it (see `LayoutSearch`). Word-aligned arguments always have one,
 * every word static (`uint256`, `address`, `bytes32`; see `wordKind`), so `undefined` means: not
 * hex, under 4 bytes, arguments not a whole number of words, over `maxWords`, or too much work.
 * Never throws. The result is a guess: nothing in calldata names its types, and several layouts
 * may encode to the same bytes (`f(uint256[])` with `[]` and `f(bytes)` with `0x`); callers must
 * say so (γ of a `guess`).
 */
export function guessLayout(data: Hex, limits: GuessLayoutLimits = {}): GuessLayoutReturnType {
  const maxWords = bound(limits.maxWords, defaultGuessLimits.maxWords, 2 ** 20);
  const maxDepth = bound(limits.maxDepth, defaultGuessLimits.maxDepth, 32);
  // Length first: the pattern test below is linear, but need not run on oversized input.
  if (typeof data !== 'string' || data.length < 10 || data.length > 10 + 64 * maxWords) return undefined;
  if (!/^0x(?:[0-9a-fA-F]{2})*$/.test(data)) return undefined;
  const args = `0x${data.slice(10).toLowerCase()}` as Hex;
  const size = (args.length - 2) / 2;
  if (size % 32 !== 0) return undefined;
  if (size === 0) return { params: [], values: [] };

  const search = new LayoutSearch(hexToBytes(args), maxDepth, stepsPerWord * (size / 32) + 1024);
  const params = search.argumentList().map(shapeToParameter);
  if (search.exhausted) return undefined;
  // The acceptance test of any guess: it must decode and re-encode to exactly these bytes.
  const fit = fitParameters(params, args);
  return fit && { params, values: fit.map((arg) => arg.value) };
}

/** A limit as a whole number in `[0, max]`; the default when it is not a number. */
function bound(limit: number | undefined, fallback: number, max: number): number {
  if (limit === undefined || Number.isNaN(limit)) return fallback;
  return Math.max(0, Math.min(Math.floor(limit), max));
}
