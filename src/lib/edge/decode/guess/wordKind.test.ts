import { hexToBytes, padHex } from 'viem';
import { expect, test } from 'vitest';
import { type WordKind, wordKind } from './wordKind';

const rows: [string, `0x${string}`, WordKind][] = [
  ['zero', '0x0', 'zero'],
  ['one (never bool)', '0x1', 'uint256'],
  ['an amount: 1e18', '0xde0b6b3a7640000', 'uint256'],
  ['a timestamp', '0x6553f100', 'uint256'],
  ['just under 2^96', '0xffffffffffffffffffffffff', 'uint256'],
  ['an address', '0xd8da6bf26964af9d7eed9e03e53415d37aa96045', 'address'],
  ['a vanity address, 7 zero bytes', '0x0000000000000068f116a894984e2db1123eb395', 'address'],
  ['a vanity address, 8 zero bytes: a number', '0x00000000000000001234567890abcdef12345678', 'uint256'],
  ['type(uint160).max', '0xffffffffffffffffffffffffffffffffffffffff', 'uint256'],
  ['type(uint128).max', '0xffffffffffffffffffffffffffffffff', 'uint256'],
  ['2^128', '0x100000000000000000000000000000000', 'uint256'],
  ['10^30, round', '0xc9f2c9cd04674edea40000000', 'uint256'],
  ['a hash', '0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8', 'bytes32'],
  ['left-aligned text', '0x5553444300000000000000000000000000000000000000000000000000000000', 'bytes32'],
  ['2^256 - 1', `0x${'ff'.repeat(32)}`, 'uint256'],
  ['2^255', `0x80${'00'.repeat(31)}`, 'uint256'],
  ['-5 as int256: hex', `0x${'ff'.repeat(31)}fb`, 'bytes32'],
];

test.each(rows)('%s', (_, hex, kind) => {
  expect(wordKind(hexToBytes(padHex(hex, { size: 32 })), 0)).toBe(kind);
});

test('reads the word at a position', () => {
  const bytes = new Uint8Array(64);
  bytes[63] = 7;
  expect([wordKind(bytes, 0), wordKind(bytes, 32)]).toEqual(['zero', 'uint256']);
});
