import { expect, test } from 'vitest';
import { ClearSignPathError } from './errors';
import { parsePath } from './parsePath';
import { resolvePath } from './resolvePath';
import type { Container, ValueNode } from './types';

const leaf = (type: string, value: bigint | boolean | string): ValueNode => ({ kind: 'leaf', type, value });
const data: ValueNode = {
  kind: 'struct',
  type: 'tuple',
  fields: {
    amount: leaf('uint256', 5n),
    path: leaf('bytes', `0x${'aa'.repeat(20)}000bb8${'cc'.repeat(20)}`),
    token: leaf('uint256', (1n << 255n) | 0x1234n),
    bundle: {
      kind: 'array',
      type: 'tuple[]',
      items: [0, 1, 2].map((i) => ({
        kind: 'struct',
        type: 'tuple',
        fields: { to: leaf('address', `0x${String(i).repeat(40)}`), value: leaf('uint256', BigInt(i)) },
      })),
    },
    empty: { kind: 'array', type: 'uint256[]', items: [] },
  },
};
const container: Container = { chainId: 1n, to: '0x1111111111111111111111111111111111111111', value: 7n };
const resolve = (path: string, options = {}) => resolvePath(parsePath(path), data, container, options);

test('a field, absolute and relative', () => {
  expect(resolve('#.amount')).toEqual([{ node: leaf('uint256', 5n), path: '#.amount', bindings: [] }]);
  expect(resolve('amount')[0]?.path).toBe('#.amount');
});

test('[] expands, [i] picks (negative from the end), bindings tie [] to an element', () => {
  expect(resolve('#.bundle.[].value').map((m) => [m.path, m.bindings])).toEqual([
    ['#.bundle.[0].value', [0]],
    ['#.bundle.[1].value', [1]],
    ['#.bundle.[2].value', [2]],
  ]);
  expect(resolve('#.bundle.[-1].value')[0]?.node).toEqual(leaf('uint256', 2n));
  expect(resolve('#.bundle.[].to', { bindings: [1] }).map((m) => m.path)).toEqual(['#.bundle.[1].to']);
  expect(resolve('#.empty.[]')).toEqual([]);
});

test('relative paths start at the enclosing group', () => {
  const [group] = resolve('#.bundle.[2]');
  expect(resolve('value', { scope: group })[0]?.node).toEqual(leaf('uint256', 2n));
});

test('byte slices of bytes and of integers', () => {
  expect(resolve('#.path.[0:20]')[0]?.node).toEqual(leaf('bytes', `0x${'aa'.repeat(20)}`));
  expect(resolve('#.path.[-20:]')[0]?.node).toEqual(leaf('bytes', `0x${'cc'.repeat(20)}`));
  expect(resolve('#.token.[-20:]')[0]?.node).toEqual(leaf('bytes', `0x${'00'.repeat(18)}1234`));
  expect(resolve('#.token.[:1]')[0]?.node).toEqual(leaf('bytes', '0x80'));
  expect(resolve('#.bundle.[1:]')[0]?.node).toMatchObject({ kind: 'array', items: { length: 2 } });
});

test('the container', () => {
  expect(resolve('@.to')[0]?.node).toEqual(leaf('address', container.to as string));
  expect(resolve('@.value')[0]?.node).toEqual(leaf('uint256', 7n));
  expect(resolve('@.chainId')[0]?.node).toEqual(leaf('uint256', 1n));
});

test.each([
  ['#.missing', 'has no field "missing"'],
  ['#.amount.x', 'is a uint256, not a struct'],
  ['#.amount.[]', 'not an array'],
  ['#.bundle.[3]', 'has no element 3'],
  ['#.bundle.x', 'not a struct'],
  ['#.path.[30:10]', 'is empty'],
  ['@.from', '@.from is unknown'],
  ['@.nonce', 'not a container field'],
  ['@.[0]', 'expected @.to'],
  ['$.metadata.constants.x', 'descriptor constant'],
])('garbage: %s', (path, message) => {
  expect(() => resolve(path)).toThrow(ClearSignPathError);
  expect(() => resolve(path)).toThrow(message);
});

test('a path that would expand without bound stops', () => {
  const big: ValueNode = {
    kind: 'array',
    type: 'uint256[][]',
    items: Array.from({ length: 40 }, () => ({
      kind: 'array',
      type: 'uint256[]',
      items: Array.from({ length: 40 }, () => leaf('uint256', 1n)),
    })),
  };
  const root: ValueNode = { kind: 'struct', type: 'tuple', fields: { big } };
  expect(() => resolvePath(parsePath('#.big.[].[]'), root, container)).toThrow('more than 1024 values');
});
