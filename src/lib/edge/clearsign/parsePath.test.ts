import { expect, test } from 'vitest';
import { ClearSignPathError } from './errors';
import { parsePath } from './parsePath';

test('roots: #. data, @. container, $. descriptor, none relative', () => {
  expect(parsePath('#.amount')).toEqual({
    source: '#.amount',
    root: 'data',
    segments: [{ kind: 'field', name: 'amount' }],
  });
  expect(parsePath('@.to').root).toBe('container');
  expect(parsePath('$.metadata.constants.max').root).toBe('descriptor');
  expect(parsePath('amount').root).toBe('relative');
});

test('array selectors with and without a dot', () => {
  expect(parsePath('#.bundle.[].data').segments).toEqual([
    { kind: 'field', name: 'bundle' },
    { kind: 'all' },
    { kind: 'field', name: 'data' },
  ]);
  expect(parsePath('path[-1]').segments).toEqual([
    { kind: 'field', name: 'path' },
    { kind: 'index', index: -1 },
  ]);
  expect(parsePath('params.path.[0:20]').segments[2]).toEqual({ kind: 'slice', start: 0, end: 20 });
  expect(parsePath('token.[-20:]').segments[1]).toEqual({ kind: 'slice', start: -20 });
  expect(parsePath('traits.[:1]').segments[1]).toEqual({ kind: 'slice', end: 1 });
});

test('field names the registry uses', () => {
  expect(parsePath('#._swapData.[-1].receivingAssetId').segments).toHaveLength(3);
  expect(parsePath('HyperliquidTransaction:Withdraw').segments).toEqual([
    { kind: 'field', name: 'HyperliquidTransaction:Withdraw' },
  ]);
});

test.each([
  ['', 'empty path'],
  ['#.a..b', 'empty path element'],
  ['#.a.', 'empty path element'],
  ['#.a[1', 'unclosed ['],
  ['#.a.[x]', 'not an array selector'],
  ['#.a.[1:2:3]', 'not an array selector'],
  ['#.a b', 'not a field name'],
])('garbage: %j', (path, message) => {
  expect(() => parsePath(path)).toThrow(ClearSignPathError);
  expect(() => parsePath(path)).toThrow(message);
});

test('a non-string path is an error, not a crash', () => {
  expect(() => parsePath(42 as unknown as string)).toThrow(ClearSignPathError);
  expect(() => parsePath('a'.repeat(600))).toThrow('path too long');
});
