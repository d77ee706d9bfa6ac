import { readFileSync } from 'node:fs';
import { commitmentToVersionedHash, keccak256 } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, test } from 'vitest';
import { ParseError } from '../errors';
import { parseRawTransaction } from './parseRawTransaction';

const signed = JSON.parse(readFileSync('tests/fixtures/signed-transactions.json', 'utf8')) as {
  sender: string;
  authority: string;
  transactions: Record<'legacy' | 'eip2930' | 'eip1559' | 'eip4844' | 'eip7702', `0x${string}`>;
};
const corpus = readFileSync('tests/fixtures/corpus-sample.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map(
    (line) =>
      JSON.parse(line) as {
        id: string;
        rawTx?: `0x${string}`;
        to?: string;
        data?: string;
        value?: string;
        chainId: number;
      },
  )
  .filter((c) => c.rawTx);

function errorOf(fn: () => unknown): ParseError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
}

describe('signed transactions: every envelope type, sender recovered', () => {
  for (const [type, raw] of Object.entries(signed.transactions)) {
    test(type, () => {
      const payload = parseRawTransaction(raw);
      expect(payload.txType).toBe(type);
      expect(payload.signed).toBe(true);
      expect(payload.tx.from).toBe(signed.sender);
      expect(payload.signature?.r).toMatch(/^0x[0-9a-f]+$/);
    });
  }

  test('legacy EIP-155: chain id and v', () => {
    const { tx, signature } = parseRawTransaction(signed.transactions.legacy);
    expect(tx.chainId).toBe(1n);
    expect(signature?.v).toBe(37n);
    expect(tx.value).toBe(500000000000000000n);
    expect(tx.gasPrice).toBe(20000000000n);
  });

  test('EIP-1559 on Base: fees and calldata', () => {
    const { tx } = parseRawTransaction(signed.transactions.eip1559);
    expect(tx).toMatchObject({
      chainId: 8453n,
      nonce: 9n,
      to: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
      maxFeePerGas: 2000000000n,
      maxPriorityFeePerGas: 100000000n,
    });
    expect(tx.data.slice(0, 10)).toBe('0xa9059cbb');
  });

  test('EIP-2930 access list', () => {
    const { tx } = parseRawTransaction(signed.transactions.eip2930);
    expect(tx.accessList).toEqual([
      { address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', storageKeys: [`0x${'00'.repeat(31)}03`] },
    ]);
  });

  test('EIP-4844 blob hashes and blob fee', () => {
    const { tx } = parseRawTransaction(signed.transactions.eip4844);
    expect(tx.blobVersionedHashes).toEqual([`0x01${'ab'.repeat(31)}`]);
    expect(tx.maxFeePerBlobGas).toBe(5000000000n);
  });

  test('EIP-7702 authorization: delegate and recovered authority', () => {
    const { tx } = parseRawTransaction(signed.transactions.eip7702);
    expect(tx.authorizationList).toHaveLength(1);
    expect(tx.authorizationList?.[0]).toMatchObject({
      chainId: 1n,
      nonce: 0n,
      address: '0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B',
      authority: signed.authority,
    });
  });

  test('a changed signature recovers a different sender, or none', () => {
    const raw = signed.transactions.eip1559;
    // flip one byte of s (the last 32 bytes)
    const last = raw.slice(-2) === 'ff' ? '00' : 'ff';
    const tampered = `${raw.slice(0, -2)}${last}` as `0x${string}`;
    let from: string | undefined;
    try {
      from = parseRawTransaction(tampered).tx.from;
    } catch (error) {
      expect(error).toBeInstanceOf(ParseError);
      return;
    }
    expect(from).not.toBe(signed.sender);
  });
});

describe('unsigned transactions from the ERC-7730 corpus', () => {
  test(`all ${corpus.length} decode to the fields the corpus states`, () => {
    expect(corpus.length).toBeGreaterThan(100);
    for (const c of corpus) {
      const payload = parseRawTransaction(c.rawTx as `0x${string}`);
      expect(payload.signed, c.id).toBe(false);
      expect(payload.tx.from, c.id).toBeUndefined();
      expect(payload.tx.to?.toLowerCase(), c.id).toBe(c.to?.toLowerCase());
      expect(payload.tx.data, c.id).toBe(c.data?.toLowerCase());
      expect(payload.tx.value, c.id).toBe(BigInt(c.value ?? '0'));
      expect(payload.tx.chainId, c.id).toBe(BigInt(c.chainId));
    }
  });
});

describe('rejects', () => {
  test('a trailing byte (non-canonical)', () => {
    const error = errorOf(() => parseRawTransaction(`${signed.transactions.eip1559}00`));
    expect(error.code).toBe('invalidRawTransaction');
  });

  test('a truncated transaction', () => {
    const raw = signed.transactions.legacy;
    expect(errorOf(() => parseRawTransaction(raw.slice(0, raw.length - 10) as `0x${string}`)).code).toBe(
      'invalidRawTransaction',
    );
  });

  test('an empty typed envelope', () => {
    expect(errorOf(() => parseRawTransaction('0x02')).code).toBe('invalidRawTransaction');
  });

  test('an envelope type Vigil does not know', () => {
    expect(errorOf(() => parseRawTransaction('0x05c0')).code).toBe('invalidRawTransaction');
  });
});

describe('EIP-4844 network form (with blob sidecars)', () => {
  const account = privateKeyToAccount('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
  const commitment = `0x${'c0'.repeat(48)}` as const;
  const sidecars = [
    { blob: `0x${'00'.repeat(131072)}` as const, commitment, proof: `0x${'c0'.repeat(48)}` as const },
  ];
  const request = {
    type: 'eip4844',
    chainId: 1,
    nonce: 1,
    gas: 21000n,
    maxFeePerGas: 30n * 10n ** 9n,
    maxPriorityFeePerGas: 10n ** 9n,
    maxFeePerBlobGas: 5n * 10n ** 9n,
    to: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045',
    blobVersionedHashes: [commitmentToVersionedHash({ commitment })],
  } as const;

  test('sender recovered and hash taken without the blobs', async () => {
    const wrapped = await account.signTransaction({ ...request, sidecars });
    const bare = await account.signTransaction(request);
    const payload = parseRawTransaction(wrapped);
    expect(payload.tx.from).toBe(account.address);
    expect(payload.hash).toBe(keccak256(bare));
    expect(payload.tx.blobVersionedHashes).toHaveLength(1);
  });

  test('a blob whose commitment does not match the signed blob hash', async () => {
    const wrong = [{ ...sidecars[0], commitment: `0x${'c1'.repeat(48)}` as const }];
    const wrapped = await account.signTransaction({ ...request, sidecars: wrong as typeof sidecars });
    expect(errorOf(() => parseRawTransaction(wrapped)).code).toBe('invalidRawTransaction');
  });
});
