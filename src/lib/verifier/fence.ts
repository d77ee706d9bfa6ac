import { codePointLength, isInvisible, truncationMarker } from './text';

/*
 * Untrusted data goes into a prompt only inside a data block:
 *
 *   <data name="intent">
 *   …escaped text…
 *   </data>
 *
 * and, when it was cut to fit, `<data name="intent" truncated="N">` with `…[truncated N chars]` as
 * its last line.
 *
 * Why escaping, not a hash-derived fence tag: a tag derived from keccak256 of the content cannot be
 * forged by that content, but it only protects a reader that compares tags — a 0.6B model reading
 * `</data>` followed by "SYSTEM: …" is not such a reader. Escaping removes the possibility instead:
 * every `<` in the data becomes `&lt;` (and `&` becomes `&amp;`, so the escape is exactly
 * reversible), so no data can contain `</data>`, open a second block, spell `<REFLECT>`, or produce
 * a chat-template token such as `<|im_start|>` or `<think>` (all begin with `<`). Controls, format
 * characters (bidi overrides, zero-width and tag characters), private-use characters, unpaired
 * surrogates, variation selectors and Unicode line separators become a visible `&#xHEX;` — except
 * `\n` and `\t`, which are kept as they are. Block names are set by code (lower-case words).
 */

/** The note every system prompt carries, so a model reads escaped data correctly. */
export const DATA_ESCAPE_NOTE =
  'Inside a data block, "&lt;", "&gt;" and "&amp;" stand for the characters <, > and &, and "&#xHEX;" for an invisible or control character.';

const NAME = /^[a-z][a-z0-9-]{0,31}$/;

function escapeChar(char: string): string {
  switch (char) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '\n':
    case '\t':
      return char;
  }
  if (isInvisible(char) || char === '\u2028' || char === '\u2029')
    return `&#x${(char.codePointAt(0) as number).toString(16).toUpperCase()};`;
  return char;
}

/** Data text escaped for a data block (see the comment at the top of fence.ts). Exactly reversible. */
export function escapeData(text: string): string {
  let out = '';
  for (const char of text) out += escapeChar(char);
  return out;
}

/** The inverse of `escapeData`. */
export function unescapeData(text: string): string {
  return text.replace(
    /&(amp|lt|gt);|&#x([0-9A-F]{1,6});/g,
    (_, entity: string | undefined, hex: string | undefined) => {
      if (entity === 'amp') return '&';
      if (entity === 'lt') return '<';
      if (entity === 'gt') return '>';
      return String.fromCodePoint(Number.parseInt(hex as string, 16));
    },
  );
}

/** The escaped form of `text`, cut to at most `maxChars` characters, and how many code points were dropped. */
function escapeWithin(text: string, maxChars: number): { escaped: string; dropped: number } {
  const points = Array.from(text);
  let escaped = '';
  for (let i = 0; i < points.length; i++) {
    const piece = escapeChar(points[i] as string);
    if (escaped.length + piece.length > maxChars) return { escaped, dropped: points.length - i };
    escaped += piece;
  }
  return { escaped, dropped: 0 };
}

function checkName(name: string): void {
  if (!NAME.test(name))
    throw new TypeError(
      `fence: a data block name is lower-case letters, digits and "-", got ${JSON.stringify(name)}`,
    );
}

/**
 * One data block holding `text`, escaped, its escaped content at most `maxChars` characters (the
 * tags and the truncation marker come on top).
 */
export function fence(name: string, text: string, maxChars: number = Number.POSITIVE_INFINITY): string {
  checkName(name);
  if (!(maxChars >= 0)) throw new RangeError(`fence: maxChars must be ≥ 0, got ${maxChars}`);
  const { escaped, dropped } = escapeWithin(text, maxChars);
  if (dropped === 0) return `<data name="${name}">\n${escaped}\n</data>`;
  return `<data name="${name}" truncated="${dropped}">\n${escaped}\n${truncationMarker(dropped)}\n</data>`;
}

/** A value to fence: its block name, its text, and an optional cap on its escaped length. */
export type DataValue = { readonly name: string; readonly text: string; readonly maxChars?: number };

const SEPARATOR = '\n\n';

/**
 * Data blocks for `values`, in order, separated by blank lines, at most `budget` characters in all.
 * When they do not fit, the space is shared by water-filling: short values stay whole, the longest
 * are cut to one common length. Throws a RangeError when even the empty blocks do not fit.
 */
export function fenceAll(values: readonly DataValue[], budget: number): string {
  for (const value of values) checkName(value.name);
  const full = values.map((v) => escapeData(v.text).length);
  const caps = values.map((v, i) => Math.min(full[i] as number, v.maxChars ?? Number.POSITIVE_INFINITY));
  const separators = Math.max(0, values.length - 1) * SEPARATOR.length;
  const base = values.map((v) => `<data name="${v.name}">\n\n</data>`.length);
  const wholeSize = separators + base.reduce((sum, b, i) => sum + b + (full[i] as number), 0);
  if (caps.every((cap, i) => cap === full[i]) && wholeSize <= budget)
    return values.map((v) => fence(v.name, v.text)).join(SEPARATOR);
  // Room for the worst-case ` truncated="N"` and `\n…[truncated N chars]` of every block.
  const reserve = values.map((v) => {
    const digits = String(codePointLength(v.text)).length;
    return ` truncated=""`.length + digits + 1 + truncationMarker(0).length - 1 + digits;
  });
  let room = budget - separators - base.reduce((s, b, i) => s + b + (reserve[i] as number), 0);
  if (room < 0)
    throw new RangeError(
      `fenceAll: a budget of ${budget} characters cannot hold ${values.length} data blocks`,
    );
  const allot = new Array<number>(values.length).fill(0);
  const order = caps.map((len, i) => [len, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [k, [len, i]] of order.entries()) {
    const share = Math.floor(room / (order.length - k));
    allot[i] = Math.min(len, share);
    room -= allot[i] as number;
  }
  return values.map((v, i) => fence(v.name, v.text, allot[i])).join(SEPARATOR);
}

/** A data block found in a prompt. */
export type ParsedDataBlock = {
  readonly name: string;
  /** The block's text, unescaped: the original value, or its first part when `truncated` > 0. */
  readonly text: string;
  /** Code points cut from the end of the original value. */
  readonly truncated: number;
  /** Where the block starts and ends (exclusive) in the prompt. */
  readonly start: number;
  readonly end: number;
};

const BLOCK = /<data name="([a-z][a-z0-9-]*)"(?: truncated="([1-9][0-9]*)")?>\n([^<]*)\n<\/data>/g;

/**
 * Every data block of a prompt, in order (for tests and audits of what a model was shown). Throws
 * when a block says it was truncated but does not end with the matching marker.
 */
export function parseDataBlocks(prompt: string): ParsedDataBlock[] {
  const blocks: ParsedDataBlock[] = [];
  for (const match of prompt.matchAll(BLOCK)) {
    const [whole, name, truncatedText, body] = match as unknown as [
      string,
      string,
      string | undefined,
      string,
    ];
    const truncated = truncatedText === undefined ? 0 : Number(truncatedText);
    let content = body;
    if (truncated > 0) {
      const marker = `\n${truncationMarker(truncated)}`;
      if (!body.endsWith(marker))
        throw new Error(`data block "${name}" says truncated="${truncated}" but lacks its marker`);
      content = body.slice(0, -marker.length);
    }
    blocks.push({
      name,
      text: unescapeData(content),
      truncated,
      start: match.index,
      end: match.index + whole.length,
    });
  }
  return blocks;
}
