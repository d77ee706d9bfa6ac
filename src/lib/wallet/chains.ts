import type { Chain } from 'viem';
import { anvil, arbitrum, base, mainnet, optimism, polygon, sepolia } from 'viem/chains';

/**
 * The chains Vigil's wallet connection knows, mainnet first, with a local development chain
 * (anvil / hardhat, id 31337) last. Reads and receipts go through the wallet's own provider, so
 * these entries name chains; they are not RPC endpoints Vigil calls.
 */
export const walletChains = [
  mainnet,
  base,
  optimism,
  arbitrum,
  polygon,
  sepolia,
  anvil,
] as const satisfies readonly [Chain, ...Chain[]];

/** A chain's name for the UI, or its id when Vigil does not know it. */
export function chainName(id: number): string {
  return walletChains.find((c) => c.id === id)?.name ?? `chain ${id}`;
}
