import { type Address, getAddress } from 'viem';
import type { Verdict } from '../edge/gate/decision';
import { OutputError } from './readJson';
import { MAX_CONCERNS } from './schemas';
import { cleanText } from './text';
import {
  type AssetRef,
  type Concern,
  type CounterpartyRef,
  type IntentFields,
  type StatedAmount,
  USER_ACTION_KINDS,
  type UserActionKind,
} from './types';

/** Length caps (in code points, after cleaning) of the texts a model may write. */
export const TEXT_LIMITS = {
  symbol: 32,
  name: 64,
  concernField: 96,
  concernText: 300,
  explanation: 1200,
  audit: 1500,
} as const;

const kindOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;

/** A plain JSON object whose keys are all in `allowed` and include every one of `required`. */
export function readObject(
  value: unknown,
  path: string,
  allowed: readonly string[],
  required: readonly string[] = [],
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new OutputError(path, `expected an object, got ${kindOf(value)}`);
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object))
    if (!allowed.includes(key))
      throw new OutputError(path, `unexpected key ${JSON.stringify(key.slice(0, 40))}`);
  for (const key of required)
    if (!Object.hasOwn(object, key)) throw new OutputError(path, `missing "${key}"`);
  return object;
}

/** A string a person will read: cleaned (see cleanText), non-empty, at most `max` code points. */
export function readText(value: unknown, path: string, max: number, multiline = false): string {
  if (typeof value !== 'string') throw new OutputError(path, `expected a string, got ${kindOf(value)}`);
  const text = cleanText(value, { multiline });
  if (text.length === 0) throw new OutputError(path, 'empty');
  const length = Array.from(text).length;
  if (length > max) throw new OutputError(path, `${length} characters, more than ${max}`);
  return text;
}

/** An address, EIP-55 checksummed; lower-case hex is checksummed here, mixed case must already be. */
export function readAddress(value: unknown, path: string): Address {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(value))
    throw new OutputError(path, 'expected a 0x-prefixed 20-byte hex address');
  const checksummed = getAddress(value.toLowerCase());
  if (value.slice(2) !== value.slice(2).toLowerCase() && value !== checksummed)
    throw new OutputError(path, 'mixed-case address with a wrong EIP-55 checksum');
  return checksummed;
}

const DECIMAL = /^(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;

/** A non-negative decimal as a string (`10`, `0.5`): no sign, exponent, separators or units; at most 96 characters. */
export function readDecimal(value: unknown, path: string): string {
  if (typeof value !== 'string')
    throw new OutputError(path, `expected a decimal string, got ${kindOf(value)}`);
  if (value.length > 96 || !DECIMAL.test(value))
    throw new OutputError(path, 'expected a plain decimal such as "10" or "0.5"');
  return value;
}

/** A finite number within [0, 1]. */
export function readRisk(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new OutputError(path, `expected a finite number, got ${kindOf(value)}`);
  if (value < 0 || value > 1) throw new OutputError(path, `${value} is outside [0, 1]`);
  return value;
}

/** One of `allow`, `stepup`, `block`. */
export function readVerdict(value: unknown, path: string): Verdict {
  if (value !== 'allow' && value !== 'stepup' && value !== 'block')
    throw new OutputError(path, 'expected "allow", "stepup" or "block"');
  return value;
}

function readAction(value: unknown, path: string): UserActionKind {
  if (typeof value !== 'string' || !(USER_ACTION_KINDS as readonly string[]).includes(value))
    throw new OutputError(path, `expected one of ${USER_ACTION_KINDS.join(', ')}`);
  return value as UserActionKind;
}

const SYMBOL = /^[\p{L}\p{N}\p{Sc}._+-]+$/u;

/** An asset reference; `{}` means "not stated" and reads as `undefined`. */
function readAsset(value: unknown, path: string): AssetRef | undefined {
  const object = readObject(value, path, ['symbol', 'address']);
  let symbol: string | undefined;
  if (object.symbol !== undefined) {
    symbol = readText(object.symbol, `${path}.symbol`, TEXT_LIMITS.symbol);
    if (!SYMBOL.test(symbol))
      throw new OutputError(`${path}.symbol`, 'a ticker is letters, digits and . _ + - only');
  }
  const address = object.address === undefined ? undefined : readAddress(object.address, `${path}.address`);
  if (symbol === undefined && address === undefined) return undefined;
  return { ...(symbol !== undefined && { symbol }), ...(address && { address }) };
}

function readAmount(value: unknown, path: string): StatedAmount {
  const object = readObject(value, path, ['value', 'unlimited']);
  if (object.unlimited !== undefined && typeof object.unlimited !== 'boolean')
    throw new OutputError(`${path}.unlimited`, `expected a boolean, got ${kindOf(object.unlimited)}`);
  if (object.unlimited === true) {
    if (object.value !== undefined) throw new OutputError(path, 'both a value and unlimited');
    return { unlimited: true };
  }
  if (object.value === undefined) throw new OutputError(path, 'neither a value nor unlimited');
  return { value: readDecimal(object.value, `${path}.value`) };
}

/** A counterparty reference; `{}` means "not stated" and reads as `undefined`. */
function readCounterparty(value: unknown, path: string): CounterpartyRef | undefined {
  const object = readObject(value, path, ['address', 'name']);
  const address = object.address === undefined ? undefined : readAddress(object.address, `${path}.address`);
  const name =
    object.name === undefined ? undefined : readText(object.name, `${path}.name`, TEXT_LIMITS.name);
  if (address === undefined && name === undefined) return undefined;
  return { ...(address && { address }), ...(name !== undefined && { name }) };
}

/** Action, asset, amount and counterparty, each validated; fields left out stay out. */
export function readIntentFields(value: unknown, path: string): IntentFields {
  const object = readObject(value, path, ['action', 'asset', 'amount', 'counterparty'], ['action']);
  const action = readAction(object.action, `${path}.action`);
  const asset = object.asset === undefined ? undefined : readAsset(object.asset, `${path}.asset`);
  const amount = object.amount === undefined ? undefined : readAmount(object.amount, `${path}.amount`);
  const counterparty =
    object.counterparty === undefined
      ? undefined
      : readCounterparty(object.counterparty, `${path}.counterparty`);
  return {
    action,
    ...(asset && { asset }),
    ...(amount && { amount }),
    ...(counterparty && { counterparty }),
  };
}

const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[[0-9]{1,3}\])*$/;

/** Up to MAX_CONCERNS concerns, each a field path into the prompt's data and a short text. */
export function readConcerns(value: unknown, path: string): Concern[] {
  if (!Array.isArray(value)) throw new OutputError(path, `expected an array, got ${kindOf(value)}`);
  if (value.length > MAX_CONCERNS)
    throw new OutputError(path, `${value.length} concerns, more than ${MAX_CONCERNS}`);
  return value.map((item, i) => {
    const object = readObject(item, `${path}[${i}]`, ['field', 'text'], ['field', 'text']);
    const field = readText(object.field, `${path}[${i}].field`, TEXT_LIMITS.concernField);
    if (!FIELD_PATH.test(field))
      throw new OutputError(`${path}[${i}].field`, 'expected a field path such as intent.assets[0].amount');
    return { field, text: readText(object.text, `${path}[${i}].text`, TEXT_LIMITS.concernText, true) };
  });
}
