import type { Address, Hex } from 'viem';
import { ParseError } from '../errors';
import type { AccessListEntry, Authorization, TransactionFields, TxType } from '../payload';
import { MAX_LIST_ITEMS } from './limits';
import { normalizeAddress } from './normalizeAddress';
import { normalizeHex } from './normalizeHex';
import { parseQuantity } from './parseQuantity';
import { asArray, asObject, at, has, type JsonObject } from './readJson';
import { authorityOf } from './recoverSigner';

const typeNames: Readonly<Record<string, TxType>> = {
  '0': 'legacy',
  '1': 'eip2930',
  '2': 'eip1559',
  '3': 'eip4844',
  '4': 'eip7702',
  legacy: 'legacy',
  eip2930: 'eip2930',
  eip1559: 'eip1559',
  eip4844: 'eip4844',
  eip7702: 'eip7702',
};

/**
 * Normalizes a transaction object as wallets, viem and ethers write it (`data` or `input`,
 * `gas` or `gasLimit`, quantities as hex, decimal or numbers).
 */
export function parseTransactionObject(value: unknown, path: string): TransactionFields {
  const object = asObject(value, path);
  const data = pickAgreeing(object, path, 'data', 'input', (v, p) => readData(v, p));
  const gas = pickAgreeing(object, path, 'gas', 'gasLimit', (v, p) => parseQuantity(v, p));
  const to = readTo(object, path);
  if (to === null && (data === undefined || data === '0x'))
    throw new ParseError(
      'missingField',
      `The transaction at ${path || 'the top level'} has neither a recipient (to) nor data.`,
      {
        path: at(path, 'to'),
        expected: 'a `to` address, or `data` to deploy a contract',
      },
    );
  const fields: {
    -readonly [K in keyof TransactionFields]: TransactionFields[K];
  } = { to, value: optional(object, path, 'value', parseQuantity) ?? 0n, data: data ?? '0x' };
  const type = optional(object, path, 'type', readType);
  if (type !== undefined) fields.type = type;
  const chainId = optional(object, path, 'chainId', parseQuantity);
  if (chainId !== undefined) fields.chainId = chainId;
  const from = optional(object, path, 'from', normalizeAddress);
  if (from !== undefined) fields.from = from;
  const nonce = optional(object, path, 'nonce', parseQuantity);
  if (nonce !== undefined) fields.nonce = nonce;
  if (gas !== undefined) fields.gas = gas;
  for (const key of ['gasPrice', 'maxFeePerGas', 'maxPriorityFeePerGas', 'maxFeePerBlobGas'] as const) {
    const quantity = optional(object, path, key, parseQuantity);
    if (quantity !== undefined) fields[key] = quantity;
  }
  const accessList = optional(object, path, 'accessList', readAccessList);
  if (accessList !== undefined) fields.accessList = accessList;
  const blobs = optional(object, path, 'blobVersionedHashes', readHashList);
  if (blobs !== undefined) fields.blobVersionedHashes = blobs;
  const authorizations = optional(object, path, 'authorizationList', readAuthorizationList);
  if (authorizations !== undefined) fields.authorizationList = authorizations;
  // A type that contradicts the fields would have a wallet drop them (or refuse): say so instead.
  if (type !== undefined && authorizations !== undefined && type !== 'eip7702')
    typeConflict(path, type, 'an EIP-7702 authorization list', 'eip7702');
  if (type !== undefined && blobs !== undefined && type !== 'eip4844')
    typeConflict(path, type, 'blob versioned hashes', 'eip4844');
  return fields;
}

function typeConflict(path: string, type: TxType, what: string, wanted: TxType): never {
  throw new ParseError(
    'conflictingFields',
    `The transaction at ${path || 'the top level'} says type ${type} but carries ${what}, which only a ${wanted} transaction has.`,
    { path: at(path, 'type'), expected: `type ${wanted}, or no type` },
  );
}

/** Reads `data`-like bytes: `0x` hex of even length. */
function readData(value: unknown, path: string): Hex {
  if (typeof value !== 'string')
    throw new ParseError('invalidField', `Expected hex bytes at ${path}.`, {
      path,
      expected: '0x-prefixed hex',
    });
  return normalizeHex(value.trim(), { path });
}

function readTo(object: JsonObject, path: string): Address | null {
  if (!has(object, 'to') || object.to === null || object.to === '' || object.to === '0x') return null;
  return normalizeAddress(object.to, at(path, 'to'));
}

function readType(value: unknown, path: string): TxType {
  let key: string | undefined;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    key = /^0x[0-9a-f]+$/.test(text) ? String(Number.parseInt(text.slice(2), 16)) : text;
  } else if (typeof value === 'number' && Number.isInteger(value)) key = String(value);
  const type = key === undefined ? undefined : typeNames[key];
  if (type === undefined)
    throw new ParseError('invalidField', `Unknown transaction type at ${path}: ${JSON.stringify(value)}.`, {
      path,
      expected: '0x0, 0x1, 0x2, 0x3 or 0x4',
    });
  return type;
}

function readAccessList(value: unknown, path: string): readonly AccessListEntry[] {
  const list = boundedArray(value, path);
  return list.map((item, i) => {
    const itemPath = at(path, i);
    const entry = asObject(item, itemPath);
    const address = normalizeAddress(entry.address, at(itemPath, 'address'));
    const storageKeys = readHashList(entry.storageKeys ?? [], at(itemPath, 'storageKeys'));
    return { address, storageKeys };
  });
}

function readHashList(value: unknown, path: string): readonly Hex[] {
  return boundedArray(value, path).map((item, i) => readBytes32(item, at(path, i)));
}

function readBytes32(value: unknown, path: string): Hex {
  const hex = readData(value, path);
  if (hex.length !== 66)
    throw new ParseError('invalidField', `Expected 32 bytes at ${path}.`, {
      path,
      expected: '0x followed by 64 hex digits',
    });
  return hex;
}

function readAuthorizationList(value: unknown, path: string): readonly Authorization[] {
  return boundedArray(value, path).map((item, i) => {
    const itemPath = at(path, i);
    const entry = asObject(item, itemPath);
    const address = normalizeAddress(entry.address ?? entry.contractAddress, at(itemPath, 'address'));
    const authorization: { -readonly [K in keyof Authorization]: Authorization[K] } = {
      chainId: parseQuantity(entry.chainId, at(itemPath, 'chainId')),
      address,
      nonce: parseQuantity(entry.nonce, at(itemPath, 'nonce')),
    };
    if (has(entry, 'yParity') || has(entry, 'v')) {
      const parity = parseQuantity(entry.yParity ?? entry.v, at(itemPath, 'yParity'));
      authorization.yParity = Number(parity >= 27n ? parity - 27n : parity);
    }
    if (has(entry, 'r')) authorization.r = readBytes32Padded(entry.r, at(itemPath, 'r'));
    if (has(entry, 's')) authorization.s = readBytes32Padded(entry.s, at(itemPath, 's'));
    const { r, s, yParity } = authorization;
    // Signed: whose account it delegates is the signer's, recovered here as for a raw transaction.
    if (r !== undefined && s !== undefined && yParity !== undefined)
      authorization.authority = authorityOf({ ...authorization, r, s, yParity }, `authorization ${i}`);
    return authorization;
  });
}

function readBytes32Padded(value: unknown, path: string): Hex {
  const quantity = parseQuantity(value, path);
  return `0x${quantity.toString(16).padStart(64, '0')}`;
}

/** An array of at most MAX_LIST_ITEMS items. */
export function boundedArray(value: unknown, path: string): readonly unknown[] {
  const list = asArray(value, path);
  if (list.length > MAX_LIST_ITEMS)
    throw new ParseError(
      'tooLarge',
      `The list at ${path} has ${list.length} items; Vigil reads at most ${MAX_LIST_ITEMS}.`,
      {
        path,
      },
    );
  return list;
}

/** Reads an optional field: absent or null is `undefined`. */
export function optional<T>(
  object: JsonObject,
  path: string,
  key: string,
  read: (value: unknown, path: string) => T,
): T | undefined {
  const value = object[key];
  if (!has(object, key) || value === null || value === undefined) return undefined;
  return read(value, at(path, key));
}

/**
 * Reads a field that has two accepted names (`data`/`input`, `gas`/`gasLimit`).
 * When both are present they must agree: a request that says two things is not guessed at.
 */
function pickAgreeing<T>(
  object: JsonObject,
  path: string,
  first: string,
  second: string,
  read: (value: unknown, path: string) => T,
): T | undefined {
  const a = optional(object, path, first, read);
  const b = optional(object, path, second, read);
  if (a !== undefined && b !== undefined && a !== b)
    throw new ParseError(
      'conflictingFields',
      `Both ${first} and ${second} are given and they differ: a wallet could use either.`,
      { path: at(path, second), expected: `${first} and ${second} equal, or only one of them` },
    );
  return a ?? b;
}
