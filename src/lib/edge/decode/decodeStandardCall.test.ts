import { encodeFunctionData, parseAbi } from 'viem';
import { expect, test } from 'vitest';
import { decodeStandardCall } from './decodeStandardCall';

const owner = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const spender = '0x000000000022D473030F116dDEE9F6B43aC78BA3';

test('approve(address,uint256): shared by ERC-20 and ERC-721', () => {
  const data = encodeFunctionData({
    abi: parseAbi(['function approve(address,uint256)']),
    functionName: 'approve',
    args: [spender, 2n ** 256n - 1n],
  });
  expect(decodeStandardCall(data)).toEqual({
    status: 'decoded',
    selector: '0x095ea7b3',
    functionName: 'approve',
    signature: 'approve(address,uint256)',
    standards: ['ERC-20', 'ERC-721'],
    args: [
      { name: 'spender', type: 'address', value: spender },
      { name: 'amount', type: 'uint256', value: (2n ** 256n - 1n).toString() },
    ],
  });
});

test('setApprovalForAll(address,bool): ERC-721 and ERC-1155', () => {
  const data = encodeFunctionData({
    abi: parseAbi(['function setApprovalForAll(address,bool)']),
    functionName: 'setApprovalForAll',
    args: [spender, true],
  });
  expect(decodeStandardCall(data)).toMatchObject({
    standards: ['ERC-721', 'ERC-1155'],
    args: [{ value: spender }, { value: 'true' }],
  });
});

test('safeBatchTransferFrom arrays', () => {
  const data = encodeFunctionData({
    abi: parseAbi(['function safeBatchTransferFrom(address,address,uint256[],uint256[],bytes)']),
    functionName: 'safeBatchTransferFrom',
    args: [owner, spender, [1n, 2n], [10n, 20n], '0x'],
  });
  expect(decodeStandardCall(data)).toMatchObject({
    status: 'decoded',
    args: [{}, {}, { value: '[1, 2]' }, { value: '[10, 20]' }, { value: '0x' }],
  });
});

test('WETH deposit()', () => {
  expect(decodeStandardCall('0xd0e30db0')).toMatchObject({
    status: 'decoded',
    signature: 'deposit()',
    standards: ['WETH'],
  });
});

test('empty, too short, unknown', () => {
  expect(decodeStandardCall('0x')).toEqual({ status: 'empty' });
  expect(decodeStandardCall('0x1234')).toEqual({ status: 'tooShort', size: 2 });
  expect(decodeStandardCall('0xdeadbeef')).toEqual({ status: 'unknown', selector: '0xdeadbeef' });
});

test('truncated arguments are malformed, not decoded', () => {
  expect(
    decodeStandardCall('0xa9059cbb000000000000000000000000d8da6bf26964af9d7eed9e03e53415d37aa96045'),
  ).toMatchObject({
    status: 'malformed',
    signature: 'transfer(address,uint256)',
  });
});

test('trailing bytes are malformed, not decoded', () => {
  const data = encodeFunctionData({
    abi: parseAbi(['function transfer(address,uint256)']),
    functionName: 'transfer',
    args: [owner, 1n],
  });
  expect(decodeStandardCall(`${data}00`)).toMatchObject({ status: 'malformed' });
});

test('dirty address padding is malformed, not decoded', () => {
  const data = `0xa9059cbbffffffffffffffffffffffff${owner.slice(2).toLowerCase()}${'0'.repeat(63)}1` as const;
  expect(decodeStandardCall(data).status).toBe('malformed');
});
