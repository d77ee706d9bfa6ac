import { encodePacked } from 'viem';
import { expect, test } from 'vitest';
import { decodeV3Path } from './decodeV3Path';

const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const weth = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
const dai = '0x6B175474E89094C44Da98b954EedeAC495271d0F';

test('two hops', () => {
  const path = encodePacked(
    ['address', 'uint24', 'address', 'uint24', 'address'],
    [usdc, 500, weth, 3000, dai],
  );
  expect(decodeV3Path(path)).toEqual([
    { tokenIn: usdc, fee: 500, tokenOut: weth },
    { tokenIn: weth, fee: 3000, tokenOut: dai },
  ]);
});

test('bad lengths', () => {
  expect(decodeV3Path('0x')).toBeUndefined();
  expect(decodeV3Path(usdc.toLowerCase() as `0x${string}`)).toBeUndefined();
  const path = encodePacked(['address', 'uint24', 'address'], [usdc, 500, weth]);
  expect(decodeV3Path(`${path}00`)).toBeUndefined();
});
