import { type Hex, hashTypedData } from 'viem';
import { ParseError } from '../errors';
import type { TypedDataDomain, TypedDataField, TypedDataPayload } from '../payload';
import { normalizeAddress } from './normalizeAddress';
import { normalizeHex } from './normalizeHex';
import { describeType, parseQuantity } from './parseQuantity';
import { asArray, asObject, asString, at, has, type JsonObject, readJson } from './readJson';

const domainFieldTypes: Readonly<Record<string, string>> = {
  name: 'string',
  version: 'string',
  chainId: 'uint256',
  verifyingContract: 'address',
  salt: 'bytes32',
};
const domainOrder = ['name', 'version', 'chainId', 'verifyingContract', 'salt'] as const;
const identifier = /^[A-Za-z_$][\w$]*$/;
const MAX_VALUE_DEPTH = 32;

/** Options of {@link parseTypedData}. */
export type ParseTypedDataOptions = { method?: string; from?: string; path?: string };

/**
 * Parses EIP-712 typed data (`{types, domain, primaryType, message}`, as an object or a JSON string),
 * validates every type and value, normalizes the values and computes the digest to be signed.
 * Fields present in the domain or message but absent from their type are rejected: they would be
 * shown to the user but not signed.
 */
export function parseTypedData(input: unknown, options: ParseTypedDataOptions = {}): TypedDataPayload {
  const path = options.path ?? '';
  const value = typeof input === 'string' ? readJson(input) : input;
  const object = asObject(value, path || 'the typed data');
  for (const key of ['types', 'primaryType', 'domain', 'message'])
    if (!has(object, key))
      throw new ParseError('missingField', `Typed data needs "${key}".`, {
        path: at(path, key),
        expected: '{ types, primaryType, domain, message }',
      });
  const types = readTypes(object.types, at(path, 'types'));
  const primaryType = asString(object.primaryType, at(path, 'primaryType'));
  if (!types[primaryType] && primaryType !== 'EIP712Domain')
    throw new ParseError('invalidTypedData', `The primary type "${primaryType}" is not defined in types.`, {
      path: at(path, 'primaryType'),
      expected: `one of: ${Object.keys(types).join(', ')}`,
    });

  const domainObject = asObject(object.domain, at(path, 'domain'));
  const domainType = types.EIP712Domain ?? inferDomainType(domainObject);
  const domain = readDomain(domainObject, domainType, at(path, 'domain'));
  const allTypes = { ...types, EIP712Domain: domainType };

  const message =
    primaryType === 'EIP712Domain'
      ? {}
      : (normalizeStruct(object.message, primaryType, allTypes, at(path, 'message'), 0) as Record<
          string,
          unknown
        >);

  let digest: Hex;
  try {
    // The values were validated and normalized above; viem's generic types cannot see that.
    digest = hashTypedData({ domain, types: allTypes, primaryType, message } as Parameters<
      typeof hashTypedData
    >[0]);
  } catch (error) {
    throw new ParseError('invalidTypedData', 'The typed data cannot be hashed per EIP-712.', {
      details: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
      cause: error,
    });
  }
  return {
    kind: 'typedData',
    ...(options.method && { method: options.method }),
    ...(options.from !== undefined && { from: normalizeAddress(options.from, 'params (signer)') }),
    domain,
    types: allTypes,
    primaryType,
    message,
    digest,
  };
}

function readTypes(value: unknown, path: string): Record<string, readonly TypedDataField[]> {
  const object = asObject(value, path);
  const types: Record<string, readonly TypedDataField[]> = {};
  for (const [name, members] of Object.entries(object)) {
    const typePath = at(path, name);
    if (!identifier.test(name))
      throw new ParseError('invalidTypedData', `Not a valid type name: ${JSON.stringify(name)}.`, {
        path: typePath,
      });
    const seen = new Set<string>();
    types[name] = asArray(members, typePath).map((member, i) => {
      const memberPath = at(typePath, i);
      const field = asObject(member, memberPath);
      const fieldName = asString(field.name, at(memberPath, 'name'));
      const fieldType = asString(field.type, at(memberPath, 'type'));
      if (seen.has(fieldName))
        throw new ParseError('invalidTypedData', `Type ${name} declares "${fieldName}" twice.`, {
          path: memberPath,
        });
      seen.add(fieldName);
      return { name: fieldName, type: fieldType };
    });
  }
  for (const [name, members] of Object.entries(types))
    members.forEach((member, i) => {
      checkType(member.type, types, at(at(at(path, name), i), 'type'));
    });
  return types;
}

/** Throws unless `type` is an EIP-712 atomic, dynamic, array or defined struct type. */
function checkType(type: string, types: Record<string, unknown>, path: string): void {
  const array = /^(.*)\[(\d*)\]$/.exec(type);
  if (array) {
    if (array[2] !== '' && Number(array[2]) < 1)
      throw new ParseError('invalidTypedData', `Fixed array length must be positive: ${type}.`, { path });
    checkType(array[1] as string, types, path);
    return;
  }
  if (
    atomicBits(type) !== undefined ||
    type === 'string' ||
    type === 'bytes' ||
    type === 'address' ||
    type === 'bool'
  )
    return;
  if (!Object.hasOwn(types, type))
    throw new ParseError(
      'invalidTypedData',
      `Unknown type "${type}": neither an EIP-712 type nor defined in types.`,
      {
        path,
        expected:
          'address, bool, string, bytes, bytes1–32, uint8–256, int8–256, a defined struct, or an array of one',
      },
    );
}

/** The bit size of uintN/intN/bytesN, or undefined when the type is none of those. */
function atomicBits(type: string): number | undefined {
  const match = /^(u?int|bytes)(\d+)$/.exec(type);
  if (!match) return undefined;
  const size = Number(match[2]);
  if (match[1] === 'bytes') return size >= 1 && size <= 32 && String(size) === match[2] ? size : undefined;
  return size >= 8 && size <= 256 && size % 8 === 0 && String(size) === match[2] ? size : undefined;
}

function inferDomainType(domain: JsonObject): readonly TypedDataField[] {
  return domainOrder
    .filter((key) => has(domain, key))
    .map((key) => ({ name: key, type: domainFieldTypes[key] as string }));
}

function readDomain(
  object: JsonObject,
  domainType: readonly TypedDataField[],
  path: string,
): TypedDataDomain {
  const declared = new Set(domainType.map((field) => field.name));
  for (const key of Object.keys(object))
    if (!declared.has(key) && object[key] !== undefined)
      throw new ParseError(
        'invalidTypedData',
        `The domain has "${key}" but EIP712Domain does not declare it: it would be shown but not signed.`,
        { path: at(path, key), expected: `only ${[...declared].join(', ')}` },
      );
  const domain: { -readonly [K in keyof TypedDataDomain]: TypedDataDomain[K] } = {};
  for (const field of domainType) {
    const fieldPath = at(path, field.name);
    const expected = domainFieldTypes[field.name];
    if (expected === undefined || expected !== field.type)
      throw new ParseError(
        'invalidTypedData',
        `EIP712Domain field "${field.name}" must be ${expected ?? 'a standard field'}, not ${field.type}.`,
        {
          path: fieldPath,
          expected: 'name string, version string, chainId uint256, verifyingContract address, salt bytes32',
        },
      );
    if (!has(object, field.name))
      throw new ParseError(
        'invalidTypedData',
        `EIP712Domain declares "${field.name}" but the domain has no value for it.`,
        {
          path: fieldPath,
        },
      );
    const value = object[field.name];
    if (field.name === 'name' || field.name === 'version') domain[field.name] = asString(value, fieldPath);
    else if (field.name === 'chainId') domain.chainId = parseQuantity(value, fieldPath);
    else if (field.name === 'verifyingContract')
      domain.verifyingContract = normalizeAddress(value, fieldPath);
    else domain.salt = normalizeValue(value, 'bytes32', {}, fieldPath, 0) as Hex;
  }
  return domain;
}

function normalizeStruct(
  value: unknown,
  typeName: string,
  types: Record<string, readonly TypedDataField[]>,
  path: string,
  depth: number,
): Record<string, unknown> {
  if (depth > MAX_VALUE_DEPTH)
    throw new ParseError('tooDeep', `The typed-data message nests deeper than ${MAX_VALUE_DEPTH} levels.`, {
      path,
    });
  const object = asObject(value, path);
  const members = types[typeName] ?? [];
  const declared = new Set(members.map((member) => member.name));
  for (const key of Object.keys(object))
    if (!declared.has(key))
      throw new ParseError(
        'invalidTypedData',
        `"${key}" is not a field of ${typeName}: it would be shown but not signed.`,
        { path: at(path, key), expected: `only ${members.map((m) => m.name).join(', ') || 'no fields'}` },
      );
  const entries: [string, unknown][] = members.map((member) => {
    const memberPath = at(path, member.name);
    if (!has(object, member.name))
      throw new ParseError('invalidTypedData', `${typeName} needs "${member.name}" (${member.type}).`, {
        path: memberPath,
      });
    return [member.name, normalizeValue(object[member.name], member.type, types, memberPath, depth + 1)];
  });
  return Object.fromEntries(entries);
}

function normalizeValue(
  value: unknown,
  type: string,
  types: Record<string, readonly TypedDataField[]>,
  path: string,
  depth: number,
): unknown {
  const array = /^(.*)\[(\d*)\]$/.exec(type);
  if (array) {
    const items = asArray(value, path);
    if (array[2] !== '' && items.length !== Number(array[2]))
      throw new ParseError('invalidTypedData', `${type} needs ${array[2]} items, got ${items.length}.`, {
        path,
      });
    return items.map((item, i) => normalizeValue(item, array[1] as string, types, at(path, i), depth + 1));
  }
  if (Object.hasOwn(types, type)) return normalizeStruct(value, type, types, path, depth);
  if (type === 'address') return normalizeAddress(value, path);
  if (type === 'string') return asString(value, path);
  if (type === 'bool') {
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    throw new ParseError(
      'invalidTypedData',
      `Expected true or false at ${path}, got ${describeType(value)}.`,
      { path },
    );
  }
  if (type === 'bytes') return normalizeHex(asString(value, path), { path });
  const match = /^(u?int|bytes)(\d+)$/.exec(type);
  const bits = atomicBits(type);
  if (!match || bits === undefined)
    throw new ParseError('invalidTypedData', `Unknown type "${type}".`, { path });
  if (match[1] === 'bytes') {
    const hex = normalizeHex(asString(value, path), { path });
    if (hex.length !== 2 + bits * 2)
      throw new ParseError('invalidTypedData', `${type} needs exactly ${bits} bytes at ${path}.`, { path });
    return hex;
  }
  if (match[1] === 'uint') return parseQuantity(value, path, (1n << BigInt(bits)) - 1n);
  return readSigned(value, bits, path);
}

function readSigned(value: unknown, bits: number, path: string): bigint {
  const limit = 1n << BigInt(bits - 1);
  let result: bigint;
  if (typeof value === 'string' && value.trim().startsWith('-'))
    result = -parseQuantity(value.trim().slice(1), path);
  else if (typeof value === 'number' && value < 0) result = -parseQuantity(-value, path);
  else result = parseQuantity(value, path);
  if (result < -limit || result >= limit)
    throw new ParseError('invalidQuantity', `The value at ${path} does not fit in int${bits}.`, { path });
  return result;
}
