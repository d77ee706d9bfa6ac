import { concatBytes, hexToBytes, keccak256, numberToBytes } from 'viem';
import { choicesOf, type ProfileChoices } from '../lib/cloud/profiles';
import { sanitize } from '../lib/cloud/sanitize';
import type { PrivacyProfile } from '../lib/cloud/sanitized';
import { ParseError } from '../lib/edge/errors';
import { type Facts, noFacts } from '../lib/edge/gate/facts';
import { parseContext } from '../lib/edge/gate/parseContext';
import { inspect } from '../lib/edge/inspect';
import { toJsonText } from '../lib/edge/json';

/** How a sanitize run projects its cases. */
export type SanitizeRun = {
  readonly profile: PrivacyProfile;
  readonly override?: Partial<ProfileChoices>;
  /** The run's facts: only `from` reaches the sanitizer (as the user's own address). */
  readonly facts?: Facts;
};

/**
 * Reads `--override amount=exact,counterparty=pseudonym`: per-class choices, validated the way
 * the sanitizer validates them (throws on an unknown class or value).
 */
export function parseOverride(text: string): Partial<ProfileChoices> {
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const [key, value, ...extra] = part.split('=').map((s) => s.trim());
    if (!key || !value || extra.length > 0)
      throw new Error(`--override expects class=choice pairs, got "${part}"`);
    out[key] = value;
  }
  choicesOf('override', out as Partial<ProfileChoices>);
  return out as Partial<ProfileChoices>;
}

/** The salt of case `index` of a run: keccak256(run salt ‖ index), so no two cases share pseudonyms. */
export function caseSalt(runSalt: Uint8Array, index: number): Uint8Array {
  return hexToBytes(keccak256(concatBytes([runSalt, numberToBytes(index, { size: 8 })])));
}

/**
 * The exact request the cloud tier would receive for one input (or `{ ok: false, error }` when
 * the input does not inspect), as one JSON line. A JSONL case's `context` is merged over the
 * run's facts, as `inspect --jsonl` does.
 */
export function sanitizeLine(input: string, lineNumber: number, run: SanitizeRun, salt: Uint8Array): string {
  let facts = run.facts ?? noFacts;
  let id: string | null = null;
  const object = readObject(input);
  if (object) {
    if (typeof object.id === 'string' || typeof object.id === 'number') id = String(object.id);
    if (object.context !== undefined) {
      try {
        facts = parseContext(object.context, facts);
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
        return toJsonText({ id, line: lineNumber, ok: false, error: `context: ${error.message}` });
      }
    }
  }
  const result = inspect(input, { facts });
  if (!result.ok) return toJsonText({ id, line: lineNumber, ok: false, error: result.error });
  const request = sanitize({
    result,
    profile: run.profile,
    salt,
    ...(run.override && { override: run.override }),
    ...(facts.from && { self: [facts.from] }),
    ...(facts.chainId !== undefined && { chainId: facts.chainId }),
  });
  const { profile, classes, body } = request;
  return toJsonText({ id, line: lineNumber, ok: true, request: { profile, classes, body } });
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
