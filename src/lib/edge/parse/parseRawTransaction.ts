import {
  type Address,
  commitmentToVersionedHash,
  type Hex,
  keccak256,
  parseTransaction,
  serializeTransaction,
  type TransactionSerializable,
} from 'viem';
import { ParseError } from '../errors';
import type {
  Authorization,
  RawTransactionPayload,
  TransactionFields,
  TransactionSignature,
  TxType,
} from '../payload';
import { normalizeAddress } from './normalizeAddress';
import { authorityOf, recoverSigner } from './recoverSigner';

/** The message of the error thrown when bytes do not decode as a transaction at all. */
export const NOT_A_TRANSACTION = 'The bytes do not decode as a transaction.';

/**
 * Whether bytes start like a serialized transaction: a typed envelope (0x01–0x04) followed by an
 * RLP list header, or a long RLP list header (a legacy transaction is always over 55 bytes).
 */
export function looksLikeRawTransaction(hex: Hex): boolean {
  if (hex.length < 6) return false;
  const first = Number.parseInt(hex.slice(2, 4), 16);
  const second = Number.parseInt(hex.slice(4, 6), 16);
  return (first >= 0x01 && first <= 0x04 && second >= 0xc0) || (first >= 0xf8 && first <= 0xfa);
}

/**
 * Parses a serialized transaction (legacy, EIP-2930, EIP-1559, EIP-4844, EIP-7702), signed or not.
 * The bytes must be the canonical encoding of what they decode to (re-serializing gives the same
 * bytes), so nothing is accepted that merely parses. When signed, the sender is recovered, and so is
 * the authority of each signed EIP-7702 authorization.
 */
export function parseRawTransaction(raw: Hex): RawTransactionPayload {
  let parsed: ReturnType<typeof parseTransaction>;
  try {
    parsed = parseTransaction(raw);
  } catch (error) {
    throw new ParseError('invalidRawTransaction', NOT_A_TRANSACTION, {
      details: error instanceof Error ? firstLine(error.message) : String(error),
      expected: 'an RLP-encoded legacy transaction or a typed envelope (0x01–0x04)',
      cause: error,
    });
  }
  const txType = parsed.type as TxType;
  const { r, s, v, yParity, sidecars, ...unsigned } = parsed as typeof parsed & {
    r?: Hex;
    s?: Hex;
    v?: bigint;
    yParity?: number;
    sidecars?: unknown;
  };
  const signed = r !== undefined && s !== undefined;
  let reserialized: Hex;
  try {
    reserialized = signed
      ? serializeTransaction(parsed as TransactionSerializable, { r, s, v, yParity } as never)
      : serializeTransaction(parsed as TransactionSerializable);
  } catch (error) {
    throw new ParseError(
      'invalidRawTransaction',
      'The transaction decodes but cannot be re-encoded: a field is invalid.',
      {
        details: error instanceof Error ? firstLine(error.message) : String(error),
        cause: error,
      },
    );
  }
  if (reserialized !== raw.toLowerCase())
    throw new ParseError(
      'invalidRawTransaction',
      'The transaction is not canonically encoded (extra, missing or padded bytes).',
      {
        expected: 'the canonical encoding of the transaction',
      },
    );

  // A blob transaction as sent to a node wraps the transaction with its blobs (sidecars); the
  // signature and the transaction hash cover the transaction without them.
  let hash = keccak256(raw);
  let signature: TransactionSignature | undefined;
  let from: Address | undefined;
  if (sidecars !== undefined) {
    checkSidecars(sidecars as readonly Sidecar[], (unsigned as UnsignedParsed).blobVersionedHashes ?? []);
    const bare = unsigned as TransactionSerializable;
    hash = keccak256(
      signed ? serializeTransaction(bare, { r, s, v, yParity } as never) : serializeTransaction(bare),
    );
  }
  if (signed) {
    const parity = yParity ?? legacyParity(v);
    signature =
      v !== undefined && txType === 'legacy' ? { r, s, yParity: parity, v } : { r, s, yParity: parity };
    const signingPayload = keccak256(serializeTransaction(unsigned as TransactionSerializable));
    from = recoverSigner(signingPayload, r, s, parity, 'the transaction');
  }

  const tx = toFields(unsigned as UnsignedParsed, txType, from);
  return {
    kind: 'rawTransaction',
    raw: raw.toLowerCase() as Hex,
    txType,
    signed,
    hash,
    ...(signature && { signature }),
    tx,
  };
}

type Sidecar = { blob: Hex; commitment: Hex; proof: Hex };

/** Each blob's KZG commitment must hash to the versioned hash the signed transaction commits to. */
function checkSidecars(sidecars: readonly Sidecar[], versionedHashes: readonly Hex[]): void {
  if (sidecars.length !== versionedHashes.length)
    throw new ParseError(
      'invalidRawTransaction',
      `The transaction carries ${sidecars.length} blobs for ${versionedHashes.length} blob hashes.`,
    );
  sidecars.forEach((sidecar, i) => {
    if (commitmentToVersionedHash({ commitment: sidecar.commitment }) !== versionedHashes[i]?.toLowerCase())
      throw new ParseError(
        'invalidRawTransaction',
        `Blob ${i}'s commitment does not match the blob hash the transaction signs.`,
      );
  });
}

type UnsignedParsed = {
  chainId?: number;
  to?: Address | null;
  value?: bigint;
  data?: Hex;
  input?: Hex;
  nonce?: number;
  gas?: bigint;
  gasPrice?: bigint;
  maxFeePerGas?: bigint;
  maxPriorityFeePerGas?: bigint;
  maxFeePerBlobGas?: bigint;
  accessList?: readonly { address: Address; storageKeys: readonly Hex[] }[];
  blobVersionedHashes?: readonly Hex[];
  authorizationList?: readonly {
    chainId: number;
    address: Address;
    nonce: number;
    r?: Hex;
    s?: Hex;
    yParity?: number;
  }[];
};

function toFields(parsed: UnsignedParsed, type: TxType, from: Address | undefined): TransactionFields {
  const fields: { -readonly [K in keyof TransactionFields]: TransactionFields[K] } = {
    type,
    to: parsed.to ? normalizeAddress(parsed.to) : null,
    value: parsed.value ?? 0n,
    data: (parsed.data ?? parsed.input ?? '0x').toLowerCase() as Hex,
    nonce: BigInt(parsed.nonce ?? 0),
  };
  if (parsed.chainId !== undefined) fields.chainId = BigInt(parsed.chainId);
  if (from) fields.from = from;
  if (parsed.gas !== undefined) fields.gas = parsed.gas;
  if (parsed.gasPrice !== undefined) fields.gasPrice = parsed.gasPrice;
  if (parsed.maxFeePerGas !== undefined) fields.maxFeePerGas = parsed.maxFeePerGas;
  if (parsed.maxPriorityFeePerGas !== undefined) fields.maxPriorityFeePerGas = parsed.maxPriorityFeePerGas;
  if (parsed.maxFeePerBlobGas !== undefined) fields.maxFeePerBlobGas = parsed.maxFeePerBlobGas;
  if (parsed.accessList)
    fields.accessList = parsed.accessList.map((entry) => ({
      address: normalizeAddress(entry.address),
      storageKeys: entry.storageKeys.map((key) => key.toLowerCase() as Hex),
    }));
  if (parsed.blobVersionedHashes) fields.blobVersionedHashes = parsed.blobVersionedHashes;
  if (parsed.authorizationList) fields.authorizationList = parsed.authorizationList.map(toAuthorization);
  return fields;
}

function toAuthorization(
  entry: NonNullable<UnsignedParsed['authorizationList']>[number],
  index: number,
): Authorization {
  const base = {
    chainId: BigInt(entry.chainId),
    address: normalizeAddress(entry.address),
    nonce: BigInt(entry.nonce),
  };
  if (entry.r === undefined || entry.s === undefined || entry.yParity === undefined) return base;
  const signature = { r: entry.r, s: entry.s, yParity: entry.yParity };
  const authority = authorityOf({ ...base, ...signature }, `authorization ${index}`);
  return { ...base, ...signature, authority };
}

function legacyParity(v: bigint | undefined): number {
  if (v === undefined) return 0;
  if (v === 27n || v === 28n) return Number(v - 27n);
  return Number((v - 35n) % 2n);
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
