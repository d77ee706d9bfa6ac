import { expect, test } from 'vitest';
import type { ValueNode } from '../types';
import { formatRaw } from './formatRaw';

test('leaves as they are: decimal integers without separators, bools, addresses, bytes, text', () => {
  expect(formatRaw({ kind: 'leaf', type: 'uint256', value: 12345678901234567890n })).toBe(
    '12345678901234567890',
  );
  expect(formatRaw({ kind: 'leaf', type: 'int256', value: -5n })).toBe('-5');
  expect(formatRaw({ kind: 'leaf', type: 'bool', value: false })).toBe('false');
  expect(formatRaw({ kind: 'leaf', type: 'bytes', value: '0x' })).toBe('0x');
  expect(formatRaw({ kind: 'leaf', type: 'string', value: 'ipfs://x' })).toBe('ipfs://x');
});

test('arrays and structs spelled out, long arrays cut', () => {
  expect(
    formatRaw({
      kind: 'struct',
      type: 'tuple',
      fields: {
        ids: {
          kind: 'array',
          type: 'uint256[]',
          items: [1n, 2n].map((value) => ({ kind: 'leaf', type: 'uint256', value })),
        },
        ok: { kind: 'leaf', type: 'bool', value: true },
      },
    }),
  ).toBe('{ids: [1, 2], ok: true}');
  const many: ValueNode = {
    kind: 'array',
    type: 'uint8[]',
    items: Array.from({ length: 70 }, () => ({ kind: 'leaf', type: 'uint8', value: 0n })),
  };
  expect(formatRaw(many)).toMatch(/, … 6 more\]$/);
});
