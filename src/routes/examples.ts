import type { MessageKey } from '$lib/i18n/en';

/** A clickable example on the empty state: its label's message key and the text it fills in. */
export type Example = { readonly id: string; readonly label: MessageKey; readonly text: string };

const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const vitalik = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const permit2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';

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
  { id: 'tx', label: 'example.tx', text: JSON.stringify(transactionJson, null, 2) },
];
