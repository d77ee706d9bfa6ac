import {
  type Config,
  type Connector,
  connect,
  disconnect,
  type GetConnectionReturnType,
  getConnection,
  getConnectors,
  reconnect,
  switchChain,
  watchConnection,
  watchConnectors,
} from '@wagmi/core';
import { getContext, setContext } from 'svelte';
import { createWalletConfig } from './config';

/** The wallet connection as runes: wagmi's connection and connectors, followed with watchX. */
export class Wallet {
  /** Created on start (browser only); undefined before. */
  config = $state.raw<Config | undefined>(undefined);
  connection = $state.raw<GetConnectionReturnType | undefined>(undefined);
  connectors = $state.raw<readonly Connector[]>([]);
  /** The last connect / switch failure, in words. */
  error = $state('');
  busy = $state(false);

  /** The connected account and chain, when connected. */
  get account(): { address: `0x${string}`; chainId: number } | undefined {
    const c = this.connection;
    return c?.status === 'connected' ? { address: c.address, chainId: c.chainId } : undefined;
  }

  /** Creates the configuration, reconnects the last wallet, and follows both; returns the teardown. */
  start(): () => void {
    const config = createWalletConfig();
    this.config = config;
    this.connection = getConnection(config);
    this.connectors = getConnectors(config);
    const stops = [
      watchConnection(config, { onChange: (c) => (this.connection = c) }),
      watchConnectors(config, { onChange: (c) => (this.connectors = c) }),
    ];
    void reconnect(config).catch(() => undefined);
    return () => {
      for (const stop of stops) stop();
    };
  }

  async #run(action: (config: Config) => Promise<unknown>): Promise<void> {
    const config = this.config;
    if (!config) return;
    this.busy = true;
    this.error = '';
    try {
      await action(config);
    } catch (error) {
      this.error =
        error instanceof Error
          ? ((error as { shortMessage?: string }).shortMessage ?? error.message)
          : String(error);
    } finally {
      this.busy = false;
    }
  }

  connect(connector: Connector): Promise<void> {
    return this.#run((config) => connect(config, { connector }));
  }

  disconnect(): Promise<void> {
    return this.#run((config) => disconnect(config));
  }

  switchChain(chainId: number): Promise<void> {
    return this.#run((config) => switchChain(config, { chainId: chainId as never }));
  }
}

const key = Symbol('vigil.wallet');

/** Shares the page's wallet with every component below (call in the root layout). */
export function setWallet(wallet: Wallet): Wallet {
  return setContext(key, wallet);
}

/** The page's wallet (set by the root layout). */
export function getWallet(): Wallet {
  const wallet = getContext<Wallet | undefined>(key);
  if (!wallet) throw new Error('getWallet() outside the root layout.');
  return wallet;
}
