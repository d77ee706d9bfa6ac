import { expect, test } from 'vitest';
import { formatNftName } from './formatNftName';

test('token id and collection', () => {
  const id = { kind: 'leaf', type: 'uint256', value: 1234n } as const;
  expect(formatNftName(id, '0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D')).toBe(
    '#1234 of 0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D',
  );
  expect(formatNftName(id, undefined)).toBe('#1234');
  expect(() => formatNftName({ kind: 'leaf', type: 'string', value: 'x' }, undefined)).toThrow();
});
