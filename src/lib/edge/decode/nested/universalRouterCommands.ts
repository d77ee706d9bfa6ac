import type { AbiParameter } from 'viem';

/** Universal Router generations: their command tables differ from 0x10 on. */
export type UniversalRouterVersion = 'v1' | 'v2';

/** What an input of a command is: plain arguments, a nested call, or a nested plan. */
export type CommandNesting =
  /** `(uint256 value, bytes data)` to a marketplace: `data` is a call to `target`. */
  | { readonly kind: 'call'; readonly target: string }
  /** `(bytes commands, bytes[] inputs)`: a sub-plan, decoded with the same table. */
  | { readonly kind: 'subPlan' }
  /** The input is itself calldata for `target` (position-manager calls). */
  | { readonly kind: 'rawCall'; readonly target: string }
  /** `(bytes actions, bytes[] params)` of Uniswap v4. */
  | { readonly kind: 'v4Actions' };

/** One command of the Universal Router. */
export type CommandSpec = {
  readonly name: string;
  readonly inputs: readonly AbiParameter[];
  readonly nesting?: CommandNesting;
};

const address = (name: string): AbiParameter => ({ name, type: 'address' });
const uint = (name: string, bits = 256): AbiParameter => ({ name, type: `uint${bits}` });
const bool = (name: string): AbiParameter => ({ name, type: 'bool' });
const bytes = (name: string): AbiParameter => ({ name, type: 'bytes' });

const permitDetails = [address('token'), uint('amount', 160), uint('expiration', 48), uint('nonce', 48)];
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

/** Commands 0x00–0x0e: the same in every Universal Router (Commands.sol, Dispatcher.sol). */
const shared: Readonly<Record<number, CommandSpec>> = {
  0: {
    name: 'V3_SWAP_EXACT_IN',
    inputs: [
      address('recipient'),
      uint('amountIn'),
      uint('amountOutMin'),
      bytes('path'),
      bool('payerIsUser'),
    ],
  },
  1: {
    name: 'V3_SWAP_EXACT_OUT',
    inputs: [
      address('recipient'),
      uint('amountOut'),
      uint('amountInMax'),
      bytes('path'),
      bool('payerIsUser'),
    ],
  },
  2: { name: 'PERMIT2_TRANSFER_FROM', inputs: [address('token'), address('recipient'), uint('amount', 160)] },
  3: {
    name: 'PERMIT2_PERMIT_BATCH',
    inputs: [
      {
        name: 'permitBatch',
        type: 'tuple',
        components: [
          { name: 'details', type: 'tuple[]', components: permitDetails },
          address('spender'),
          uint('sigDeadline'),
        ],
      },
      bytes('signature'),
    ],
  },
  4: { name: 'SWEEP', inputs: [address('token'), address('recipient'), uint('amountMin')] },
  5: { name: 'TRANSFER', inputs: [address('token'), address('recipient'), uint('value')] },
  6: { name: 'PAY_PORTION', inputs: [address('token'), address('recipient'), uint('bips')] },
  8: {
    name: 'V2_SWAP_EXACT_IN',
    inputs: [
      address('recipient'),
      uint('amountIn'),
      uint('amountOutMin'),
      { name: 'path', type: 'address[]' },
      bool('payerIsUser'),
    ],
  },
  9: {
    name: 'V2_SWAP_EXACT_OUT',
    inputs: [
      address('recipient'),
      uint('amountOut'),
      uint('amountInMax'),
      { name: 'path', type: 'address[]' },
      bool('payerIsUser'),
    ],
  },
  10: {
    name: 'PERMIT2_PERMIT',
    inputs: [
      {
        name: 'permitSingle',
        type: 'tuple',
        components: [
          { name: 'details', type: 'tuple', components: permitDetails },
          address('spender'),
          uint('sigDeadline'),
        ],
      },
      bytes('signature'),
    ],
  },
  11: { name: 'WRAP_ETH', inputs: [address('recipient'), uint('amountMin')] },
  12: { name: 'UNWRAP_WETH', inputs: [address('recipient'), uint('amountMin')] },
  13: {
    name: 'PERMIT2_TRANSFER_FROM_BATCH',
    inputs: [
      {
        name: 'batchDetails',
        type: 'tuple[]',
        components: [address('from'), address('to'), uint('amount', 160), address('token')],
      },
    ],
  },
  14: { name: 'BALANCE_CHECK_ERC20', inputs: [address('owner'), address('token'), uint('minBalance')] },
};

const subPlan: CommandSpec = {
  name: 'EXECUTE_SUB_PLAN',
  inputs: [bytes('commands'), { name: 'inputs', type: 'bytes[]' }],
  nesting: { kind: 'subPlan' },
};

const marketCall = (name: string, target: string): CommandSpec => ({
  name,
  inputs: [uint('value'), bytes('data')],
  nesting: { kind: 'call', target },
});

/** A marketplace call that also names what the router forwards: `(value, data, recipient, token, id[, amount])`. */
const forwardingCall = (name: string, amount: boolean): CommandSpec => ({
  name,
  inputs: [
    uint('value'),
    bytes('data'),
    address('recipient'),
    address('token'),
    uint('id'),
    ...(amount ? [uint('amount')] : []),
  ],
  nesting: { kind: 'call', target: '' },
});

/**
 * Universal Router v1.x (2022–2024): NFT marketplace commands from 0x10 (v1 Commands.sol,
 * Dispatcher.sol). Keys are the command bytes (0x10 = 16 …). Marketplace targets other than
 * Seaport are router immutables: their calls are decoded without a known target ('').
 */
const v1: Readonly<Record<number, CommandSpec>> = {
  ...shared,
  16: marketCall('SEAPORT_V1_5', 'seaport-1.5'),
  17: marketCall('LOOKS_RARE_V2', ''),
  18: marketCall('NFTX', ''),
  19: { name: 'CRYPTOPUNKS', inputs: [uint('punkId'), address('recipient'), uint('value')] },
  21: { name: 'OWNER_CHECK_721', inputs: [address('owner'), address('token'), uint('id')] },
  22: {
    name: 'OWNER_CHECK_1155',
    inputs: [address('owner'), address('token'), uint('id'), uint('minBalance')],
  },
  23: { name: 'SWEEP_ERC721', inputs: [address('token'), address('recipient'), uint('id')] },
  24: forwardingCall('X2Y2_721', false),
  25: marketCall('SUDOSWAP', ''),
  26: marketCall('NFT20', ''),
  27: forwardingCall('X2Y2_1155', true),
  28: forwardingCall('FOUNDATION', false),
  29: { name: 'SWEEP_ERC1155', inputs: [address('token'), address('recipient'), uint('id'), uint('amount')] },
  30: marketCall('ELEMENT_MARKET', ''),
  32: marketCall('SEAPORT_V1_4', 'seaport-1.4'),
  33: subPlan,
};

/** Universal Router v2 (Uniswap v4): v4 swaps and position-manager calls from 0x10. */
const v2: Readonly<Record<number, CommandSpec>> = {
  ...shared,
  16: {
    name: 'V4_SWAP',
    inputs: [bytes('actions'), { name: 'params', type: 'bytes[]' }],
    nesting: { kind: 'v4Actions' },
  },
  17: {
    name: 'V3_POSITION_MANAGER_PERMIT',
    inputs: [],
    nesting: { kind: 'rawCall', target: 'uniswap-v3-position-manager' },
  },
  18: {
    name: 'V3_POSITION_MANAGER_CALL',
    inputs: [],
    nesting: { kind: 'rawCall', target: 'uniswap-v3-position-manager' },
  },
  19: { name: 'V4_INITIALIZE_POOL', inputs: [poolKey, uint('sqrtPriceX96', 160)] },
  20: {
    name: 'V4_POSITION_MANAGER_CALL',
    inputs: [],
    nesting: { kind: 'rawCall', target: 'uniswap-v4-position-manager' },
  },
  33: subPlan,
};

/** The command type is the low 6 bits; the top bit lets the command revert without failing the plan. */
export function commandType(byte: number): { readonly type: number; readonly allowRevert: boolean } {
  return { type: byte & 0x3f, allowRevert: (byte & 0x80) !== 0 };
}

/**
 * The spec of a command, given the router's generation. Without the generation, only the commands
 * both generations share are known: a command from 0x10 on means different things in each.
 */
export function commandSpec(
  type: number,
  version: UniversalRouterVersion | undefined,
): CommandSpec | undefined {
  if (version === 'v1') return v1[type];
  if (version === 'v2') return v2[type];
  return shared[type] ?? (type === 0x21 ? subPlan : undefined);
}
