import { expect, test } from 'vitest';
import { encodeType, normalizeTypeKey } from './encodeType';

test('primary type first, then referenced types sorted by name', () => {
  const types = {
    PermitSingle: [
      { name: 'details', type: 'PermitDetails' },
      { name: 'spender', type: 'address' },
      { name: 'sigDeadline', type: 'uint256' },
    ],
    PermitDetails: [
      { name: 'token', type: 'address' },
      { name: 'amount', type: 'uint160' },
    ],
    Unused: [{ name: 'x', type: 'uint8' }],
  };
  expect(encodeType(types, 'PermitSingle')).toBe(
    'PermitSingle(PermitDetails details,address spender,uint256 sigDeadline)PermitDetails(address token,uint160 amount)',
  );
});

test('array members reference their element type; recursion terminates', () => {
  const types = {
    Z: [{ name: 'parts', type: 'A[2][]' }],
    A: [{ name: 'next', type: 'A[]' }],
  };
  expect(encodeType(types, 'Z')).toBe('Z(A[2][] parts)A(A[] next)');
  expect(() => encodeType(types, 'Missing')).toThrow('not defined');
});

test('format keys written with other spacing', () => {
  expect(normalizeTypeKey(' Permit( address owner , uint256 value ) ')).toBe(
    'Permit(address owner,uint256 value)',
  );
});
