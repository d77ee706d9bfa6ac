/**
 * Characters that change how text looks or reads without being seen: controls (Cc), format
 * characters (Cf: bidi overrides and isolates, zero-width joiners and spaces, the invisible "tag"
 * letters used to smuggle text, the BOM, soft hyphens), private-use (Co) and unpaired surrogates
 * (Cs), and variation selectors. Line breaks are handled before this is applied.
 */
const INVISIBLE_CLASS = '[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}\\u{FE00}-\\u{FE0F}\\u{E0100}-\\u{E01EF}]';
const INVISIBLE_ALL = new RegExp(INVISIBLE_CLASS, 'gu');
const INVISIBLE_ONE = new RegExp(`^${INVISIBLE_CLASS}$`, 'u');

/** Whether one code point is invisible in the sense above (`\n` and `\t` are: they are controls). */
export function isInvisible(char: string): boolean {
  return INVISIBLE_ONE.test(char);
}

/** Line and paragraph separators that some renderers and tokenizers treat as new lines. */
const LINE_BREAKS = /\r\n|[\r\u0085\u2028\u2029]/g;

/** How `cleanText` treats line breaks: kept (`multiline`) or turned into spaces. */
export type CleanTextOptions = { readonly multiline?: boolean };

/**
 * Text a model wrote, made safe to show: line breaks normalized to `\n` (or spaces for a single-line
 * field), tabs to spaces, every invisible character (see `isInvisible`) removed, runs of blank lines
 * squeezed, ends trimmed. It stays text: nothing in it is ever interpreted.
 */
export function cleanText(text: string, options: CleanTextOptions = {}): string {
  let out = text
    .replace(LINE_BREAKS, '\n')
    .replace(/\t/g, ' ')
    .replace(INVISIBLE_ALL, (c) => (c === '\n' ? c : ''));
  out = options.multiline ? out.replace(/\n{3,}/g, '\n\n') : out.replace(/\n/g, ' ');
  return out.trim();
}

/** The marker that ends a value cut short: `…[truncated N chars]`, N counted in code points. */
export function truncationMarker(dropped: number): string {
  return `…[truncated ${dropped} chars]`;
}

/** Length in code points (an emoji counts once; an unpaired surrogate counts once). */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * `text` cut to its first `max` code points followed by `…[truncated N chars]`, or `text` itself
 * when it fits. Never splits a surrogate pair.
 */
export function clip(text: string, max: number): string {
  if (!Number.isInteger(max) || max < 0)
    throw new RangeError(`clip: max must be a non-negative integer, got ${max}`);
  const points = Array.from(text);
  if (points.length <= max) return text;
  return points.slice(0, max).join('') + truncationMarker(points.length - max);
}
