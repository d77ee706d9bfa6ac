import { encodePacked } from 'viem';
import { expect, test } from 'vitest';
import { unpackMultiSend } from './unpackMultiSend';

const a = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const b = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const pack = (op: number, to: `0x${string}`, value: bigint, data: `0x${string}`) =>
  encodePacked(
    ['uint8', 'address', 'uint256', 'uint256', 'bytes'],
    [op, to, value, BigInt((data.length - 2) / 2), data],
  );

test('two transactions, call and delegatecall', () => {
  const bytes = `${pack(0, a, 0n, '0x095ea7b3')}${pack(1, b, 5n, '0x').slice(2)}` as const;
  expect(unpackMultiSend(bytes, 10)).toEqual([
    { operation: 'call', to: a, value: 0n, data: '0x095ea7b3' },
    { operation: 'delegatecall', to: b, value: 5n, data: '0x' },
  ]);
});

test('empty batch', () => {
  expect(unpackMultiSend('0x', 10)).toEqual([]);
});

test('truncated data, trailing byte, bad operation, too many', () => {
  const one = pack(0, a, 0n, '0x12345678');
  expect(unpackMultiSend(one.slice(0, -2) as `0x${string}`, 10)).toMatchObject({
    error: expect.stringMatching(/cut short/),
  });
  expect(unpackMultiSend(`${one}00`, 10)).toMatchObject({ error: expect.stringMatching(/cut short/) });
  expect(unpackMultiSend(pack(2, a, 0n, '0x'), 10)).toMatchObject({
    error: expect.stringMatching(/operation 2/),
  });
  expect(unpackMultiSend(`${one}${one.slice(2)}`, 1)).toMatchObject({ error: 'more than 1 transactions' });
});

test('a data length beyond the bytes given is not trusted', () => {
  const header = encodePacked(['uint8', 'address', 'uint256', 'uint256'], [0, a, 0n, 2n ** 255n]);
  expect(unpackMultiSend(header, 10)).toMatchObject({ error: expect.stringMatching(/cut short/) });
});
