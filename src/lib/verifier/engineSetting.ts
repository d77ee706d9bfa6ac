import type { Completion, CompletionRequest } from './complete';
import { EngineSettingError } from './errors';

/**
 * The explicit engine setting, read from localStorage `vigil.llm.engine`. Absent: the real engine
 * (web-llm). Present: it must be valid JSON of the shape below, or local models are unavailable
 * and the panel says why. Vigil never picks the replay engine by looking at the environment.
 */

/** The localStorage key of the setting. */
export const engineSettingKey = 'vigil.llm.engine';

/** One recorded model output. */
export type Recording = {
  readonly task: CompletionRequest['task'];
  /** A substring the request's last user message must contain; absent: any message. */
  readonly match?: string;
  readonly text: string;
  readonly finishReason?: Completion['finishReason'];
  /** How long the "model" takes, in ms. */
  readonly delayMs?: number;
  /** Replays a failure: the completion rejects with this message. */
  readonly error?: string;
};

/** The replay setting. */
export type ReplaySetting = {
  readonly kind: 'replay';
  readonly recordings: readonly Recording[];
  /** How long the simulated load takes, in ms (default {@link defaultReplayLoadMs}). */
  readonly loadMs?: number;
};

/** What the setting asks for. */
export type EngineSetting =
  | { readonly kind: 'webllm' }
  | ReplaySetting
  | { readonly kind: 'invalid'; readonly message: string };

export const defaultReplayLoadMs = 1_200;
/** The longest delay a recording or load may ask for (a test setting, not a benchmark). */
export const maxReplayDelayMs = 120_000;

const tasks: readonly Recording['task'][] = ['intent', 'explain', 'verify', 'audit'];
const finishReasons: readonly Completion['finishReason'][] = ['stop', 'length', 'abort', 'other'];

function object(value: unknown, path: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new EngineSettingError(path, 'expected an object');
  return value as Readonly<Record<string, unknown>>;
}

function onlyKeys(value: Readonly<Record<string, unknown>>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(value))
    if (!allowed.includes(key))
      throw new EngineSettingError(`${path}.${key}`, `unknown field (allowed: ${allowed.join(', ')})`);
}

function delay(value: unknown, path: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > maxReplayDelayMs)
    throw new EngineSettingError(path, `expected whole milliseconds from 0 to ${maxReplayDelayMs}`);
  return value as number;
}

function recording(value: unknown, path: string): Recording {
  const o = object(value, path);
  onlyKeys(o, ['task', 'match', 'text', 'finishReason', 'delayMs', 'error'], path);
  if (!tasks.includes(o.task as Recording['task']))
    throw new EngineSettingError(`${path}.task`, `expected one of ${tasks.join(', ')}`);
  if (typeof o.text !== 'string') throw new EngineSettingError(`${path}.text`, 'expected a string');
  if (o.match !== undefined && typeof o.match !== 'string')
    throw new EngineSettingError(`${path}.match`, 'expected a string');
  if (o.finishReason !== undefined && !finishReasons.includes(o.finishReason as Completion['finishReason']))
    throw new EngineSettingError(`${path}.finishReason`, `expected one of ${finishReasons.join(', ')}`);
  if (o.error !== undefined && (typeof o.error !== 'string' || o.error.trim() === ''))
    throw new EngineSettingError(`${path}.error`, 'expected a non-empty string');
  return {
    task: o.task as Recording['task'],
    ...(o.match !== undefined && { match: o.match as string }),
    text: o.text,
    ...(o.finishReason !== undefined && { finishReason: o.finishReason as Completion['finishReason'] }),
    ...(o.delayMs !== undefined && { delayMs: delay(o.delayMs, `${path}.delayMs`) }),
    ...(o.error !== undefined && { error: o.error as string }),
  };
}

/** Reads the setting's raw value (`null`: not set); throws an {@link EngineSettingError}. */
export function parseEngineSetting(raw: string | null): Exclude<EngineSetting, { kind: 'invalid' }> {
  if (raw === null) return { kind: 'webllm' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new EngineSettingError('$', `not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const o = object(value, '$');
  if (o.kind === 'webllm') {
    onlyKeys(o, ['kind'], '$');
    return { kind: 'webllm' };
  }
  if (o.kind !== 'replay') throw new EngineSettingError('$.kind', 'expected "replay" (or "webllm")');
  onlyKeys(o, ['kind', 'recordings', 'loadMs'], '$');
  if (!Array.isArray(o.recordings)) throw new EngineSettingError('$.recordings', 'expected an array');
  return {
    kind: 'replay',
    recordings: o.recordings.map((r, i) => recording(r, `$.recordings[${i}]`)),
    ...(o.loadMs !== undefined && { loadMs: delay(o.loadMs, '$.loadMs') }),
  };
}

/** Reads the setting from storage; a bad one is reported, never thrown. */
export function readEngineSetting(storage: Pick<Storage, 'getItem'> | undefined): EngineSetting {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(engineSettingKey) ?? null;
  } catch (error) {
    // Storage can be disabled: then there is no test setting either.
    console.warn('Vigil: cannot read the engine setting', error);
  }
  try {
    return parseEngineSetting(raw);
  } catch (error) {
    return { kind: 'invalid', message: error instanceof Error ? error.message : String(error) };
  }
}
