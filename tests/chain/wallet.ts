import type { Page } from '@playwright/test';
import { anvilChainId, anvilUrl } from './config';

/**
 * An injected EIP-1193 test wallet, announced per EIP-6963, for Playwright pages.
 *
 * It answers account, chain and permission calls itself and forwards everything else
 * (`eth_sendTransaction`, `personal_sign`, `eth_signTypedData_v4`, `eth_call`, …) to anvil, whose
 * dev accounts are unlocked: anvil signs, so a real transaction lands on the test chain.
 * `window.__testWallet` lets a test see every request and play the user (reject, hold, switch).
 */

export type TestWalletOptions = {
  /** JSON-RPC endpoint that receives forwarded calls; anvil's by default. */
  rpcUrl?: string;
  /** The wallet's account; anvil account 0 by default. */
  account?: `0x${string}`;
  /** The chain the wallet is on at load; 31337 by default. */
  chainId?: number;
  /** Chains `wallet_switchEthereumChain` accepts (the current one is always added). */
  chains?: number[];
  /** Whether this site is already connected at load, so `eth_accounts` answers the account before any `eth_requestAccounts`. False by default, as in a fresh wallet. */
  authorized?: boolean;
  /** Also set `window.ethereum` (off by default: wagmi finds the wallet through EIP-6963). */
  windowEthereum?: boolean;
  /**
   * Whether the wallet sends transactions carrying EIP-7702 authorizations (true by default: anvil
   * does). False plays a wallet that refuses them, as MetaMask refuses a site's authorizations.
   */
  eip7702?: boolean;
  /** EIP-6963 provider info. */
  name?: string;
  rdns?: string;
  uuid?: string;
};

/** One request the page made, in order. `held` waits on `releaseHeld`; `error` carries the code thrown. */
export type WalletRequest = {
  method: string;
  params: unknown;
  /** `test`: made by the test through `walletRequest`; `page`: made by the app itself. */
  source: 'page' | 'test';
  status: 'pending' | 'held' | 'ok' | 'error';
  error?: { code: number; message: string };
};

export type WalletResult = { result: unknown } | { error: { code: number; message: string; data?: unknown } };

/** `window.__testWallet`, as the page sees it. */
export type TestWalletControls = {
  provider: Eip1193Provider;
  info: { uuid: string; name: string; icon: string; rdns: string };
  requests: WalletRequest[];
  clearRequests(): void;
  /** The next request whose method is `method` (any of them, for an array; any request if omitted) throws 4001. */
  rejectNext(method?: string | string[]): void;
  /** The next matching request waits, unanswered, until `releaseHeld()` — a wallet prompt left open. */
  holdNext(method?: string | string[]): void;
  /** Answers the oldest held request (or rejects it with 4001). False if none was held. */
  releaseHeld(options?: { reject?: boolean }): boolean;
  setAccount(address: string): void;
  setChain(chainId: number): void;
  /** The user disconnects this site in the wallet: `eth_accounts` answers [] and `accountsChanged([])` fires. */
  revoke(): void;
  emit(event: string, ...args: unknown[]): void;
  state(): { account: string; chainId: number; chains: number[]; authorized: boolean };
};

export type Eip1193Provider = {
  request(args: { method: string; params?: unknown }): Promise<unknown>;
  on(event: string, listener: (...args: unknown[]) => void): Eip1193Provider;
  removeListener(event: string, listener: (...args: unknown[]) => void): Eip1193Provider;
};

type ResolvedOptions = Required<TestWalletOptions> & { icon: string };

/** Anvil account 0. */
export const defaultWalletAccount = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

const icon =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f2937"/><path d="M8 10l8 14 8-14" fill="none" stroke="#f59e0b" stroke-width="3"/></svg>',
  );

/**
 * Runs in the page (`page.addInitScript(testWalletScript, options)`): self-contained, it may use
 * nothing from this module at run time.
 */
export function testWalletScript(options: ResolvedOptions): void {
  type Listener = (...args: unknown[]) => void;
  type Rule = { methods: string[] | null; action: 'reject' | 'hold' };
  type Held = { entry: WalletRequest; proceed: () => void; reject: (error: unknown) => void };
  type State = { account: string; chainId: number; chains: number[]; authorized: boolean };

  const storageKey = 'vigil.testWallet';
  const toHex = (n: number) => `0x${n.toString(16)}`;
  const rpcError = (code: number, message: string, data?: unknown) =>
    Object.assign(new Error(message), { code, ...(data === undefined ? {} : { data }) });
  const userRejected = () => rpcError(4001, 'User rejected the request.');

  // A wallet remembers this site across reloads: keep the state per tab.
  let saved: Partial<State> = {};
  try {
    saved = JSON.parse(sessionStorage.getItem(storageKey) ?? '{}') as Partial<State>;
  } catch {
    // about:blank and sandboxed frames have no sessionStorage.
  }
  const state: State = {
    account: saved.account ?? options.account,
    chainId: saved.chainId ?? options.chainId,
    chains: saved.chains ?? [...options.chains],
    authorized: saved.authorized ?? options.authorized,
  };
  if (!state.chains.includes(state.chainId)) state.chains.push(state.chainId);
  const save = () => {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(state));
    } catch {
      // See above.
    }
  };

  const listeners = new Map<string, Set<Listener>>();
  const emit = (event: string, ...args: unknown[]) => {
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(...args);
      } catch (error) {
        console.error(error);
      }
    }
  };

  const requests: WalletRequest[] = [];
  const rules: Rule[] = [];
  const held: Held[] = [];
  const asMethods = (method?: string | string[]) =>
    method === undefined ? null : Array.isArray(method) ? method : [method];
  const takeRule = (method: string): Rule | undefined => {
    const index = rules.findIndex((rule) => rule.methods === null || rule.methods.includes(method));
    return index === -1 ? undefined : rules.splice(index, 1)[0];
  };

  let rpcId = 0;
  const forward = async (method: string, params: unknown): Promise<unknown> => {
    const response = await fetch(options.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params: params ?? [] }),
    });
    const body = (await response.json()) as {
      result?: unknown;
      error?: { code: number; message: string; data?: unknown };
    };
    if (body.error) throw rpcError(body.error.code, body.error.message, body.error.data);
    return body.result;
  };

  const same = (a: unknown, b: string) => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
  /** A real wallet signs only for the connected account, and only once the site is connected. */
  const requireAccount = (address: unknown) => {
    if (!state.authorized) throw rpcError(4100, 'The requested account has not been authorized by the user.');
    if (!same(address, state.account)) throw rpcError(4100, `Unknown account ${String(address)}.`);
  };
  const permissions = () =>
    state.authorized
      ? [
          {
            parentCapability: 'eth_accounts',
            invoker: location.origin,
            caveats: [{ type: 'restrictReturnedAccounts', value: [state.account] }],
          },
        ]
      : [];
  const authorize = () => {
    if (state.authorized) return;
    state.authorized = true;
    save();
    emit('accountsChanged', [state.account]);
  };
  const switchTo = (chainId: number) => {
    if (state.chainId === chainId) return;
    state.chainId = chainId;
    save();
    emit('chainChanged', toHex(chainId));
  };

  /** EIP-5792 batches sent so far, by id. */
  const batches = new Map<string, { chainId: number; hashes: string[] }>();

  const answer = async (method: string, params: unknown): Promise<unknown> => {
    const list = Array.isArray(params) ? (params as unknown[]) : [];
    switch (method) {
      case 'eth_requestAccounts':
        authorize();
        return [state.account];
      case 'eth_accounts':
        return state.authorized ? [state.account] : [];
      case 'eth_chainId':
        return toHex(state.chainId);
      case 'net_version':
        return String(state.chainId);
      case 'wallet_switchEthereumChain': {
        const chainId = Number((list[0] as { chainId?: string } | undefined)?.chainId);
        if (!state.chains.includes(chainId))
          throw rpcError(4902, `Unrecognized chain ID "${toHex(chainId)}". Try adding the chain first.`);
        switchTo(chainId);
        return null;
      }
      case 'wallet_addEthereumChain': {
        // As MetaMask: add the chain, then switch to it.
        const chainId = Number((list[0] as { chainId?: string } | undefined)?.chainId);
        if (!Number.isSafeInteger(chainId) || chainId <= 0) throw rpcError(-32602, 'Invalid chainId.');
        if (!state.chains.includes(chainId)) state.chains.push(chainId);
        switchTo(chainId);
        return null;
      }
      case 'wallet_getCapabilities':
        return {};
      case 'wallet_requestPermissions':
        authorize();
        return permissions();
      case 'wallet_getPermissions':
        return permissions();
      case 'wallet_revokePermissions':
        controls.revoke();
        return null;
      case 'eth_sendTransaction':
      case 'eth_signTransaction': {
        const tx = { ...((list[0] as Record<string, unknown> | undefined) ?? {}) };
        tx.from ??= state.account;
        requireAccount(tx.from);
        if (tx.authorizationList !== undefined && !options.eip7702)
          throw rpcError(-32602, 'External EIP-7702 transactions are not supported.');
        return forward(method, [tx, ...list.slice(1)]);
      }
      case 'wallet_sendCalls': {
        // EIP-5792, as a wallet without atomic batching does it: one transaction per call, in order.
        const batch = (list[0] ?? {}) as {
          from?: string;
          chainId?: string;
          calls?: { to?: string; value?: string; data?: string }[];
        };
        const from = batch.from ?? state.account;
        requireAccount(from);
        if (batch.chainId !== undefined && Number(batch.chainId) !== state.chainId)
          throw rpcError(4901, 'The batch is for another chain.');
        const hashes: string[] = [];
        for (const call of batch.calls ?? [])
          hashes.push(
            (await forward('eth_sendTransaction', [
              { from, to: call.to, value: call.value ?? '0x0', data: call.data ?? '0x' },
            ])) as string,
          );
        const id = `0x${(batches.size + 1).toString(16).padStart(64, '0')}`;
        batches.set(id, { chainId: state.chainId, hashes });
        return { id };
      }
      case 'wallet_getCallsStatus': {
        const id = String(list[0]);
        const batch = batches.get(id);
        if (!batch) throw rpcError(5730, 'Unknown bundle id.');
        const receipts = await Promise.all(
          batch.hashes.map((h) => forward('eth_getTransactionReceipt', [h])),
        );
        const done = receipts.every((r) => r !== null);
        return {
          version: '2.0.0',
          id,
          chainId: toHex(batch.chainId),
          atomic: false,
          status: done ? 200 : 100,
          ...(done && {
            receipts: (
              receipts as {
                status: string;
                blockHash: string;
                blockNumber: string;
                gasUsed: string;
                transactionHash: string;
                logs: unknown[];
              }[]
            ).map((r) => ({
              status: r.status,
              blockHash: r.blockHash,
              blockNumber: r.blockNumber,
              gasUsed: r.gasUsed,
              transactionHash: r.transactionHash,
              logs: r.logs,
            })),
          }),
        };
      }
      case 'personal_sign':
        requireAccount(list[1]);
        return forward(method, list);
      case 'eth_sign':
      case 'eth_signTypedData':
      case 'eth_signTypedData_v3':
      case 'eth_signTypedData_v4':
        requireAccount(list[0]);
        return forward(method, list);
      default:
        if (method.startsWith('wallet_')) throw rpcError(4200, `The test wallet does not support ${method}.`);
        return forward(method, params);
    }
  };

  const provider: Eip1193Provider = {
    async request(args) {
      const method = args?.method;
      const params = args?.params;
      if (typeof method !== 'string') throw rpcError(-32600, 'Invalid request: method must be a string.');
      // A copy, so that later changes by the page do not rewrite history.
      let logged: unknown = params;
      try {
        logged = params === undefined ? undefined : JSON.parse(JSON.stringify(params));
      } catch {
        // Not JSON (e.g. bigint): keep the reference.
      }
      const source = (args as { __fromTest?: boolean }).__fromTest === true ? 'test' : 'page';
      const entry: WalletRequest = { method, params: logged, source, status: 'pending' };
      requests.push(entry);
      try {
        const rule = takeRule(method);
        if (rule?.action === 'reject') throw userRejected();
        if (rule?.action === 'hold') {
          entry.status = 'held';
          await new Promise<void>((proceed, reject) => {
            held.push({ entry, proceed, reject });
          });
          entry.status = 'pending';
        }
        const result = await answer(method, params);
        entry.status = 'ok';
        return result;
      } catch (error) {
        const { code, message } = error as { code?: unknown; message?: unknown };
        entry.status = 'error';
        entry.error = { code: typeof code === 'number' ? code : -32603, message: String(message) };
        throw error;
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener);
      return provider;
    },
    removeListener(event, listener) {
      listeners.get(event)?.delete(listener);
      return provider;
    },
  };
  // Aliases some libraries use.
  Object.assign(provider, {
    addListener: provider.on,
    off: provider.removeListener,
    isVigilTestWallet: true,
  });

  const info = Object.freeze({
    uuid: options.uuid,
    name: options.name,
    icon: options.icon,
    rdns: options.rdns,
  });
  const controls: TestWalletControls = {
    provider,
    info,
    requests,
    clearRequests() {
      requests.length = 0;
    },
    rejectNext(method) {
      rules.push({ methods: asMethods(method), action: 'reject' });
    },
    holdNext(method) {
      rules.push({ methods: asMethods(method), action: 'hold' });
    },
    releaseHeld(release) {
      const next = held.shift();
      if (!next) return false;
      if (release?.reject) next.reject(userRejected());
      else next.proceed();
      return true;
    },
    setAccount(address) {
      state.account = address;
      save();
      if (state.authorized) emit('accountsChanged', [address]);
    },
    setChain(chainId) {
      if (!state.chains.includes(chainId)) state.chains.push(chainId);
      switchTo(chainId);
    },
    revoke() {
      if (!state.authorized) return;
      state.authorized = false;
      save();
      emit('accountsChanged', []);
    },
    emit,
    state: () => ({ ...state, chains: [...state.chains] }),
  };
  Object.defineProperty(window, '__testWallet', { value: controls, configurable: true });
  if (options.windowEthereum)
    Object.defineProperty(window, 'ethereum', { value: provider, configurable: true });

  // EIP-6963: announce at load and whenever a dapp asks.
  const announce = () =>
    window.dispatchEvent(
      new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }),
    );
  window.addEventListener('eip6963:requestProvider', announce);
  announce();
}

/** Installs the test wallet in every page and frame `page` loads from now on. */
export async function installTestWallet(page: Page, options: TestWalletOptions = {}): Promise<void> {
  const chainId = options.chainId ?? anvilChainId;
  const resolved: ResolvedOptions = {
    rpcUrl: options.rpcUrl ?? anvilUrl,
    account: options.account ?? defaultWalletAccount,
    chainId,
    chains: options.chains ?? [anvilChainId],
    authorized: options.authorized ?? false,
    windowEthereum: options.windowEthereum ?? false,
    eip7702: options.eip7702 ?? true,
    name: options.name ?? 'Anvil Test Wallet',
    rdns: options.rdns ?? 'dev.vigil.testwallet',
    uuid: options.uuid ?? crypto.randomUUID(),
    icon,
  };
  await page.addInitScript(testWalletScript, resolved);
}

/** Calls the test wallet's provider from the page, as a dapp would; a thrown EIP-1193 error comes back as `{ error }`. */
export function walletRequest(page: Page, method: string, params?: unknown): Promise<WalletResult> {
  return page.evaluate(
    async ({ method, params }) => {
      const wallet = (window as unknown as { __testWallet: TestWalletControls }).__testWallet;
      try {
        return { result: await wallet.provider.request({ method, params, __fromTest: true } as never) };
      } catch (error) {
        const { code, message, data } = error as { code: number; message: string; data?: unknown };
        return { error: { code, message, ...(data === undefined ? {} : { data }) } };
      }
    },
    { method, params },
  );
}

/** Every request the page made to the wallet so far, in order. */
export function walletRequests(page: Page): Promise<WalletRequest[]> {
  return page.evaluate(
    () => (window as unknown as { __testWallet: TestWalletControls }).__testWallet.requests,
  );
}

/**
 * The methods of `walletRequests`, in order; with `source`, only the test's own requests (made
 * through `walletRequest`) or only the app's.
 */
export async function walletMethods(page: Page, source?: WalletRequest['source']): Promise<string[]> {
  return (await walletRequests(page))
    .filter((request) => source === undefined || request.source === source)
    .map((request) => request.method);
}

/** The next matching wallet request is rejected by the user (EIP-1193 code 4001). */
export function rejectNext(page: Page, method?: string | string[]): Promise<void> {
  return page.evaluate(
    (method) => (window as unknown as { __testWallet: TestWalletControls }).__testWallet.rejectNext(method),
    method,
  );
}

/** The next matching wallet request stays unanswered until `releaseHeld`, like an open wallet prompt. */
export function holdNext(page: Page, method?: string | string[]): Promise<void> {
  return page.evaluate(
    (method) => (window as unknown as { __testWallet: TestWalletControls }).__testWallet.holdNext(method),
    method,
  );
}

/** Approves (or, with `reject`, rejects) the oldest held request; false if none was held. */
export function releaseHeld(page: Page, options: { reject?: boolean } = {}): Promise<boolean> {
  return page.evaluate(
    (options) =>
      (window as unknown as { __testWallet: TestWalletControls }).__testWallet.releaseHeld(options),
    options,
  );
}

/** The user switches the wallet to `chainId` (emits `chainChanged`). */
export function setWalletChain(page: Page, chainId: number): Promise<void> {
  return page.evaluate(
    (chainId) => (window as unknown as { __testWallet: TestWalletControls }).__testWallet.setChain(chainId),
    chainId,
  );
}

/** The user switches the wallet to another account (emits `accountsChanged` once connected). */
export function setWalletAccount(page: Page, address: string): Promise<void> {
  return page.evaluate(
    (address) => (window as unknown as { __testWallet: TestWalletControls }).__testWallet.setAccount(address),
    address,
  );
}
