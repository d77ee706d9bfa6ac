import { untrack } from 'svelte';
import type { ChainRead } from '$lib/wallet/allowance';

/** What a lookup has: nothing to read, a read under way, or its result. */
export type LookupState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'reading' }
  | { readonly status: 'done'; readonly result: ChainRead<T> };

/** A read to make: `key` names it (the same key is not read again), `read` makes it. */
export type LookupRequest<T> = { readonly key: string; readonly read: () => Promise<ChainRead<T>> };

/**
 * A value read from the chain again whenever what it depends on changes; a late answer to an older
 * request is dropped. Create it while a component initialises: it owns an effect.
 */
export class ChainLookup<T> {
  /** The last state, and the request it is for. */
  #state = $state.raw<{ key: string | undefined; state: LookupState<T> }>({
    key: undefined,
    state: { status: 'idle' },
  });
  #source: () => LookupRequest<T> | undefined;
  #request = $derived.by(() => this.#source());
  #key = $derived(this.#request?.key);
  #generation = 0;

  /** `source` says what to read now, or `undefined` when there is nothing to read. */
  constructor(source: () => LookupRequest<T> | undefined) {
    this.#source = source;
    $effect(() => {
      void this.#key;
      untrack(() => this.refresh());
    });
  }

  /**
   * The state for what is asked now: a result for an older request (the token field changed a
   * moment ago, its effect has not run yet) is never shown as this one's.
   */
  get state(): LookupState<T> {
    const key = this.#key;
    if (key === undefined) return { status: 'idle' };
    return this.#state.key === key ? this.#state.state : { status: 'reading' };
  }

  /** The value, once read. */
  get value(): T | undefined {
    return this.state.status === 'done' && this.state.result.ok ? this.state.result.value : undefined;
  }

  /** Reads again now. */
  refresh(): void {
    const generation = ++this.#generation;
    const request = this.#request;
    if (!request) {
      this.#state = { key: undefined, state: { status: 'idle' } };
      return;
    }
    const { key } = request;
    this.#state = { key, state: { status: 'reading' } };
    void request
      .read()
      .catch(
        (error: unknown): ChainRead<T> => ({
          ok: false,
          value: undefined,
          reason: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
      )
      .then((result) => {
        if (generation === this.#generation) this.#state = { key, state: { status: 'done', result } };
      });
  }
}
