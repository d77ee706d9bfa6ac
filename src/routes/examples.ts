import { encodeAbiParameters, encodeFunctionData, encodePacked, type Hex, maxUint256, parseAbi } from 'viem';
import type { MessageKey } from '$lib/i18n/en';

/** A clickable example on the empty state: its label's message key and the text it fills in. */
export type Example = { readonly id: string; readonly label: MessageKey; readonly text: string };

const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const vitalik = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const permit2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
const weth = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
const zero = '0x0000000000000000000000000000000000000000';
/** Safe's MultiSendCallOnly 1.3.0 and Uniswap's Universal Router 1.2 on Ethereum. */
const multiSendCallOnly = '0x40A2aCCbd92BCA938b02010E17A5b8929b49130D';
const universalRouter = '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD';
/** A Safe account (an arbitrary address: Safe proxies are not in the registry, so execTransaction is known by signature). */
const safe = '0x7a16fF8270133F063aAb6C9977183D9e72835428';

/** `transfer(vitalik.eth, 1,000 USDC)` calldata. */
export const erc20TransferCalldata =
  '0xa9059cbb000000000000000000000000d8da6bf26964af9d7eed9e03e53415d37aa96045000000000000000000000000000000000000000000000000000000003b9aca00';

const permitTypedData = {
  types: {
    EIP712Domain: [
      { name: 'name', type: 'string' },
      { name: 'version', type: 'string' },
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ],
    Permit: [
      { name: 'owner', type: 'address' },
      { name: 'spender', type: 'address' },
      { name: 'value', type: 'uint256' },
      { name: 'nonce', type: 'uint256' },
      { name: 'deadline', type: 'uint256' },
    ],
  },
  primaryType: 'Permit',
  domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: usdc },
  message: {
    owner: vitalik,
    spender: permit2,
    value: '115792089237316195423570985008687907853269984665640564039457584007913129639935',
    nonce: '0',
    deadline: '1767225600',
  },
};

const abi = parseAbi([
  'function transfer(address to, uint256 amount) returns (bool)',
  'function approve(address spender, uint256 amount) returns (bool)',
  'function multiSend(bytes transactions) payable',
  'function execTransaction(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address refundReceiver, bytes signatures) payable returns (bool)',
  'function execute(bytes commands, bytes[] inputs, uint256 deadline) payable',
]);

/** One MultiSend entry: operation (0 = call), to, value, data length, data. */
const multiSendEntry = (to: Hex, data: Hex): Hex =>
  encodePacked(
    ['uint8', 'address', 'uint256', 'uint256', 'bytes'],
    [0, to, 0n, BigInt((data.length - 2) / 2), data],
  );

/** A Safe transaction that delegatecalls MultiSend: send 1,000 USDC, then approve Permit2 without limit. */
const safeMultiSend = {
  from: vitalik,
  to: safe,
  value: '0x0',
  chainId: '0x1',
  data: encodeFunctionData({
    abi,
    functionName: 'execTransaction',
    args: [
      multiSendCallOnly,
      0n,
      encodeFunctionData({
        abi,
        functionName: 'multiSend',
        args: [
          `${multiSendEntry(usdc, encodeFunctionData({ abi, functionName: 'transfer', args: [vitalik, 1_000_000_000n] }))}${multiSendEntry(
            usdc,
            encodeFunctionData({ abi, functionName: 'approve', args: [permit2, maxUint256] }),
          ).slice(2)}`,
        ],
      }),
      1,
      0n,
      0n,
      0n,
      zero,
      zero,
      '0x',
    ],
  }),
};

/** Universal Router plan: swap 1,000 USDC for at least 0.3 WETH on Uniswap v3, then unwrap it to ETH. */
const routerSwap = {
  from: vitalik,
  to: universalRouter,
  value: '0x0',
  chainId: '0x1',
  data: encodeFunctionData({
    abi,
    functionName: 'execute',
    args: [
      '0x000c', // V3_SWAP_EXACT_IN, UNWRAP_WETH
      [
        encodeAbiParameters(
          [
            { type: 'address' },
            { type: 'uint256' },
            { type: 'uint256' },
            { type: 'bytes' },
            { type: 'bool' },
          ],
          [
            '0x0000000000000000000000000000000000000002', // the router itself holds the WETH
            1_000_000_000n,
            300_000_000_000_000_000n,
            encodePacked(['address', 'uint24', 'address'], [usdc, 500, weth]),
            true,
          ],
        ),
        encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [vitalik, 300_000_000_000_000_000n]),
      ],
      1_900_000_000n,
    ],
  }),
};

const transactionJson = {
  from: vitalik,
  to: usdc,
  value: '0x0',
  data: erc20TransferCalldata,
  chainId: '0x1',
  gas: '0xfde8',
  maxFeePerGas: '0x6fc23ac00',
  maxPriorityFeePerGas: '0x3b9aca00',
};

/** The examples offered on the empty state. */
export const examples: readonly Example[] = [
  {
    id: 'approve',
    label: 'example.approve',
    text: `0x095ea7b3000000000000000000000000${permit2.slice(2).toLowerCase()}${'f'.repeat(64)}`,
  },
  {
    id: 'uri',
    label: 'example.uri',
    text: `ethereum:${usdc}@1/transfer?address=${vitalik}&uint256=2.5e6`,
  },
  { id: 'permit', label: 'example.permit', text: JSON.stringify(permitTypedData, null, 2) },
  { id: 'safe', label: 'example.safe', text: JSON.stringify(safeMultiSend, null, 2) },
  { id: 'router', label: 'example.router', text: JSON.stringify(routerSwap, null, 2) },
  { id: 'tx', label: 'example.tx', text: JSON.stringify(transactionJson, null, 2) },
];
