import {
  type Config,
  type Connector,
  createConfig,
  createConnector,
  createStorage,
  getConnection,
  http,
} from '@wagmi/core';
import { mainnet } from 'viem/chains';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { PairingHandlers, WalletConnectHandle } from './walletConnectConnector';

const ACCOUNT = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const URI =
  'wc:7f6e504bfad60b485450578e05678ed3e8e8c4751d3c6160be17160d63ec90f9@2?relay-protocol=irn&symKey=58';

/** A stand-in for the lazily loaded module: a connector whose wallet answers when the test says. */
type Fake = {
  handlers?: PairingHandlers;
  approve(): void;
  decline(error: Error): void;
  abandoned: number;
  detached: number;
  disconnected: number;
};
let fake: Fake;
let attachError: Error | undefined;
/** The relay never gets the pairing out: no URI. */
let silent = false;
/** A WalletConnect session is left from the last visit. */
let authorized = false;

function fakeHandle(config: Config): WalletConnectHandle {
  let settle: { resolve: () => void; reject: (e: Error) => void } | undefined;
  const connector = config._internal.connectors.setup(
    createConnector(() => ({
      id: 'walletConnect',
      name: 'WalletConnect',
      type: 'walletConnect',
      async connect(parameters?: { isReconnecting?: boolean }) {
        if (parameters?.isReconnecting) return { accounts: [ACCOUNT], chainId: mainnet.id } as never;
        await new Promise<void>((resolve, reject) => {
          settle = { resolve, reject };
          if (!silent) queueMicrotask(() => fake.handlers?.onUri(URI));
        });
        return { accounts: [ACCOUNT], chainId: mainnet.id } as never;
      },
      async disconnect() {
        fake.disconnected++;
      },
      async getAccounts() {
        return [ACCOUNT];
      },
      async getChainId() {
        return mainnet.id;
      },
      async getProvider() {
        return {};
      },
      async isAuthorized() {
        return authorized;
      },
      onAccountsChanged() {},
      onChainChanged() {},
      onDisconnect() {},
    })),
  );
  config._internal.connectors.setState((list) => [...list, connector]);
  fake.approve = () => settle?.resolve();
  fake.decline = (error) => settle?.reject(error);
  return {
    connector,
    async watch(handlers) {
      fake.handlers = handlers;
      return () => {
        fake.handlers = undefined;
      };
    },
    async abandon() {
      fake.abandoned++;
    },
    async detach() {
      fake.detached++;
      config._internal.connectors.setState((list) => list.filter((c) => c.uid !== connector.uid));
    },
  };
}

vi.mock('./walletConnectConnector', () => ({
  attachWalletConnect: (config: Config) => {
    if (attachError) throw attachError;
    return fakeHandle(config);
  },
}));

const { WalletConnect, PAIRING_CODE_TIMEOUT_MS } = await import('./walletConnect.svelte');

const newConfig = (items: Map<string, string> | null = null): Config =>
  createConfig({
    chains: [mainnet],
    transports: { [mainnet.id]: http() },
    multiInjectedProviderDiscovery: false,
    storage: items
      ? createStorage({
          storage: {
            getItem: (key) => items.get(key) ?? null,
            setItem: (key, value) => void items.set(key, value),
            removeItem: (key) => void items.delete(key),
          },
        })
      : null,
  });
const wcConnectors = (config: Config): Connector[] =>
  config.connectors.filter((c) => c.type === 'walletConnect');
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const ID = '0123456789abcdef0123456789abcdef';

beforeEach(() => {
  fake = { approve() {}, decline() {}, abandoned: 0, detached: 0, disconnected: 0 };
  attachError = undefined;
  silent = false;
  authorized = false;
  vi.stubGlobal('location', { origin: 'https://vigil.example' });
  vi.stubGlobal('navigator', { onLine: true });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('WalletConnect: following the project id', () => {
  test('none, then one, then none: the connector comes and goes', async () => {
    const config = newConfig();
    const wc = new WalletConnect();
    await wc.configure(config, null);
    expect(wc.setup).toEqual({ status: 'off' });
    expect(wc.available).toBe(false);

    const loading = wc.configure(config, ID);
    expect(wc.setup).toEqual({ status: 'loading', projectId: ID });
    await loading;
    expect(wc.setup).toEqual({ status: 'ready', projectId: ID });
    expect(wcConnectors(config)).toHaveLength(1);

    // Unknown (store locked): nothing changes.
    await wc.configure(config, undefined);
    expect(wc.setup.status).toBe('ready');
    // The same id again: nothing reloads.
    await wc.configure(config, ID);
    expect(fake.detached).toBe(0);

    await wc.configure(config, null);
    expect(wc.setup).toEqual({ status: 'off' });
    expect(wcConnectors(config)).toHaveLength(0);
    expect(fake.detached).toBe(1);
  });

  test('a new id replaces the connector; a slower, older configure never wins', async () => {
    const config = newConfig();
    const wc = new WalletConnect();
    const first = wc.configure(config, ID);
    const second = wc.configure(config, 'f'.repeat(32));
    await Promise.all([first, second]);
    expect(wc.setup).toEqual({ status: 'ready', projectId: 'f'.repeat(32) });
    expect(wcConnectors(config)).toHaveLength(1);
  });

  test('a session left from the last visit is resumed when WalletConnect was the last wallet used', async () => {
    authorized = true;
    const items = new Map([['wagmi.recentConnectorId', JSON.stringify('walletConnect')]]);
    const config = newConfig(items);
    await new WalletConnect().configure(config, ID);
    expect(getConnection(config)).toMatchObject({ status: 'connected', address: ACCOUNT });
    // Another wallet was the last one: WalletConnect does not take over.
    const other = newConfig(new Map([['wagmi.recentConnectorId', JSON.stringify('io.metamask')]]));
    await new WalletConnect().configure(other, ID);
    expect(getConnection(other).status).toBe('disconnected');
  });

  test('the code cannot be loaded: failed (load), and picking it again retries', async () => {
    const config = newConfig();
    const wc = new WalletConnect();
    attachError = new TypeError('Failed to fetch dynamically imported module: /_app/immutable/chunks/x.js');
    await wc.configure(config, ID);
    expect(wc.setup).toMatchObject({ status: 'failed', projectId: ID, error: { code: 'load' } });
    attachError = undefined;
    // Not retried on its own (every store write would try the network again)…
    await wc.configure(config, ID);
    expect(wc.setup.status).toBe('failed');
    // …but when the user picks WalletConnect.
    void wc.pair();
    await settled();
    expect(wc.setup.status).toBe('ready');
    expect(wc.pairing.step).toBe('waiting');
  });
});

describe('WalletConnect: pairing', () => {
  async function ready(): Promise<{ config: Config; wc: InstanceType<typeof WalletConnect> }> {
    const config = newConfig();
    const wc = new WalletConnect();
    await wc.configure(config, ID);
    return { config, wc };
  }

  test('starting → waiting with the URI → connected, and the dialog state back to idle', async () => {
    const { config, wc } = await ready();
    const pairing = wc.pair();
    expect(wc.pairing.step).toBe('starting');
    await settled();
    expect(wc.pairing).toEqual({ step: 'waiting', uri: URI });
    expect(wc.pairingUri).toBe(URI);
    fake.approve();
    await pairing;
    expect(wc.pairing).toEqual({ step: 'idle' });
    expect(getConnection(config)).toMatchObject({ status: 'connected', address: ACCOUNT });
    expect(fake.abandoned).toBe(0);
  });

  test('Cancel: idle at once, the pairing abandoned, wagmi not left connecting; a late approval is dropped', async () => {
    const { config, wc } = await ready();
    const pairing = wc.pair();
    await settled();
    wc.cancel();
    expect(wc.pairing).toEqual({ step: 'idle' });
    expect(fake.abandoned).toBe(1);
    expect(config.state.status).toBe('disconnected');
    expect(fake.handlers).toBeUndefined();
    fake.approve();
    await pairing;
    expect(fake.disconnected).toBe(1);
    expect(getConnection(config).status).toBe('disconnected');
  });

  test('the relay refuses the project id while starting: failed, in words, and no late callback changes it', async () => {
    const { wc } = await ready();
    const pairing = wc.pair();
    await Promise.resolve();
    fake.handlers?.onRelayFailure(
      new Error('WebSocket connection closed abnormally with code: 3000 (Unauthorized: invalid key)'),
    );
    expect(wc.pairing).toMatchObject({ step: 'failed', error: { code: 'projectId' } });
    fake.decline(new Error('Failed to publish custom payload'));
    await pairing;
    expect(wc.pairing).toMatchObject({ step: 'failed', error: { code: 'projectId' } });
    wc.cancel();
    expect(wc.pairing).toEqual({ step: 'idle' });
  });

  test('the wallet declines: failed (rejected)', async () => {
    const { wc } = await ready();
    const pairing = wc.pair();
    await settled();
    fake.decline(new Error('User rejected.'));
    await pairing;
    expect(wc.pairing).toMatchObject({ step: 'failed', error: { code: 'rejected' } });
  });

  test('offline: failed (offline), whatever the error says', async () => {
    const { wc } = await ready();
    vi.stubGlobal('navigator', { onLine: false });
    const pairing = wc.pair();
    await settled();
    fake.decline(new Error('No internet connection detected. Please restart your network and try again.'));
    await pairing;
    expect(wc.pairing).toMatchObject({ step: 'failed', error: { code: 'offline' } });
  });

  test('no pairing code within PAIRING_CODE_TIMEOUT_MS: failed (timeout), the pairing abandoned', async () => {
    const { wc } = await ready();
    silent = true;
    vi.useFakeTimers();
    void wc.pair();
    await vi.advanceTimersByTimeAsync(PAIRING_CODE_TIMEOUT_MS - 1);
    expect(wc.pairing.step).toBe('starting');
    await vi.advanceTimersByTimeAsync(1);
    expect(wc.pairing).toMatchObject({ step: 'failed', error: { code: 'timeout' } });
    expect(fake.abandoned).toBe(1);
  });
});
