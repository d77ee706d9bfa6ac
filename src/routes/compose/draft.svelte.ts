import type { Address } from 'viem';
import { nativeCurrency } from '$lib/edge/tokens/nativeCurrency';
import { tokenInfo } from '$lib/edge/tokens/tokens';
import {
  type ChainReadFailure,
  readAllowance,
  readOperatorApproval,
  readTokenMeta,
  type TokenMeta,
} from '$lib/wallet/allowance';
import { walletChains } from '$lib/wallet/chains';
import { type ComposeResult, composeRequest } from '$lib/wallet/compose';
import type { Wallet } from '$lib/wallet/wallet.svelte';
import { ChainLookup } from './chainLookup.svelte';
import {
  addressOf,
  type ComposeTab,
  composeInputOf,
  type NativeFields,
  type Origin,
  type RevokeFields,
  shownErrors,
  type TokenFields,
  typedDecimals,
} from './composeForm';

/** What Compose knows of a token: where its symbol and decimals come from, if anywhere. */
export type TokenView =
  /** No token address yet. */
  | { readonly source: 'none' }
  /** Vigil's bundled token list. */
  | { readonly source: 'bundled'; readonly symbol: string; readonly decimals: number }
  | { readonly source: 'reading' }
  /** The token contract, through the wallet: not verified. */
  | { readonly source: 'chain'; readonly symbol: string | undefined; readonly decimals: number }
  /** The chain could not tell: the user types the decimals. */
  | { readonly source: 'failed'; readonly reason: ChainReadFailure }
  /** No wallet to ask: the user types the decimals. */
  | { readonly source: 'offline' };

/** The current approval of a (token, spender) pair, as the chain has it. */
export type CurrentApproval =
  | { readonly standard: 'erc20'; readonly allowance: bigint }
  | { readonly standard: 'operator'; readonly approved: boolean };

/**
 * The Compose page's state: the three forms, who signs where, and what the chain says about the
 * tokens in them. The request is built by `composeRequest` as the user types; nothing here signs.
 * Create it while the page initialises (its lookups own effects).
 */
export class ComposeDraft {
  tab = $state<ComposeTab>('native');
  /** The chain and account typed in, used when no wallet is connected. */
  chainId = $state<number>(walletChains[0].id);
  from = $state('');
  native = $state<NativeFields>({ to: '', amount: '' });
  token = $state<TokenFields>({ token: '', to: '', amount: '', decimals: '' });
  revoke = $state<RevokeFields>({ token: '', spender: '', standard: 'erc20' });
  /** Fields the user edited (`from`, `native.to`, …): only their errors are shown. */
  #touched = $state.raw<ReadonlySet<string>>(new Set());
  readonly #wallet: Wallet;

  /** The wallet's account and chain when connected, else the typed ones. */
  readonly origin: Origin = $derived.by(() => {
    const account = this.#wallet.account;
    return account
      ? { chainId: account.chainId, from: account.address }
      : { chainId: this.chainId, from: this.from };
  });

  /** The chain's currency symbol (ETH, POL…). */
  readonly currency: string = $derived(
    nativeCurrency(BigInt(this.origin.chainId))?.symbol ??
      walletChains.find((c) => c.id === this.origin.chainId)?.nativeCurrency.symbol ??
      'ETH',
  );

  // The lookups' sources run lazily (in effects), after the constructor has set the wallet.
  readonly #tokenMeta = this.#metaLookup(() => this.token.token);
  readonly #revokeMeta = this.#metaLookup(() => this.revoke.token);
  readonly #approval = new ChainLookup<CurrentApproval>(() => {
    const config = this.#wallet.config;
    const account = this.#wallet.account;
    const token = addressOf(this.revoke.token);
    const spender = addressOf(this.revoke.spender);
    const { standard } = this.revoke;
    if (!config || !account || !token || !spender) return undefined;
    return {
      key: `${account.chainId}|${account.address}|${token}|${spender}|${standard}`,
      read: async () => {
        if (standard === 'erc20') {
          const r = await readAllowance(config, token, account.address, spender);
          return r.ok ? { ok: true, value: { standard, allowance: r.value } } : r;
        }
        const r = await readOperatorApproval(config, token, account.address, spender);
        return r.ok ? { ok: true, value: { standard, approved: r.value } } : r;
      },
    };
  });

  constructor(wallet: Wallet) {
    this.#wallet = wallet;
  }

  /** Reads a token's metadata through the wallet when Vigil's list does not know it. */
  #metaLookup(field: () => string): ChainLookup<TokenMeta> {
    return new ChainLookup(() => {
      const config = this.#wallet.config;
      const account = this.#wallet.account;
      const token = addressOf(field());
      if (!config || !account || !token || tokenInfo(BigInt(account.chainId), token)) return undefined;
      return { key: `${account.chainId}|${token}`, read: () => readTokenMeta(config, token) };
    });
  }

  #view(field: string, lookup: ChainLookup<TokenMeta>): TokenView {
    const token = addressOf(field);
    if (!token) return { source: 'none' };
    const known = tokenInfo(BigInt(this.origin.chainId), token);
    if (known) return { source: 'bundled', symbol: known.symbol, decimals: known.decimals };
    if (!this.#wallet.account) return { source: 'offline' };
    const { state } = lookup;
    if (state.status !== 'done') return { source: 'reading' };
    return state.result.ok
      ? { source: 'chain', ...state.result.value }
      : { source: 'failed', reason: state.result.reason };
  }

  /** The token being sent. */
  readonly tokenView: TokenView = $derived(this.#view(this.token.token, this.#tokenMeta));
  /** The token whose approval is revoked. */
  readonly revokeView: TokenView = $derived(this.#view(this.revoke.token, this.#revokeMeta));

  /** The current approval of the revoke form's pair, read through the wallet. */
  get approval(): ChainLookup<CurrentApproval> {
    return this.#approval;
  }

  /** The token's decimals: known, read, or typed (NaN while unknown). */
  readonly decimals: number = $derived.by(() => {
    const view = this.tokenView;
    if (view.source === 'bundled' || view.source === 'chain') return view.decimals;
    if (view.source === 'failed' || view.source === 'offline') return typedDecimals(this.token.decimals);
    return Number.NaN;
  });

  /** The active form's request text, or its errors. */
  readonly result: ComposeResult = $derived(
    composeRequest(
      composeInputOf(
        this.tab,
        this.origin,
        { native: this.native, token: this.token, revoke: this.revoke },
        this.decimals,
      ),
    ),
  );

  /** The errors to show, by field name (`to`, `amount`, `from`…), for the fields the user edited. */
  readonly errors = $derived(shownErrors(this.result, (field) => this.#touched.has(this.#touchKey(field))));

  #touchKey(field: string): string {
    return field === 'from' || field === 'chainId' ? field : `${this.tab}.${field}`;
  }

  /** The user edited `field` of the active form (or `from`). */
  touch(field: string): void {
    const key = this.#touchKey(field);
    if (!this.#touched.has(key)) this.#touched = new Set([...this.#touched, key]);
  }

  /** Fills the revoke form with a pair (from the user's records) and shows it. */
  fillRevoke(token: Address, spender: Address): void {
    this.revoke = { token, spender, standard: 'erc20' };
    this.tab = 'revoke';
    for (const field of ['token', 'spender']) this.touch(field);
  }
}
