import { encodeFunctionData, maxUint256, parseAbi } from 'viem';

/*
 * The fixed public sample of the settings screen's "Test connection" (constants only, so end-to-end
 * tests can import it without the edge).
 */

const abi = parseAbi([
  'function approve(address spender, uint256 amount) returns (bool)',
  'function transfer(address to, uint256 amount) returns (bool)',
]);

/** The addresses and amount of the sample, for tests and for the words around it. */
export const SAMPLE = {
  /** USDC on Ethereum (a listed token: public). */
  token: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  /** The sending wallet (vitalik.eth, as in the inspector's examples): always `self`, never sent. */
  owner: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045',
  /** Uniswap's Universal Router 1.2 (a registry contract: public under every profile). */
  spender: '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD',
  /** An address that is no public contract (a counterparty: hidden, pseudonymized or shown by the profile). */
  recipient: '0x7a16fF8270133F063aAb6C9977183D9e72835428',
  /** 1,234.56 USDC in base units. */
  amount: 1_234_560_000n,
} as const;

/**
 * The fixed public sample the settings screen's "Test connection" sends: an EIP-5792 batch on
 * Ethereum from a well-known wallet that approves Uniswap's Universal Router for unlimited USDC and
 * sends 1,234.56 USDC to an address that is no public contract, so each privacy profile shows what
 * it does with the user, a counterparty and an amount.
 */
export const SAMPLE_INPUT: string = JSON.stringify({
  method: 'wallet_sendCalls',
  params: [
    {
      version: '2.0.0',
      chainId: '0x1',
      from: SAMPLE.owner,
      atomicRequired: true,
      calls: [
        {
          to: SAMPLE.token,
          data: encodeFunctionData({ abi, functionName: 'approve', args: [SAMPLE.spender, maxUint256] }),
        },
        {
          to: SAMPLE.token,
          data: encodeFunctionData({
            abi,
            functionName: 'transfer',
            args: [SAMPLE.recipient, SAMPLE.amount],
          }),
        },
      ],
    },
  ],
});
