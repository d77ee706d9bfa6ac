import { encodeFunctionData, type Hex, parseAbiItem } from 'viem';
import { expect, test } from 'vitest';
import { decodeExactCall } from './decodeExactCall';

const transfer = parseAbiItem('function transfer(address to, uint256 value)');
const multicall = parseAbiItem('function multicall(bytes[] data)');
const to = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';

test('canonical data decodes', () => {
  const data = encodeFunctionData({ abi: [transfer], args: [to, 5n] });
  expect(decodeExactCall(transfer, data)).toEqual({ ok: true, args: [to, 5n] });
});

test('bytes after the arguments are returned, not refused', () => {
  const data = encodeFunctionData({ abi: [transfer], args: [to, 5n] });
  expect(decodeExactCall(transfer, `${data}76`)).toEqual({ ok: true, args: [to, 5n], trailing: '0x76' });
});

test('too short → undecodable', () => {
  expect(decodeExactCall(transfer, '0xa9059cbb1234')).toMatchObject({ ok: false, code: 'undecodable' });
});

test('an offset pointing elsewhere than the canonical place → notCanonical', () => {
  const data = encodeFunctionData({ abi: [multicall], args: [['0x01']] });
  // Move the array's offset one word later and insert a junk word: still decodes, not canonical.
  const body = data.slice(10);
  const words = body.match(/.{64}/g) as string[];
  const shifted = [(0x40).toString(16).padStart(64, '0'), 'ff'.repeat(32), ...words.slice(1)].join('');
  expect(decodeExactCall(multicall, `0xac9650d8${shifted}` as Hex)).toMatchObject({
    ok: false,
    code: 'notCanonical',
  });
});
