import { expect, test } from 'vitest';
import { formatAddressName } from './formatAddressName';

const vitalik = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';

test('checksummed, from an address, 20 bytes, or a word with an address in it', () => {
  expect(formatAddressName({ kind: 'leaf', type: 'address', value: vitalik.toLowerCase() })).toEqual({
    value: vitalik,
  });
  expect(formatAddressName({ kind: 'leaf', type: 'bytes', value: vitalik.toLowerCase() })).toEqual({
    value: vitalik,
  });
  expect(formatAddressName({ kind: 'leaf', type: 'uint256', value: BigInt(vitalik) })).toEqual({
    value: vitalik,
  });
  expect(
    formatAddressName({
      kind: 'leaf',
      type: 'bytes32',
      value: `0x${'0'.repeat(24)}${vitalik.slice(2).toLowerCase()}`,
    }),
  ).toEqual({ value: vitalik });
});

test('a word with flags above the address: its low 20 bytes, with a warning', () => {
  const word = (1n << 255n) | BigInt(vitalik);
  expect(formatAddressName({ kind: 'leaf', type: 'uint256', value: word })).toEqual({
    value: vitalik,
    warning: expect.stringContaining('top 12 bytes'),
  });
});

test('garbage: text, a short byte string, a bool', () => {
  expect(() => formatAddressName({ kind: 'leaf', type: 'string', value: 'vitalik.eth' })).toThrow(
    'expected an address',
  );
  expect(() => formatAddressName({ kind: 'leaf', type: 'bytes', value: '0x1234' })).toThrow(
    'expected an address',
  );
  expect(() => formatAddressName({ kind: 'leaf', type: 'bool', value: true })).toThrow('expected an address');
});
