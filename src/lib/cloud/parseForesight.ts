import type { Completion } from '../verifier/complete';
import { finishedText, malformed } from '../verifier/finishedText';
import { readObject, readRisk, readText, readVerdict } from '../verifier/readFields';
import { OutputError, readJsonObject } from '../verifier/readJson';
import { FORESIGHT_TEXT_LIMITS, foresightSchema, MAX_INCIDENTS } from './foresightSchema';
import { type CloudResult, type Incident, REPUTATIONS, type Reputation } from './types';

/*
 * Total, like the verifier's parsers: any answer that is not exactly the `<FORESIGHT>` schema — cut
 * off, not JSON, prose around it, wrong types, extra keys, a risk outside [0, 1], too many incidents,
 * overlong text — becomes `{ kind: 'none', reason: 'malformed', detail }`. Text is cleaned of control
 * and bidi characters and stays text.
 */

const KEYS = foresightSchema.required;
const INCIDENT_KEYS = ['what', 'when', 'source'] as const;

function readReputation(value: unknown, path: string): Reputation {
  if (typeof value !== 'string' || !(REPUTATIONS as readonly string[]).includes(value))
    throw new OutputError(path, `expected one of ${REPUTATIONS.join(', ')}`);
  return value as Reputation;
}

/** An optional text: absent or "" is not stated. */
function readOptional(value: unknown, path: string, max: number): string | undefined {
  if (value === undefined || value === '') return undefined;
  return readText(value, path, max);
}

function readIncidents(value: unknown, path: string): Incident[] {
  if (!Array.isArray(value)) throw new OutputError(path, 'expected an array');
  if (value.length > MAX_INCIDENTS)
    throw new OutputError(path, `${value.length} incidents, more than ${MAX_INCIDENTS}`);
  return value.map((item, i) => {
    const at = `${path}[${i}]`;
    const object = readObject(item, at, INCIDENT_KEYS, ['what']);
    const when = readOptional(object.when, `${at}.when`, FORESIGHT_TEXT_LIMITS.when);
    const source = readOptional(object.source, `${at}.source`, FORESIGHT_TEXT_LIMITS.source);
    return {
      what: readText(object.what, `${at}.what`, FORESIGHT_TEXT_LIMITS.what),
      ...(when !== undefined && { when }),
      ...(source !== undefined && { source }),
    };
  });
}

/** The cloud model's `<FORESIGHT>` answer as cloud advice, or malformed. Never throws for bad input. */
export function parseForesight(completion: Completion): CloudResult {
  try {
    const object = readObject(readJsonObject(finishedText(completion, 'the server')), '$', KEYS, KEYS);
    return {
      kind: 'advice',
      source: 'cloud',
      mode: 'foresight',
      reputation: readReputation(object.reputation, '$.reputation'),
      incidents: readIncidents(object.incidents, '$.incidents'),
      context: readText(object.context, '$.context', FORESIGHT_TEXT_LIMITS.context, true),
      risk: readRisk(object.risk, '$.risk'),
      suggested: readVerdict(object.suggested, '$.suggested'),
      explanation: readText(object.explanation, '$.explanation', FORESIGHT_TEXT_LIMITS.explanation, true),
    };
  } catch (error) {
    return malformed(error);
  }
}
