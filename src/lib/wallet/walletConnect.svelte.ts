import { type Config, connect, disconnect, reconnect } from '@wagmi/core';
import type { WalletConnectHandle } from './walletConnectConnector';
import { classifyWalletConnectError, type WalletConnectError } from './walletConnectError';

/** Whether WalletConnect is on (a project id is saved) and its connector loaded. */
export type WalletConnectSetup =
  | { readonly status: 'off' }
  | { readonly status: 'loading'; readonly projectId: string }
  | { readonly status: 'ready'; readonly projectId: string }
  | { readonly status: 'failed'; readonly projectId: string; readonly error: WalletConnectError };

/** Where a pairing with a phone wallet stands. */
export type Pairing =
  | { readonly step: 'idle' }
  /** Reaching the relay and creating the pairing. */
  | { readonly step: 'starting' }
  /** The pairing URI is ready: the user scans it (or copies it) in the wallet. */
  | { readonly step: 'waiting'; readonly uri: string }
  | { readonly step: 'failed'; readonly error: WalletConnectError };

/** How long Vigil waits for the relay to give a pairing code before it says the relay does not answer. */
export const PAIRING_CODE_TIMEOUT_MS = 30_000;

/** The only way into WalletConnect's code: a separate chunk, loaded when a project id is set. */
const load = () => import('./walletConnectConnector');

/**
 * WalletConnect as runes: follows the saved project id (`configure`), keeps the connector in the
 * wagmi configuration while one is set, and runs pairings (`pair`, `cancel`) whose URI the UI
 * shows as a QR code. Without a project id nothing of WalletConnect is loaded or contacted.
 */
export class WalletConnect {
  setup = $state.raw<WalletConnectSetup>({ status: 'off' });
  pairing = $state.raw<Pairing>({ step: 'idle' });
  #config: Config | undefined;
  #handle: WalletConnectHandle | undefined;
  /** Counts `configure` calls: a slower, older one never overwrites a newer one. */
  #version = 0;
  /** Counts pairing attempts: an attempt that is no longer the current one changes nothing. */
  #attempt = 0;
  #stopWatching: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** Whether the user has turned WalletConnect on (a project id is saved). */
  get available(): boolean {
    return this.setup.status !== 'off';
  }

  /** The `wc:` URI of the pairing in progress, once the relay has it. */
  get pairingUri(): string | undefined {
    return this.pairing.step === 'waiting' ? this.pairing.uri : undefined;
  }

  /**
   * Follows the saved project id: a new one loads WalletConnect and adds its connector to
   * `config`; `null` (none saved) removes it, ending a WalletConnect session; `undefined` (not
   * known now: the store is locked or not open) changes nothing. `reconnected` is the start-up
   * reconnect, awaited before a WalletConnect session is restored.
   */
  async configure(
    config: Config,
    projectId: string | null | undefined,
    reconnected: Promise<unknown> = Promise.resolve(),
  ): Promise<void> {
    if (projectId === undefined) return;
    const current = this.setup.status === 'off' ? null : this.setup.projectId;
    // The same id (a failed load is retried when the user picks WalletConnect, not on every write).
    if (projectId === current && config === this.#config) return;
    await this.#apply(config, projectId, reconnected);
  }

  async #apply(config: Config, projectId: string | null, reconnected: Promise<unknown>): Promise<void> {
    const version = ++this.#version;
    this.#end({ step: 'idle' });
    const old = this.#handle;
    this.#handle = undefined;
    this.#config = config;
    if (old) await old.detach();
    if (version !== this.#version) return;
    if (projectId === null) {
      this.setup = { status: 'off' };
      return;
    }
    this.setup = { status: 'loading', projectId };
    let handle: WalletConnectHandle;
    try {
      handle = (await load()).attachWalletConnect(config, projectId, location.origin);
    } catch (error) {
      if (version === this.#version)
        this.setup = {
          status: 'failed',
          projectId,
          error: classifyWalletConnectError(error, navigator.onLine),
        };
      return;
    }
    if (version !== this.#version) {
      await handle.detach();
      return;
    }
    this.#handle = handle;
    this.setup = { status: 'ready', projectId };
    await reconnected;
    if (version === this.#version) await this.#restore(config, handle);
  }

  /** Reconnects a WalletConnect session left from the last visit, if WalletConnect was the last wallet used. */
  async #restore(config: Config, handle: WalletConnectHandle): Promise<void> {
    const recent = await config.storage?.getItem('recentConnectorId');
    if (recent !== handle.connector.id || config.state.status === 'connected') return;
    // Like the start-up reconnect: a session that cannot be restored just leaves Vigil disconnected.
    await reconnect(config, { connectors: [handle.connector] }).catch(() => undefined);
  }

  /** Starts pairing with a phone wallet: `pairing` goes to `waiting` with the URI, then `idle` once connected. */
  async pair(): Promise<void> {
    if (this.pairing.step === 'starting' || this.pairing.step === 'waiting') return;
    if (this.setup.status === 'failed' && this.#config)
      await this.#apply(this.#config, this.setup.projectId, Promise.resolve());
    const config = this.#config;
    const handle = this.#handle;
    if (!config || !handle) return;
    const attempt = ++this.#attempt;
    const live = (): boolean => attempt === this.#attempt;
    const fail = (error: unknown): void => {
      if (live()) this.#end({ step: 'failed', error: classifyWalletConnectError(error, navigator.onLine) });
    };
    this.pairing = { step: 'starting' };
    this.#timer = setTimeout(() => {
      if (live() && this.pairing.step === 'starting')
        this.#end({ step: 'failed', error: { code: 'timeout', detail: '' } });
    }, PAIRING_CODE_TIMEOUT_MS);
    try {
      const stop = await handle.watch({
        onUri: (uri) => {
          if (!live()) return;
          clearTimeout(this.#timer);
          this.pairing = { step: 'waiting', uri };
        },
        onRelayFailure: fail,
      });
      if (live()) this.#stopWatching = stop;
      else stop();
      await connect(config, { connector: handle.connector });
    } catch (error) {
      fail(error);
      return;
    }
    if (live()) {
      this.#end({ step: 'idle' }, false);
      return;
    }
    // Cancelled, and the wallet approved all the same (it had scanned the code): drop the session.
    await disconnect(config, { connector: handle.connector }).catch(() =>
      handle.connector.emitter.emit('disconnect'),
    );
  }

  /** Stops waiting for the wallet (Cancel, Escape) or dismisses a failure. */
  cancel(): void {
    if (this.pairing.step !== 'idle') this.#end({ step: 'idle' });
  }

  /** Stops following (the page goes away); a WalletConnect session stays for the next visit. */
  stop(): void {
    this.#version++;
    this.#end({ step: 'idle' });
    this.#handle = undefined;
    this.#config = undefined;
  }

  /** Ends the current attempt, if any: no callback of it changes anything any more. */
  #end(next: Pairing, abandon = true): void {
    const pending = this.pairing.step === 'starting' || this.pairing.step === 'waiting';
    this.#attempt++;
    clearTimeout(this.#timer);
    this.#stopWatching?.();
    this.#stopWatching = undefined;
    this.pairing = next;
    if (!pending || !abandon) return;
    // wagmi's connect is still waiting for the wallet: show the connection as it was before.
    this.#config?.setState((x) =>
      x.status === 'connecting' ? { ...x, status: x.current ? 'connected' : 'disconnected' } : x,
    );
    // Best effort: the pairing expires by itself (5 minutes) if the relay cannot be told now.
    void this.#handle?.abandon().catch(() => undefined);
  }
}
