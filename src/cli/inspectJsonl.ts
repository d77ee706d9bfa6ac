import { inspect } from '../lib/edge/inspect';
import { toJsonText } from '../lib/edge/json';
import { cliResult } from './cliResult';

/**
 * Inspects one JSONL case (the evaluation-corpus line format: `id`, `chainId`, `from`, `to`, `data`,
 * `value`, `rawTx`, `typedData`; other fields ignored) and returns one JSON line carrying its `id`.
 * A bad line gives an error result for that line; it never throws.
 */
export function inspectJsonlLine(line: string, lineNumber: number): string {
  const id = readId(line);
  const result = inspect(line);
  return toJsonText({ id, line: lineNumber, ...(cliResult(result) as object) });
}

function readId(line: string): string | null {
  const match = /^\s*\{\s*"id"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(line);
  if (match?.[1]) {
    try {
      const id: unknown = JSON.parse(match[1]);
      if (typeof id === 'string') return id;
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
    }
  }
  // The id is not the first key, or the line is not JSON: find it the slow way when the line parses.
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value === 'object' && value !== null && 'id' in value) {
      const id = (value as { id: unknown }).id;
      return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
    }
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
  return null;
}
