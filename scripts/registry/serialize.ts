/**
 * JSON text for generated files: two-space indent, one string per line in lists of strings (so a
 * diff shows which function changed), and number lists or `[address, [chainIds]]` pairs kept on
 * one line. Key order is the caller's. Ends with a newline.
 */
export function stringifyCompact(value: unknown): string {
  return `${write(value, '')}\n`;
}

function isFlat(value: unknown): boolean {
  return Array.isArray(value) ? value.every(isFlat) : value === null || typeof value !== 'object';
}

function write(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const strings = value.every((item) => typeof item === 'string');
    if (isFlat(value) && !(strings && value.length > 1))
      return `[${value.map((item) => write(item, inner)).join(', ')}]`;
    return `[\n${value.map((item) => inner + write(item, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return '{}';
    const body = entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${write(item, inner)}`);
    return `{\n${body.join(',\n')}\n${indent}}`;
  }
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error(`cannot serialize ${String(value)}`);
  return text;
}
