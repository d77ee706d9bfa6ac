import { expect, test } from 'vitest';
import { formatEnum } from './formatEnum';

const operation = { '0': 'Call', '1': 'Delegate Call' };

test('integers, bools and bytes look up decimal keys', () => {
  expect(formatEnum({ kind: 'leaf', type: 'uint8', value: 1n }, operation)).toBe('Delegate Call');
  expect(
    formatEnum({ kind: 'leaf', type: 'bool', value: true }, { True: 'Grant all', False: 'Deny all' }),
  ).toBe('Grant all');
  expect(formatEnum({ kind: 'leaf', type: 'bytes', value: '0x40' }, { '64': 'Unwrap' })).toBe('Unwrap');
});

test('garbage: a value outside the enum, no enum, a struct', () => {
  expect(() => formatEnum({ kind: 'leaf', type: 'uint8', value: 2n }, operation)).toThrow(
    'not a value of the enum',
  );
  expect(() => formatEnum({ kind: 'leaf', type: 'uint8', value: 0n }, undefined)).toThrow('not defined');
  expect(() => formatEnum({ kind: 'struct', type: 'tuple', fields: {} }, operation)).toThrow(
    'cannot be a struct',
  );
});
