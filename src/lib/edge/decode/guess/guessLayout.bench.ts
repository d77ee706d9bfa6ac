import { encodeAbiParameters, encodeFunctionData, type Hex, parseAbi, parseAbiParameters } from 'viem';
import { bench, describe } from 'vitest';
import { guessLayout } from './guessLayout';

const alice = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const selector = '0xdeadbeef';
const erc20 = parseAbi(['function transfer(address, uint256)', 'function approve(address, uint256)']);
const transfer = encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [alice, 10n ** 18n] });
const approve = encodeFunctionData({ abi: erc20, functionName: 'approve', args: [usdc, 2n ** 256n - 1n] });
const calldata = (types: string, values: readonly unknown[]): Hex =>
  `${selector}${encodeAbiParameters(parseAbiParameters(types), values as never).slice(2)}`;
const word = (n: bigint) => n.toString(16).padStart(64, '0');

const inputs: Record<string, Hex> = {
  'transfer(address,uint256)': calldata('address,uint256', [alice, 10n ** 18n]),
  'multicall(uint256,bytes[]) of 3 calls': calldata('uint256,bytes[]', [
    1_700_000_000n,
    [transfer, approve, transfer],
  ]),
  'execute(bytes,bytes[],uint256)': calldata('bytes,bytes[],uint256', [
    '0x0b000604',
    [
      encodeAbiParameters(parseAbiParameters('address,uint256'), [alice, 10n ** 18n]),
      encodeAbiParameters(parseAbiParameters('address,uint256,uint256,bytes,bool'), [
        alice,
        10n ** 18n,
        0n,
        `${usdc}000bb8${alice.slice(2)}`,
        false,
      ]),
      encodeAbiParameters(parseAbiParameters('address,address,uint256'), [usdc, alice, 15n]),
      encodeAbiParameters(parseAbiParameters('address,address,uint256'), [usdc, alice, 0n]),
    ],
    1_700_000_000n,
  ]),
  'exactInput((bytes,address,uint256,uint256,uint256))': calldata('(bytes,address,uint256,uint256,uint256)', [
    [`${usdc}000bb8${alice.slice(2)}`, alice, 1_700_000_000n, 10n ** 18n, 1n],
  ]),
  '(address,uint256,bytes)[] of 200 (1,602 words)': calldata('(address,uint256,bytes)[]', [
    Array.from({ length: 200 }, (_, i) => [alice, BigInt(i), transfer]),
  ]),
  'uint256[] of 4,000 (max size)': calldata('uint256[]', [
    Array.from({ length: 4000 }, (_, i) => BigInt(i * 7)),
  ]),
  'pseudo-random 4,095 words (max size)': (() => {
    let state = 0x2545f491n;
    let args = '';
    for (let i = 0; i < 4095; i++) {
      state = (state * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n;
      args += word(state * state * state);
    }
    return `${selector}${args}` as Hex;
  })(),
  'hostile: 4,096 words of offsets whose last tail fails': (() => {
    let args = '';
    for (let j = 0; j < 2048; j++) args += word(BigInt(32 * (2048 + j)));
    for (let j = 0; j < 2047; j++) args += word(0n);
    return `${selector}${args}${word(1n)}` as Hex;
  })(),
};

describe('guessLayout', () => {
  for (const [name, data] of Object.entries(inputs))
    bench(name, () => {
      guessLayout(data);
    });
});
