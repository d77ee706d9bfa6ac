import { describe, expect, test } from 'vitest';
import { ParseError } from '../errors';
import { parseEip681 } from './parseEip681';

const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const to = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';

function codeOf(uri: string): string {
  try {
    parseEip681(uri);
  } catch (error) {
    if (error instanceof ParseError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('value transfers', () => {
  test.each([
    ['1', 1n],
    ['1e18', 10n ** 18n],
    ['2.014e18', 2014000000000000000n],
    ['0.5e1', 5n],
    ['0x10', 16n],
    ['+7', 7n],
  ])('value=%s', (value, wei) => {
    expect(parseEip681(`ethereum:${to}?value=${value}`).tx.value).toBe(wei);
  });

  test('pay- prefix, chain id, gas', () => {
    expect(parseEip681(`ethereum:pay-${to}@8453?value=1&gas=21000&gasPrice=1e9`).tx).toEqual({
      to,
      value: 1n,
      data: '0x',
      chainId: 8453n,
      gas: 21000n,
      gasPrice: 1000000000n,
    });
  });
});

describe('function calls', () => {
  test('ERC-20 transfer with exponent amount', () => {
    const payload = parseEip681(`ethereum:${usdc}@1/transfer?address=${to}&uint256=1e6`);
    expect(payload.call).toEqual({
      functionName: 'transfer',
      signature: 'transfer(address,uint256)',
      args: [
        { type: 'address', value: to },
        { type: 'uint256', value: '1e6' },
      ],
    });
    expect(payload.tx.data).toBe(
      '0xa9059cbb000000000000000000000000d8da6bf26964af9d7eed9e03e53415d37aa9604500000000000000000000000000000000000000000000000000000000000f4240',
    );
  });

  test('percent-encoded string argument', () => {
    const payload = parseEip681(`ethereum:${usdc}/setName?string=hello%20world`);
    expect(payload.call?.args).toEqual([{ type: 'string', value: 'hello world' }]);
  });

  test('bool and negative int', () => {
    expect(parseEip681(`ethereum:${usdc}/f?bool=true&int8=-5`).call?.signature).toBe('f(bool,int8)');
  });
});

describe('rejects', () => {
  test.each([
    ['not a URI', 'ethereum'],
    ['no target', 'ethereum:'],
    ['ENS target', 'ethereum:vitalik.eth?value=1', 'unsupported'],
    ['bad chain id', `ethereum:${to}@mainnet`],
    ['fractional wei', `ethereum:${to}?value=1.5`],
    ['negative value', `ethereum:${to}?value=-1`],
    ['value twice', `ethereum:${to}?value=1&value=2`],
    ['unknown key', `ethereum:${to}?amount=1`],
    ['typed param without function', `ethereum:${to}?uint256=1`],
    ['bad function name', `ethereum:${usdc}/trans-fer?uint256=1`],
    ['uint8 overflow', `ethereum:${usdc}/f?uint8=256`],
    ['wrong checksum', 'ethereum:0xd8da6BF26964aF9D7eEd9e03E53415D37aA96045', 'invalidAddress'],
    ['bad percent-encoding', `ethereum:${usdc}/f?string=%E0%A4%A`],
    ['huge exponent', `ethereum:${to}?value=1e99999999`],
    ['bool not boolean', `ethereum:${usdc}/f?bool=yes`],
  ])('%s', (_name, uri, code = 'invalidUri') => {
    expect(codeOf(uri as string)).toBe(code);
  });
});
