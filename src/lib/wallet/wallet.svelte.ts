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
import { getContext, setContext, untrack } from 'svelte';
import { createSubscriber } from 'svelte/reactivity';
import { createWalletConfig } from './config';
import { WalletConnect } from './walletConnect.svelte';

/** wagmi's state for one configuration, as runes: read through getters that subscribe to watchX. */
class WalletSession {
  readonly config: Config;
  readonly #subscribe: () => void;

  constructor(config: Config) {
    this.config = config;
    this.#subscribe = createSubscriber((update) => {
      const stops = [
        watchConnection(config, { onChange: update }),
        watchConnectors(config, { onChange: update }),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    });
  }

  get connection(): GetConnectionReturnType {
    this.#subscribe();
    return getConnection(this.config);
  }

  get connectors(): readonly Connector[] {
    this.#subscribe();
    return getConnectors(this.config);
  }
}

/**
 * The wallet connection as runes: wagmi's connection and connectors through `createSubscriber`
 * over `watchConnection` / `watchConnectors`, once `start()` created the configuration.
 */
export class Wallet {
  #session = $state.raw<WalletSession | undefined>(undefined);
  /** The last connect / switch failure, in words. */
  error = $state('');
  busy = $state(false);
  /** WalletConnect (phone wallets through the relay), when the user has saved a project id. */
  readonly walletConnect = new WalletConnect();

  /** The wagmi configuration, once started (browser only). */
  get config(): Config | undefined {
    return this.#session?.config;
  }

  /** wagmi's connection (status, address, chain, connector); undefined before start. */
  get connection(): GetConnectionReturnType | undefined {
    return this.#session?.connection;
  }

  /** The browser wallets found (EIP-6963 announcements); WalletConnect has its own entry. */
  get connectors(): readonly Connector[] {
    return (this.#session?.connectors ?? []).filter((c) => c.type !== 'walletConnect');
  }

  /** The connected account and chain, when connected. */
  get account(): { address: `0x${string}`; chainId: number } | undefined {
    const c = this.connection;
    return c?.status === 'connected' ? { address: c.address, chainId: c.chainId } : undefined;
  }

  /**
   * Creates the configuration and reconnects the last wallet; returns the teardown. `projectId`
   * reads the saved WalletConnect project id (reactively: `null` none, `undefined` not known now)
   * and WalletConnect follows it.
   */
  start(projectId?: () => string | null | undefined): () => void {
    const config = createWalletConfig();
    this.#session = new WalletSession(config);
    const reconnected = reconnect(config).catch(() => undefined);
    const stopFollowing = projectId
      ? $effect.root(() => {
          $effect(() => {
            const id = projectId();
            untrack(() => void this.walletConnect.configure(config, id, reconnected));
          });
        })
      : undefined;
    return () => {
      stopFollowing?.();
      this.walletConnect.stop();
      this.#session = undefined;
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
