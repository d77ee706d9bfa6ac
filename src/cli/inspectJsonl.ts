import { ParseError, toParseErrorInfo } from '../lib/edge/errors';
import { evaluateGate } from '../lib/edge/gate/evaluateGate';
import { type Facts, noFacts } from '../lib/edge/gate/facts';
import { parseContext } from '../lib/edge/gate/parseContext';
import { defaultPolicy, type Policy } from '../lib/edge/gate/policy';
import { inspect } from '../lib/edge/inspect';
import { toJsonText } from '../lib/edge/json';
import { cliResult } from './cliResult';

/** The policy and facts a JSONL run decides under. */
export type JsonlContext = { readonly policy?: Policy; readonly facts?: Facts };

/**
 * Inspects and gates one JSONL case (the evaluation-corpus line format: `id`, `chainId`, `from`,
 * `to`, `data`, `value`, `rawTx`, `typedData`; a `context` object is merged over the run's facts;
 * other fields ignored) and returns one JSON line carrying its `id`. A bad line gives an error
 * result for that line; it never throws.
 */
export function inspectJsonlLine(line: string, lineNumber: number, context: JsonlContext = {}): string {
  const object = readObject(line);
  const id =
    object && (typeof object.id === 'string' || typeof object.id === 'number') ? String(object.id) : null;
  const policy = context.policy ?? defaultPolicy();
  let facts = context.facts ?? noFacts;
  if (object && object.context !== undefined) {
    try {
      facts = parseContext(object.context, facts);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      const info = toParseErrorInfo(error);
      const decision = evaluateGate({ parseError: info, calls: [], policy, facts }, line);
      return toJsonText({
        id,
        line: lineNumber,
        ...(cliResult({
          ok: false,
          error: { ...info, message: `context: ${info.message}` },
          decision,
        }) as object),
      });
    }
  }
  return toJsonText({ id, line: lineNumber, ...(cliResult(inspect(line, { policy, facts })) as object) });
}

function readObject(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined; // not JSON: inspect reports why
    throw error;
  }
}
