import { walletConnect } from '@wagmi/connectors';
import { type Config, type Connector, disconnect } from '@wagmi/core';
import type { EthereumProvider } from '@walletconnect/ethereum-provider';

/*
 * Loaded only through `import()` (walletConnect.svelte.ts), and only once the user has saved a
 * WalletConnect project id: this module, @wagmi/connectors' walletConnect connector and the
 * @walletconnect packages it loads are kept out of the start page's chunks and out of the
 * service worker's precache (vite.config.ts). Nothing else in Vigil touches WalletConnect's
 * provider; the rest of the app sees a wagmi connector like any other.
 */

/** What a pairing attempt reports while it runs. */
export type PairingHandlers = {
  /** The `wc:` pairing URI, to show as a QR code and as text. */
  readonly onUri: (uri: string) => void;
  /** The relay refused or dropped the connection before the pairing was shown. */
  readonly onRelayFailure: (error: Error) => void;
};

/** The WalletConnect connector, added to a wagmi configuration, and what Vigil does with it. */
export type WalletConnectHandle = {
  readonly connector: Connector;
  /** Follows one pairing attempt; returns the function that stops following it. */
  watch(handlers: PairingHandlers): Promise<() => void>;
  /** Drops the pairings not yet approved (the user cancelled, or the attempt failed). */
  abandon(): Promise<void>;
  /** Ends a session with this connector, if any, and takes the connector out of the configuration. */
  detach(): Promise<void>;
};

type Provider = Awaited<ReturnType<(typeof EthereumProvider)['init']>>;

// The relay's events (@walletconnect/core RELAYER_EVENTS), by name: that package is not a direct
// dependency of Vigil.
const RELAYER_ERROR = 'relayer_error';
const RELAYER_DISCONNECT = 'relayer_disconnect';

/**
 * How long a pairing attempt may go without a relay connection. A socket that fails before it
 * opens raises no relayer event (WalletConnect retries quietly, then gives up on publishing after
 * a minute), so Vigil checks: no connection by then means the relay could not be reached.
 */
export const RELAY_CONNECT_WAIT_MS = 10_000;

/**
 * Creates the WalletConnect connector for `projectId` (no QR modal: Vigil draws its own; no
 * telemetry) and adds it to `config`, as wagmi adds a wallet found by EIP-6963 at run time.
 */
export function attachWalletConnect(config: Config, projectId: string, origin: string): WalletConnectHandle {
  const connector = config._internal.connectors.setup(
    walletConnect({
      projectId,
      showQrModal: false,
      telemetryEnabled: false,
      metadata: {
        name: 'Vigil',
        description: 'A transaction guard: see what a request really does before you sign it.',
        url: origin,
        icons: [new URL('/icons/icon-192.png', origin).href],
      },
    }),
  );
  config._internal.connectors.setState((list) => [...list, connector]);
  const provider = async (): Promise<Provider> => (await connector.getProvider()) as Provider;

  return {
    connector,

    async watch(handlers) {
      let shown = false;
      const onMessage = ({ type, data }: { type: string; data?: unknown }): void => {
        if (type !== 'display_uri' || typeof data !== 'string') return;
        shown = true;
        handlers.onUri(data);
      };
      connector.emitter.on('message', onMessage);
      const relayer = (await provider()).signer.client.core.relayer;
      const onError = (error: unknown): void =>
        handlers.onRelayFailure(error instanceof Error ? error : new Error(String(error)));
      // Before the URI is shown, a closed socket means the relay could not be reached; after it,
      // WalletConnect reconnects by itself while the user scans.
      const onDisconnect = (): void => {
        if (!shown) handlers.onRelayFailure(new Error('The relay closed the connection.'));
      };
      relayer.on(RELAYER_ERROR, onError);
      relayer.on(RELAYER_DISCONNECT, onDisconnect);
      const check = setTimeout(() => {
        if (!shown && !relayer.connected) handlers.onRelayFailure(new Error('No connection to the relay.'));
      }, RELAY_CONNECT_WAIT_MS);
      return () => {
        clearTimeout(check);
        connector.emitter.off('message', onMessage);
        relayer.off(RELAYER_ERROR, onError);
        relayer.off(RELAYER_DISCONNECT, onDisconnect);
      };
    },

    async abandon() {
      // No pending proposal survives a cancel: a wallet that scans the old code afterwards reaches
      // nobody. (WalletConnect's own abortPairingAttempt is a no-op since 2.x.)
      await (await provider()).signer.cleanupPendingPairings({ deletePairings: true });
    },

    async detach() {
      try {
        if (config.state.connections.has(connector.uid)) await disconnect(config, { connector });
      } catch {
        // The relay could not be told (offline): end the session on this side all the same.
        connector.emitter.emit('disconnect');
      }
      config._internal.connectors.setState((list) => list.filter((c) => c.uid !== connector.uid));
    },
  };
}
