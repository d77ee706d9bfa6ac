import type { AbiParameter } from 'viem';

/** One Uniswap v4 router action (v4-periphery Actions.sol) and the layout of its params. */
export type V4ActionSpec = { readonly name: string; readonly inputs: readonly AbiParameter[] };

const address = (name: string): AbiParameter => ({ name, type: 'address' });
const uint = (name: string, bits = 256): AbiParameter => ({ name, type: `uint${bits}` });
const poolKey: AbiParameter = {
  name: 'poolKey',
  type: 'tuple',
  components: [
    address('currency0'),
    address('currency1'),
    uint('fee', 24),
    { name: 'tickSpacing', type: 'int24' },
    address('hooks'),
  ],
};
const pathKey: AbiParameter = {
  name: 'path',
  type: 'tuple[]',
  components: [
    address('intermediateCurrency'),
    uint('fee', 24),
    { name: 'tickSpacing', type: 'int24' },
    address('hooks'),
    { name: 'hookData', type: 'bytes' },
  ],
};
const single = (name: string, amount: string, limit: string): V4ActionSpec => ({
  name,
  inputs: [
    {
      name: 'params',
      type: 'tuple',
      components: [
        poolKey,
        { name: 'zeroForOne', type: 'bool' },
        uint(amount, 128),
        uint(limit, 128),
        { name: 'hookData', type: 'bytes' },
      ],
    },
  ],
});
const multi = (name: string, currency: string, amount: string, limit: string): V4ActionSpec => ({
  name,
  inputs: [
    {
      name: 'params',
      type: 'tuple',
      components: [address(currency), pathKey, uint(amount, 128), uint(limit, 128)],
    },
  ],
});

const int24 = (name: string): AbiParameter => ({ name, type: 'int24' });
const hookData: AbiParameter = { name: 'hookData', type: 'bytes' };

/**
 * v4 router and position-manager actions (v4-periphery Actions.sol; params as CalldataDecoder reads
 * them: swaps take one struct, the others flat parameters). Keys are the action bytes.
 */
const actions: Readonly<Record<number, V4ActionSpec>> = {
  0: {
    name: 'INCREASE_LIQUIDITY',
    inputs: [uint('tokenId'), uint('liquidity'), uint('amount0Max', 128), uint('amount1Max', 128), hookData],
  },
  1: {
    name: 'DECREASE_LIQUIDITY',
    inputs: [uint('tokenId'), uint('liquidity'), uint('amount0Min', 128), uint('amount1Min', 128), hookData],
  },
  2: {
    name: 'MINT_POSITION',
    inputs: [
      poolKey,
      int24('tickLower'),
      int24('tickUpper'),
      uint('liquidity'),
      uint('amount0Max', 128),
      uint('amount1Max', 128),
      address('owner'),
      hookData,
    ],
  },
  3: {
    name: 'BURN_POSITION',
    inputs: [uint('tokenId'), uint('amount0Min', 128), uint('amount1Min', 128), hookData],
  },
  4: {
    name: 'INCREASE_LIQUIDITY_FROM_DELTAS',
    inputs: [uint('tokenId'), uint('amount0Max', 128), uint('amount1Max', 128), hookData],
  },
  5: {
    name: 'MINT_POSITION_FROM_DELTAS',
    inputs: [
      poolKey,
      int24('tickLower'),
      int24('tickUpper'),
      uint('amount0Max', 128),
      uint('amount1Max', 128),
      address('owner'),
      hookData,
    ],
  },
  19: { name: 'CLEAR_OR_TAKE', inputs: [address('currency'), uint('amountMax')] },
  6: single('SWAP_EXACT_IN_SINGLE', 'amountIn', 'amountOutMinimum'),
  7: multi('SWAP_EXACT_IN', 'currencyIn', 'amountIn', 'amountOutMinimum'),
  8: single('SWAP_EXACT_OUT_SINGLE', 'amountOut', 'amountInMaximum'),
  9: multi('SWAP_EXACT_OUT', 'currencyOut', 'amountOut', 'amountInMaximum'),
  11: {
    name: 'SETTLE',
    inputs: [address('currency'), uint('amount'), { name: 'payerIsUser', type: 'bool' }],
  },
  12: { name: 'SETTLE_ALL', inputs: [address('currency'), uint('maxAmount')] },
  13: { name: 'SETTLE_PAIR', inputs: [address('currency0'), address('currency1')] },
  14: { name: 'TAKE', inputs: [address('currency'), address('recipient'), uint('amount')] },
  15: { name: 'TAKE_ALL', inputs: [address('currency'), uint('minAmount')] },
  16: { name: 'TAKE_PORTION', inputs: [address('currency'), address('recipient'), uint('bips')] },
  17: { name: 'TAKE_PAIR', inputs: [address('currency0'), address('currency1'), address('recipient')] },
  18: { name: 'CLOSE_CURRENCY', inputs: [address('currency')] },
  20: { name: 'SWEEP', inputs: [address('currency'), address('recipient')] },
  21: { name: 'WRAP', inputs: [uint('amount')] },
  22: { name: 'UNWRAP', inputs: [uint('amount')] },
};

/** The spec of a v4 action byte, or `undefined` when Vigil does not decode it. */
export function v4ActionSpec(action: number): V4ActionSpec | undefined {
  return actions[action];
}
