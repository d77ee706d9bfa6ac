/** Serializes a value to JSON with bigints as decimal strings (the form the CLI and the UI copy). */
export function toJsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), indent);
}
