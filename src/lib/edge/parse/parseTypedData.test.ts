import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ParseError } from '../errors';
import { parseTypedData } from './parseTypedData';

/** The example of the EIP-712 specification, with its published digest. */
const mail = {
  types: {
    EIP712Domain: [
      { name: 'name', type: 'string' },
      { name: 'version', type: 'string' },
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ],
    Person: [
      { name: 'name', type: 'string' },
      { name: 'wallet', type: 'address' },
    ],
    Mail: [
      { name: 'from', type: 'Person' },
      { name: 'to', type: 'Person' },
      { name: 'contents', type: 'string' },
    ],
  },
  primaryType: 'Mail',
  domain: {
    name: 'Ether Mail',
    version: '1',
    chainId: 1,
    verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC',
  },
  message: {
    from: { name: 'Cow', wallet: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' },
    to: { name: 'Bob', wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' },
    contents: 'Hello, Bob!',
  },
};

const corpus = readFileSync('tests/fixtures/corpus-sample.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { id: string; typedData?: unknown; expect: { primaryType?: string } })
  .filter((c) => c.typedData);

function codeOf(input: unknown): string {
  try {
    parseTypedData(input);
  } catch (error) {
    if (error instanceof ParseError) return error.code;
    throw error;
  }
  return 'accepted';
}

const clone = (): typeof mail => structuredClone(mail);

test('EIP-712 specification example: digest', () => {
  const payload = parseTypedData(mail);
  expect(payload.digest).toBe('0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2');
  expect(payload.domain.chainId).toBe(1n);
  expect(payload.primaryType).toBe('Mail');
});

test('accepts a JSON string, as eth_signTypedData_v4 sends it', () => {
  expect(parseTypedData(JSON.stringify(mail)).digest).toBe(parseTypedData(mail).digest);
});

test('infers EIP712Domain from the domain when types omit it', () => {
  const input = clone() as { types: Record<string, unknown> };
  delete input.types.EIP712Domain;
  expect(parseTypedData(input).digest).toBe(
    '0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2',
  );
});

describe('ERC-7730 corpus typed data', () => {
  test(`all ${corpus.length} parse, with their primary type`, () => {
    expect(corpus.length).toBeGreaterThan(100);
    for (const c of corpus) {
      const payload = parseTypedData(c.typedData);
      expect(payload.primaryType, c.id).toBe(c.expect.primaryType);
      expect(payload.digest, c.id).toMatch(/^0x[0-9a-f]{64}$/);
    }
  });

  test('Permit: integers become bigints, addresses checksummed', () => {
    const permit = corpus.find((c) => c.expect.primaryType === 'Permit');
    const payload = parseTypedData(permit?.typedData);
    for (const value of Object.values(payload.message))
      if (typeof value === 'string' && value.length === 42) expect(value).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(typeof payload.message.value === 'bigint' || typeof payload.message.nonce === 'bigint').toBe(true);
  });
});

describe('rejects what would be shown but not signed, or cannot be signed', () => {
  test('a message field the type does not declare', () => {
    const input = clone() as { message: Record<string, unknown> };
    input.message.amount = '1000';
    expect(codeOf(input)).toBe('invalidTypedData');
  });

  test('a domain field EIP712Domain does not declare', () => {
    const input = clone() as { domain: Record<string, unknown> };
    input.domain.salt = `0x${'00'.repeat(32)}`;
    expect(codeOf(input)).toBe('invalidTypedData');
  });

  test('a missing message field', () => {
    const input = clone() as { message: Record<string, unknown> };
    delete input.message.contents;
    expect(codeOf(input)).toBe('invalidTypedData');
  });

  test('an undefined type', () => {
    const input = clone();
    input.types.Mail[2] = { name: 'contents', type: 'Text' };
    expect(codeOf(input)).toBe('invalidTypedData');
  });

  test('a primary type not in types', () => {
    expect(codeOf({ ...clone(), primaryType: 'Letter' })).toBe('invalidTypedData');
  });

  test('uint8 out of range', () => {
    expect(
      codeOf({
        types: { T: [{ name: 'x', type: 'uint8' }] },
        primaryType: 'T',
        domain: { name: 'd' },
        message: { x: 256 },
      }),
    ).toBe('invalidQuantity');
  });

  test('bytes32 of the wrong size', () => {
    expect(
      codeOf({
        types: { T: [{ name: 'x', type: 'bytes32' }] },
        primaryType: 'T',
        domain: {},
        message: { x: '0x1234' },
      }),
    ).toBe('invalidTypedData');
  });

  test('a self-referencing type nested past the bound', () => {
    let node: Record<string, unknown> = { v: 1 };
    for (let i = 0; i < 40; i++) node = { v: 1, next: [node] };
    expect(
      codeOf({
        types: {
          N: [
            { name: 'v', type: 'uint8' },
            { name: 'next', type: 'N[]' },
          ],
        },
        primaryType: 'N',
        domain: {},
        message: node,
      }),
    ).not.toBe('accepted');
  });

  test('not an object', () => {
    expect(codeOf('[1,2]')).toBe('invalidField');
    expect(codeOf('{"types":')).toBe('invalidJson');
    expect(codeOf({ types: {}, domain: {}, message: {} })).toBe('missingField');
  });
});

test('signed integers', () => {
  const payload = parseTypedData({
    types: { T: [{ name: 'x', type: 'int16' }] },
    primaryType: 'T',
    domain: { chainId: '0x1' },
    message: { x: '-300' },
  });
  expect(payload.message.x).toBe(-300n);
  expect(payload.domain.chainId).toBe(1n);
});
