import type { Deployment } from '../types';

/**
 * Uniswap V3 SwapRouter (the original router of v3-periphery, before SwapRouter02). Its address is
 * not in any Uniswap SDK; source: Uniswap v3 deployment docs, identical on these four chains.
 */
export const UNISWAP_V3_SWAP_ROUTER: readonly Deployment[] = [1, 10, 137, 42161].map(
  (chain) => [chain, '0xE592427A0AEce92De3Edee1F18E0157C05861564'] as const,
);
