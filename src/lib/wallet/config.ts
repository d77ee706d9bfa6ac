import { type Config, createConfig, createStorage, http } from '@wagmi/core';
import { walletChains } from './chains';

/**
 * The wagmi configuration: injected wallets discovered by EIP-6963 (mipd), the chains above, the
 * last connection remembered in localStorage so a reload reconnects. Created in the browser only
 * (the layout's onMount), never at import time.
 */
export function createWalletConfig(): Config {
  return createConfig({
    chains: walletChains,
    // Vigil never reads a chain through these: requests and receipts go through the wallet.
    transports: Object.fromEntries(walletChains.map((c) => [c.id, http()])) as never,
    multiInjectedProviderDiscovery: true,
    storage: createStorage({ storage: localStorage, key: 'vigil.wallet' }),
    ssr: false,
  });
}
