import type { Address, Hex } from 'viem';
import { getAddress } from 'viem';
import { CHOICE_OPTIONS, type ProfileChoices } from '$lib/cloud/profiles';
import {
  DECISION_SCHEMA,
  type Decision,
  type Finding,
  type TraceEntry,
  type Verdict,
} from '$lib/edge/gate/decision';
import type { Severity } from '$lib/edge/gate/policy';
import {
  DEFAULT_CLOUD_TIMEOUT_MS,
  MAX_API_KEY_CHARS,
  MAX_BASE_URL_CHARS,
  MAX_CLOUD_TIMEOUT_MS,
  MAX_MODEL_CHARS,
  MIN_CLOUD_TIMEOUT_MS,
} from './cloudPrefs';
import { ContextError } from './errors';
import {
  type CloudPrefs,
  type ContactRecord,
  type ContextData,
  type DecisionLogRecord,
  type DelegateRecord,
  type Direction,
  type ExposureRecord,
  type HistoryRecord,
  type ListEntry,
  type PolicyRecord,
  type PrefsRecord,
  type PrivateStoreName,
  type PrivateStores,
  privateStoreNames,
  type UserAction,
  type WalletConnectPrefs,
} from './records';

/**
 * The export file of the private context: `{ format, version, exportedAt, data }`, where `data`
 * holds every private store as an array of its records. `schemas/context-export.schema.json`
 * describes the same format; the parser here is stricter than the schema can say (checksums,
 * real dates, amounts below 2^256, unique ids, a decision's verdict matching its record's).
 */

export const EXPORT_FORMAT = 'vigil.context';
export const EXPORT_VERSION = 1;

/** A whole export file, as written. */
export type ContextExport = {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof EXPORT_VERSION;
  /** ISO 8601, UTC. */
  readonly exportedAt: string;
  readonly data: ContextData;
};

/** The largest export text read, in characters (64 MiB). */
export const MAX_EXPORT_CHARS = 64 * 1024 * 1024;
/** The most records one store may hold in an export. */
export const MAX_RECORDS: Readonly<Record<PrivateStoreName, number>> = {
  policy: 1,
  lists: 100_000,
  addressBook: 100_000,
  history: 100_000,
  exposure: 100_000,
  decisions: 10_000,
  delegates: 100_000,
  prefs: 3,
};
export const MAX_ID_CHARS = 100;
export const MAX_NAME_CHARS = 200;
export const MAX_NOTE_CHARS = 2_000;
/** The longest logged input (1 MiB of text). */
export const MAX_LOGGED_INPUT_CHARS = 1024 * 1024;

/** Other caps, on fields whose real values are far smaller. */
const MAX_KIND_CHARS = 100;
const MAX_DECISION_TEXT_CHARS = 10_000;
const MAX_LIST_ITEMS = 10_000;
const MAX_CHAINS = 1_000;
/** Hex results: a transaction hash, or a signature (smart-account signatures can be long). */
const MAX_RESULT_CHARS = 100_000;
const MAX_DOCUMENT_DEPTH = 32;
/** Key names that would reach an object's prototype machinery if they were ever assigned. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** The export document of a context: records copied as they are, `exportedAt` in ISO 8601 (UTC). */
export function toExportDocument(data: ContextData, exportedAt: number): ContextExport {
  if (!Number.isSafeInteger(exportedAt) || exportedAt < 0 || exportedAt > LAST_4_DIGIT_YEAR_MS)
    throw new ContextError('invalidInput', `The export time ${String(exportedAt)} is not a valid date.`, {
      path: 'exportedAt',
    });
  const copy = {} as { -readonly [K in PrivateStoreName]: readonly PrivateStores[K][] };
  for (const name of privateStoreNames) (copy as Record<string, unknown>)[name] = [...data[name]];
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    data: copy,
  };
}

/** The export file's text: the document as indented JSON. */
export function exportText(data: ContextData, exportedAt: number): string {
  return JSON.stringify(toExportDocument(data, exportedAt), null, 2);
}

/**
 * Reads an export file. The whole document is validated before anything is returned, so the
 * caller imports all of it or nothing. Records are rebuilt field by field (addresses in their
 * EIP-55 form); no parsed object is returned as is. Throws `invalidImport` naming the first
 * offending path (`$` is the document, `$.data.lists[3].address` one field).
 */
export function parseExportDocument(text: string): ContextData {
  if (typeof text !== 'string') fail('$', 'expected the text of an export file.');
  if (text.length > MAX_EXPORT_CHARS)
    fail('$', `the file is larger than ${MAX_EXPORT_CHARS / 1024 / 1024} MiB, the most Vigil imports.`);
  const root = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!isObject(root)) fail('$', 'this is not a Vigil export: expected a JSON object.');
  if (!Object.hasOwn(root, 'format') || root.format !== EXPORT_FORMAT)
    fail('$.format', `this is not a Vigil context export: "format" must be "${EXPORT_FORMAT}".`);
  const { version } = root;
  if (typeof version === 'number' && Number.isSafeInteger(version) && version > EXPORT_VERSION)
    fail(
      '$.version',
      `this file was made by a newer Vigil (export version ${version}; this Vigil reads version ${EXPORT_VERSION}). Update Vigil to import it.`,
    );
  if (version !== EXPORT_VERSION) fail('$.version', `the export version must be ${EXPORT_VERSION}.`);
  const doc = object(root, '$', ['format', 'version', 'exportedAt', 'data']);
  isoTime(doc.exportedAt, '$.exportedAt');
  const data = object(doc.data, '$.data', privateStoreNames);
  const stores = {} as Record<PrivateStoreName, unknown[]>;
  for (const name of privateStoreNames) {
    const path = `$.data.${name}`;
    const records = array(data[name], path, MAX_RECORDS[name]);
    const ids = new Map<string, number>();
    stores[name] = records.map((value, i) => {
      const recordPath = `${path}[${i}]`;
      const record = readers[name](value, recordPath);
      const seen = ids.get(record.id);
      if (seen !== undefined)
        fail(
          `${recordPath}.id`,
          `the id ${quote(record.id)} is used twice in ${name} (also at ${path}[${seen}]).`,
        );
      ids.set(record.id, i);
      return record;
    });
  }
  return stores as unknown as ContextData;
}

type Reader<T> = (value: unknown, path: string) => T;
type JsonObject = { readonly [key: string]: unknown };

const readers: { readonly [K in PrivateStoreName]: Reader<PrivateStores[K]> } = {
  policy: readPolicy,
  lists: readListEntry,
  addressBook: readContact,
  history: readHistory,
  exposure: readExposure,
  decisions: readDecisionLog,
  delegates: readDelegate,
  prefs: readPrefs,
};

function readPolicy(value: unknown, path: string): PolicyRecord {
  const o = object(value, path, ['id', 'document', 'exposureWindowDays', 'updatedAt']);
  if (o.id !== 'current') fail(`${path}.id`, 'the policy record’s id must be "current".');
  const document = jsonValue(o.document, `${path}.document`, 0);
  if (!isObject(document)) fail(`${path}.document`, 'expected a JSON object.');
  return {
    id: 'current',
    document,
    exposureWindowDays: integer(o.exposureWindowDays, `${path}.exposureWindowDays`, 1, 3_650),
    updatedAt: time(o.updatedAt, `${path}.updatedAt`),
  };
}

function readListEntry(value: unknown, path: string): ListEntry {
  const o = object(value, path, ['id', 'list', 'address', 'note', 'addedAt']);
  return {
    id: id(o.id, `${path}.id`),
    list: oneOf(o.list, `${path}.list`, ['allow', 'deny'] as const),
    address: address(o.address, `${path}.address`),
    note: string(o.note, `${path}.note`, 0, MAX_NOTE_CHARS),
    addedAt: time(o.addedAt, `${path}.addedAt`),
  };
}

function readContact(value: unknown, path: string): ContactRecord {
  const o = object(value, path, ['id', 'name', 'address', 'chains', 'notes', 'createdAt', 'updatedAt']);
  return {
    id: id(o.id, `${path}.id`),
    name: string(o.name, `${path}.name`, 1, MAX_NAME_CHARS),
    address: address(o.address, `${path}.address`),
    chains: chains(o.chains, `${path}.chains`),
    notes: string(o.notes, `${path}.notes`, 0, MAX_NOTE_CHARS),
    createdAt: time(o.createdAt, `${path}.createdAt`),
    updatedAt: time(o.updatedAt, `${path}.updatedAt`),
  };
}

function readDelegate(value: unknown, path: string): DelegateRecord {
  const o = object(value, path, ['id', 'address', 'chains', 'note', 'addedAt']);
  return {
    id: id(o.id, `${path}.id`),
    address: address(o.address, `${path}.address`),
    chains: chains(o.chains, `${path}.chains`),
    note: string(o.note, `${path}.note`, 0, MAX_NOTE_CHARS),
    addedAt: time(o.addedAt, `${path}.addedAt`),
  };
}

const directionValues = ['sent', 'granted', 'received'] as const satisfies readonly Direction[];

function readHistory(value: unknown, path: string): HistoryRecord {
  const o = object(value, path, ['id', 'address', 'firstSeen', 'lastSeen', 'count', 'directions']);
  const firstSeen = time(o.firstSeen, `${path}.firstSeen`);
  const lastSeen = time(o.lastSeen, `${path}.lastSeen`);
  if (lastSeen < firstSeen) fail(`${path}.lastSeen`, 'lastSeen is earlier than firstSeen.');
  const directions = array(o.directions, `${path}.directions`, directionValues.length).map((d, i) =>
    oneOf(d, `${path}.directions[${i}]`, directionValues),
  );
  if (new Set(directions).size !== directions.length)
    fail(`${path}.directions`, 'a direction is listed twice.');
  return {
    id: id(o.id, `${path}.id`),
    address: address(o.address, `${path}.address`),
    firstSeen,
    lastSeen,
    count: integer(o.count, `${path}.count`, 0, Number.MAX_SAFE_INTEGER),
    directions,
  };
}

function readExposure(value: unknown, path: string): ExposureRecord {
  const o = object(value, path, ['id', 'day', 'asset', 'counterparty', 'amount', 'count']);
  return {
    id: id(o.id, `${path}.id`),
    day: day(o.day, `${path}.day`),
    asset: o.asset === 'native' ? 'native' : address(o.asset, `${path}.asset`, '"native" or a token address'),
    counterparty: address(o.counterparty, `${path}.counterparty`),
    amount: amount(o.amount, `${path}.amount`),
    count: integer(o.count, `${path}.count`, 0, Number.MAX_SAFE_INTEGER),
  };
}

const verdictValues = ['allow', 'stepup', 'block'] as const satisfies readonly Verdict[];
const userActionValues = [
  'pending',
  'signed',
  'cancelled',
  'overridden',
  'rejected',
  'failed',
] as const satisfies readonly UserAction[];

function readDecisionLog(value: unknown, path: string): DecisionLogRecord {
  const o = object(
    value,
    path,
    ['id', 'at', 'inputBytes', 'kind', 'decision', 'verdict', 'rules', 'counterparties', 'userAction'],
    ['input', 'chainId', 'actedAt', 'result', 'resultHash'],
  );
  const verdict = oneOf(o.verdict, `${path}.verdict`, verdictValues);
  return {
    id: id(o.id, `${path}.id`),
    at: time(o.at, `${path}.at`),
    ...(Object.hasOwn(o, 'input') && { input: string(o.input, `${path}.input`, 0, MAX_LOGGED_INPUT_CHARS) }),
    inputBytes: integer(o.inputBytes, `${path}.inputBytes`, 0, Number.MAX_SAFE_INTEGER),
    kind: string(o.kind, `${path}.kind`, 1, MAX_KIND_CHARS),
    decision: readDecision(o.decision, `${path}.decision`, verdict),
    verdict,
    rules: array(o.rules, `${path}.rules`, MAX_LIST_ITEMS).map((r, i) =>
      string(r, `${path}.rules[${i}]`, 1, MAX_NAME_CHARS),
    ),
    counterparties: array(o.counterparties, `${path}.counterparties`, MAX_LIST_ITEMS).map((a, i) =>
      address(a, `${path}.counterparties[${i}]`),
    ),
    ...(Object.hasOwn(o, 'chainId') && { chainId: chainId(o.chainId, `${path}.chainId`) }),
    userAction: oneOf(o.userAction, `${path}.userAction`, userActionValues),
    ...(Object.hasOwn(o, 'actedAt') && { actedAt: time(o.actedAt, `${path}.actedAt`) }),
    ...(Object.hasOwn(o, 'result') && { result: hexBytes(o.result, `${path}.result`) }),
    ...(Object.hasOwn(o, 'resultHash') && { resultHash: hash(o.resultHash, `${path}.resultHash`) }),
  };
}

const severityValues = ['info', 'low', 'medium', 'high', 'critical'] as const satisfies readonly Severity[];
const rulePattern = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** A gate decision, checked as `schemas/decision.schema.json` says, and its verdict against the record's. */
function readDecision(value: unknown, path: string, recordVerdict: Verdict): Decision {
  const o = object(value, path, [
    'schema',
    'verdict',
    'reasons',
    'findings',
    'confidence',
    'risk',
    'action',
    'trace',
    'payloadHash',
    'policyHash',
    'policy',
  ]);
  if (o.schema !== DECISION_SCHEMA) fail(`${path}.schema`, `expected "${DECISION_SCHEMA}".`);
  const verdict = oneOf(o.verdict, `${path}.verdict`, verdictValues);
  if (verdict !== recordVerdict)
    fail(`${path}.verdict`, `the decision says "${verdict}" but its log record says "${recordVerdict}".`);
  const text = (v: unknown, p: string) => string(v, p, 1, MAX_DECISION_TEXT_CHARS);
  return {
    schema: DECISION_SCHEMA,
    verdict,
    reasons: array(o.reasons, `${path}.reasons`, MAX_LIST_ITEMS).map((r, i) =>
      text(r, `${path}.reasons[${i}]`),
    ),
    findings: array(o.findings, `${path}.findings`, MAX_LIST_ITEMS).map((f, i) =>
      readFinding(f, `${path}.findings[${i}]`),
    ),
    confidence: unit(o.confidence, `${path}.confidence`),
    risk: unit(o.risk, `${path}.risk`),
    action: text(o.action, `${path}.action`),
    trace: array(o.trace, `${path}.trace`, MAX_LIST_ITEMS).map((t, i) => readTrace(t, `${path}.trace[${i}]`)),
    payloadHash: hash(o.payloadHash, `${path}.payloadHash`, true),
    policyHash: hash(o.policyHash, `${path}.policyHash`, true),
    policy: text(o.policy, `${path}.policy`),
  };
}

function readFinding(value: unknown, path: string): Finding {
  const o = object(value, path, ['rule', 'severity', 'message', 'path']);
  return {
    rule: ruleId(o.rule, `${path}.rule`),
    severity: oneOf(o.severity, `${path}.severity`, severityValues),
    message: string(o.message, `${path}.message`, 1, MAX_DECISION_TEXT_CHARS),
    path: string(o.path, `${path}.path`, 1, MAX_DECISION_TEXT_CHARS),
  };
}

/** One trace entry, held to its outcome's exact shape (`fired` has a severity, `skipped` what was missing). */
function readTrace(value: unknown, path: string): TraceEntry {
  if (!isObject(value)) fail(path, 'expected an object.');
  const outcome = oneOf(value.outcome, `${path}.outcome`, ['fired', 'clear', 'disabled', 'skipped'] as const);
  switch (outcome) {
    case 'fired': {
      const o = object(value, path, ['rule', 'outcome', 'severity']);
      return {
        rule: ruleId(o.rule, `${path}.rule`),
        outcome,
        severity: oneOf(o.severity, `${path}.severity`, severityValues),
      };
    }
    case 'skipped': {
      const o = object(value, path, ['rule', 'outcome', 'missing']);
      return {
        rule: ruleId(o.rule, `${path}.rule`),
        outcome,
        missing: array(o.missing, `${path}.missing`, MAX_LIST_ITEMS).map((m, i) =>
          string(m, `${path}.missing[${i}]`, 1, MAX_NAME_CHARS),
        ),
      };
    }
    default: {
      const o = object(value, path, ['rule', 'outcome']);
      return { rule: ruleId(o.rule, `${path}.rule`), outcome };
    }
  }
}

function readPrefs(value: unknown, path: string): PrefsRecord {
  if (!isObject(value)) fail(path, 'expected an object.');
  const kind = oneOf(value.id, `${path}.id`, ['models', 'cloud', 'walletconnect'] as const);
  if (kind === 'walletconnect') return readWalletConnectPrefs(value, path);
  if (kind === 'models') {
    const o = object(value, path, ['id', 'loadAtStart'], ['nano', 'verifier']);
    return {
      id: 'models',
      loadAtStart: boolean(o.loadAtStart, `${path}.loadAtStart`),
      ...(Object.hasOwn(o, 'nano') && { nano: string(o.nano, `${path}.nano`, 0, MAX_NAME_CHARS) }),
      ...(Object.hasOwn(o, 'verifier') && {
        verifier: string(o.verifier, `${path}.verifier`, 0, MAX_NAME_CHARS),
      }),
    };
  }
  return readCloudPrefs(value, path);
}

/**
 * Cloud settings. URL, model and key are read as text (a draft is kept even when it is not usable
 * yet; `cloudSetup` refuses an unusable one); the timeout, the override and the time are strict. A
 * file from before the timeout existed gets the default.
 */
function readCloudPrefs(value: unknown, path: string): CloudPrefs {
  const o = object(
    value,
    path,
    ['id', 'enabled', 'baseUrl', 'model', 'apiKey', 'profile'],
    ['override', 'timeoutMs', 'updatedAt'],
  );
  return {
    id: 'cloud',
    enabled: boolean(o.enabled, `${path}.enabled`),
    baseUrl: string(o.baseUrl, `${path}.baseUrl`, 0, MAX_BASE_URL_CHARS),
    model: string(o.model, `${path}.model`, 0, MAX_MODEL_CHARS),
    apiKey: string(o.apiKey, `${path}.apiKey`, 0, MAX_API_KEY_CHARS),
    profile: oneOf(o.profile, `${path}.profile`, ['strict', 'default', 'override'] as const),
    ...(Object.hasOwn(o, 'override') && { override: choices(o.override, `${path}.override`) }),
    timeoutMs: Object.hasOwn(o, 'timeoutMs')
      ? integer(o.timeoutMs, `${path}.timeoutMs`, MIN_CLOUD_TIMEOUT_MS, MAX_CLOUD_TIMEOUT_MS)
      : DEFAULT_CLOUD_TIMEOUT_MS,
    ...(Object.hasOwn(o, 'updatedAt') && { updatedAt: time(o.updatedAt, `${path}.updatedAt`) }),
  };
}

/** A privacy override: one allowed choice for each field class, nothing else. */
function choices(value: unknown, path: string): ProfileChoices {
  const o = object(value, path, ['amount', 'counterparty', 'freeText', 'timing']);
  return {
    amount: oneOf(o.amount, `${path}.amount`, CHOICE_OPTIONS.amount),
    counterparty: oneOf(o.counterparty, `${path}.counterparty`, CHOICE_OPTIONS.counterparty),
    freeText: oneOf(o.freeText, `${path}.freeText`, CHOICE_OPTIONS.freeText),
    timing: oneOf(o.timing, `${path}.timing`, CHOICE_OPTIONS.timing),
  };
}

function readWalletConnectPrefs(value: unknown, path: string): WalletConnectPrefs {
  const o = object(value, path, ['id', 'projectId'], ['updatedAt']);
  if (typeof o.projectId !== 'string' || !/^[0-9a-fA-F]{32}$/.test(o.projectId))
    fail(`${path}.projectId`, 'expected a WalletConnect project id: 32 hexadecimal characters.');
  return {
    id: 'walletconnect',
    projectId: o.projectId.toLowerCase(),
    ...(Object.hasOwn(o, 'updatedAt') && { updatedAt: time(o.updatedAt, `${path}.updatedAt`) }),
  };
}

// --- field readers: each returns the value (rebuilt where it is an object) or throws at its path ---

function fail(path: string, message: string): never {
  throw new ContextError('invalidImport', `At ${path}: ${message}`, { path });
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with exactly these members: every required one present, nothing unknown. */
function object(
  value: unknown,
  path: string,
  required: readonly string[],
  optional: readonly string[] = [],
): JsonObject {
  if (!isObject(value)) fail(path, 'expected an object.');
  for (const key of Object.keys(value))
    if (!required.includes(key) && !optional.includes(key)) fail(at(path, key), 'unknown field.');
  for (const key of required) if (!Object.hasOwn(value, key)) fail(at(path, key), 'missing.');
  return value;
}

function array(value: unknown, path: string, max: number): readonly unknown[] {
  if (!Array.isArray(value)) fail(path, 'expected an array.');
  if (value.length > max) fail(path, `at most ${max} entries are allowed (found ${value.length}).`);
  return value;
}

function string(value: unknown, path: string, min: number, max: number): string {
  if (typeof value !== 'string') fail(path, 'expected a string.');
  if (value.length < min)
    fail(path, min === 1 ? 'must not be empty.' : `must be at least ${min} characters.`);
  if (value.length > max) fail(path, `must be at most ${max} characters (found ${value.length}).`);
  return value;
}

function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'expected true or false.');
  return value;
}

function integer(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max)
    fail(path, `expected a whole number from ${min} to ${max}.`);
  return value;
}

/** Unix milliseconds. */
function time(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    fail(path, 'expected a time: a whole, non-negative number of milliseconds.');
  return value;
}

function unit(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1)
    fail(path, 'expected a number from 0 to 1.');
  return value;
}

function oneOf<const T extends string>(value: unknown, path: string, values: readonly T[]): T {
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value))
    fail(path, `expected one of ${values.map((v) => `"${v}"`).join(', ')}.`);
  return value as T;
}

function id(value: unknown, path: string): string {
  return string(value, path, 1, MAX_ID_CHARS);
}

function chainId(value: unknown, path: string): number {
  return integer(value, path, 1, Number.MAX_SAFE_INTEGER);
}

function chains(value: unknown, path: string): number[] {
  return array(value, path, MAX_CHAINS).map((c, i) => chainId(c, `${path}[${i}]`));
}

function ruleId(value: unknown, path: string): string {
  const rule = string(value, path, 1, MAX_NAME_CHARS);
  if (!rulePattern.test(rule)) fail(path, `${quote(rule)} is not a rule id (such as "approval.unlimited").`);
  return rule;
}

const addressPattern = /^0x[0-9a-fA-F]{40}$/;

/** Any case is accepted; a mixed-case address must carry a correct EIP-55 checksum. Returns the checksummed form. */
function address(value: unknown, path: string, expected = 'an address'): Address {
  if (typeof value !== 'string' || !addressPattern.test(value))
    fail(
      path,
      `expected ${expected} (0x followed by 40 hex digits)${typeof value === 'string' ? `, found ${quote(value)}` : ''}.`,
    );
  const body = value.slice(2);
  const checksummed = getAddress(`0x${body.toLowerCase()}`);
  if (body !== body.toLowerCase() && body !== body.toUpperCase() && checksummed !== value)
    fail(path, `the address checksum is wrong: ${value} (EIP-55 expects ${checksummed}).`);
  return checksummed;
}

const MAX_UINT256 = (1n << 256n) - 1n;

/** A non-negative integer below 2^256, in decimal without leading zeros. */
function amount(value: unknown, path: string): string {
  if (typeof value !== 'string' || !/^(0|[1-9][0-9]{0,77})$/.test(value))
    fail(path, 'expected an amount: a whole, non-negative decimal number, as a string.');
  if (BigInt(value) > MAX_UINT256) fail(path, 'the amount is 2^256 or more, larger than any token amount.');
  return value;
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD`, a real calendar day. */
function day(value: unknown, path: string): string {
  const match = typeof value === 'string' ? dayPattern.exec(value) : null;
  if (!match || !isRealDay(Number(match[1]), Number(match[2]), Number(match[3])))
    fail(path, `expected a day as YYYY-MM-DD${typeof value === 'string' ? `, found ${quote(value)}` : ''}.`);
  return value as string;
}

function isRealDay(year: number, month: number, date: number): boolean {
  if (month < 1 || month > 12 || date < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return date <= days;
}

const LAST_4_DIGIT_YEAR_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

function isoTime(value: unknown, path: string): string {
  const match = typeof value === 'string' ? isoPattern.exec(value) : null;
  if (!match || !isRealDay(Number(match[1]), Number(match[2]), Number(match[3])))
    fail(path, 'expected a date and time in ISO 8601 (such as 2025-01-31T12:00:00.000Z).');
  return value as string;
}

/** 32 bytes of hex; the gate's hashes are lowercase. */
function hash(value: unknown, path: string, lowercase = false): Hex {
  const pattern = lowercase ? /^0x[0-9a-f]{64}$/ : /^0x[0-9a-fA-F]{64}$/;
  if (typeof value !== 'string' || !pattern.test(value))
    fail(path, `expected a 32-byte hash: 0x followed by 64${lowercase ? ' lowercase' : ''} hex digits.`);
  return value as Hex;
}

function hexBytes(value: unknown, path: string): Hex {
  if (typeof value !== 'string' || value.length > MAX_RESULT_CHARS || !/^0x(?:[0-9a-fA-F]{2})+$/.test(value))
    fail(path, 'expected hex bytes: 0x followed by an even number of hex digits.');
  return value as Hex;
}

/** Any JSON value, copied; objects lose no member but may not use a prototype key or nest too deep. */
function jsonValue(value: unknown, path: string, depth: number): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(path, 'expected a finite number.');
    return value;
  }
  if (depth >= MAX_DOCUMENT_DEPTH) fail(path, `nested deeper than ${MAX_DOCUMENT_DEPTH} levels.`);
  if (Array.isArray(value)) return value.map((item, i) => jsonValue(item, `${path}[${i}]`, depth + 1));
  if (typeof value !== 'object') fail(path, 'expected a JSON value.');
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (forbiddenKeys.has(key)) fail(at(path, key), 'this key name is not allowed.');
    copy[key] = jsonValue(item, at(path, key), depth + 1);
  }
  return copy;
}

/** JSON.parse, with a syntax error located by line and column. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const { offset, early } = syntaxError(text);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const where = `line ${line}, column ${column}`;
    throw new ContextError(
      'invalidImport',
      early
        ? `At $: the file ends before its JSON is complete (${where}); it may be cut short.`
        : `At $: the file is not valid JSON (it breaks at ${where}).`,
      { path: '$', cause: error },
    );
  }
}

type SyntaxState = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'after';
const escapes = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/**
 * Where JSON text first goes wrong, for the message (JSON.parse does not always say): the offset
 * of the first bad character, or the end with `early` when the text stops mid-value. Iterative,
 * so no nesting depth overflows it. Only called once JSON.parse has failed.
 */
function syntaxError(text: string): { offset: number; early: boolean } {
  const n = text.length;
  const stack: string[] = [];
  let state: SyntaxState = 'value';
  let i = 0;
  const bad = (offset: number) => ({ offset: Math.min(offset, n), early: offset >= n });
  const scanString = (): number | undefined => {
    for (i++; i < n; i++) {
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c.charCodeAt(0) < 0x20) return i;
      if (c === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          for (let k = i + 2; k < i + 6; k++) if (!/[0-9a-fA-F]/.test(text[k] ?? '')) return k;
          i += 5;
        } else if (next !== undefined && escapes.has(next)) i++;
        else return i + 1;
      }
    }
    return n;
  };
  const digit = (k: number) => {
    const c = text[k];
    return c !== undefined && c >= '0' && c <= '9';
  };
  const digits = () => {
    while (digit(i)) i++;
  };
  const scanNumber = (): number | undefined => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (digit(i)) digits();
    else return i;
    if (text[i] === '.') {
      i++;
      if (!digit(i)) return i;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!digit(i)) return i;
      digits();
    }
    return undefined;
  };
  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (i >= n) return bad(n);
    const c = text[i] as string;
    if (state === 'value' || state === 'valueOrClose') {
      if (state === 'valueOrClose' && c === ']') {
        stack.pop();
        i++;
        state = 'after';
      } else if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        state = c === '{' ? 'keyOrClose' : 'valueOrClose';
      } else if (c === '"') {
        const stop = scanString();
        if (stop !== undefined) return bad(stop);
        state = 'after';
      } else if (c === '-' || (c >= '0' && c <= '9')) {
        const stop = scanNumber();
        if (stop !== undefined) return bad(stop);
        state = 'after';
      } else {
        const literal = ['true', 'false', 'null'].find((l) => l[0] === c);
        if (!literal) return bad(i);
        for (const expected of literal) {
          if (text[i] !== expected) return bad(i);
          i++;
        }
        state = 'after';
      }
    } else if (state === 'key' || state === 'keyOrClose') {
      if (state === 'keyOrClose' && c === '}') {
        stack.pop();
        i++;
        state = 'after';
      } else if (c === '"') {
        const stop = scanString();
        if (stop !== undefined) return bad(stop);
        state = 'colon';
      } else return bad(i);
    } else if (state === 'colon') {
      if (c !== ':') return bad(i);
      i++;
      state = 'value';
    } else {
      const top = stack.at(-1);
      if (top === undefined) return bad(i);
      if (c === ',') state = top === '{' ? 'key' : 'value';
      else if ((c === '}' && top === '{') || (c === ']' && top === '[')) stack.pop();
      else return bad(i);
      i++;
    }
  }
}

/** Joins a path and a member name; odd or long names are quoted and cut. */
function at(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]{0,63}$/.test(key) ? `${path}.${key}` : `${path}[${quote(key)}]`;
}

/** A short, safe rendering of untrusted text for a message. */
function quote(text: string, max = 64): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}
