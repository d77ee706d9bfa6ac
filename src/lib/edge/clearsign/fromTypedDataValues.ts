import { getAddress, isAddress, isHex } from 'viem';
import { ClearSignFormatError } from './errors';
import type { ValueNode } from './types';

/** EIP-712 `types` (without or with `EIP712Domain`). */
export type TypedDataTypes = Readonly<Record<string, readonly { name: string; type: string }[]>>;

const MAX_DEPTH = 32;

/**
 * The value tree of an EIP-712 message of type `typeName`. Accepts the output of parseTypedData
 * (bigints, checksummed addresses) and plain JSON (decimal strings, numbers, any address case).
 * Throws {@link ClearSignFormatError} on a value that is not of its declared type.
 */
export function fromTypedDataValues(types: TypedDataTypes, typeName: string, message: unknown): ValueNode {
  return fromValue(types, typeName, message, typeName, 0);
}

function fromValue(
  types: TypedDataTypes,
  type: string,
  value: unknown,
  at: string,
  depth: number,
): ValueNode {
  if (depth > MAX_DEPTH) throw new ClearSignFormatError(`${at}: nested deeper than ${MAX_DEPTH}`);
  const array = /^(.*)\[(\d*)\]$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) throw new ClearSignFormatError(`${at}: expected an array for ${type}`);
    const element = array[1] as string;
    return {
      kind: 'array',
      type,
      items: value.map((item, i) => fromValue(types, element, item, `${at}[${i}]`, depth + 1)),
    };
  }
  const members = Object.hasOwn(types, type) ? types[type] : undefined;
  if (members) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new ClearSignFormatError(`${at}: expected a ${type} struct`);
    const fields: Record<string, ValueNode> = {};
    for (const member of members) {
      const field = (value as Record<string, unknown>)[member.name];
      if (field === undefined) throw new ClearSignFormatError(`${at}.${member.name}: missing`);
      fields[member.name] = fromValue(types, member.type, field, `${at}.${member.name}`, depth + 1);
    }
    return { kind: 'struct', type, fields };
  }
  if (type === 'address') {
    if (typeof value !== 'string' || !isAddress(value, { strict: false }))
      throw new ClearSignFormatError(`${at}: not an address`);
    return { kind: 'leaf', type, value: getAddress(value) };
  }
  if (type === 'bool') {
    if (typeof value === 'boolean') return { kind: 'leaf', type, value };
    if (value === 'true' || value === 'false') return { kind: 'leaf', type, value: value === 'true' };
    throw new ClearSignFormatError(`${at}: not a bool`);
  }
  if (type === 'string') {
    if (typeof value !== 'string') throw new ClearSignFormatError(`${at}: not a string`);
    return { kind: 'leaf', type, value };
  }
  if (type.startsWith('bytes')) {
    if (typeof value !== 'string' || !isHex(value)) throw new ClearSignFormatError(`${at}: not hex bytes`);
    return { kind: 'leaf', type, value: value.toLowerCase() };
  }
  if (/^u?int\d*$/.test(type)) return { kind: 'leaf', type, value: toInteger(value, at) };
  throw new ClearSignFormatError(`${at}: unknown type ${type}`);
}

function toInteger(value: unknown, at: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^(-?\d+|0x[0-9a-fA-F]+)$/.test(value.trim())) return BigInt(value.trim());
  throw new ClearSignFormatError(`${at}: not an integer`);
}
