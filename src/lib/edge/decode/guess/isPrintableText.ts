const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
/** Printable: no control, format (bidi overrides, zero-width, BOM), private-use or unassigned code point. */
const printable = /^(?:[\t\n\r]|[^\p{C}\uFFFD])*$/u;

/**
 * Whether bytes read as text a person can check: valid UTF-8 (an invalid sequence decodes to U+FFFD,
 * which is refused), non-empty, and printable. Invisible or direction-changing characters are refused
 * so that a guessed `string` can never hide what it says; such bytes stay `bytes`, shown as hex.
 */
export function isPrintableText(bytes: Uint8Array): boolean {
  return bytes.length > 0 && printable.test(utf8.decode(bytes));
}
