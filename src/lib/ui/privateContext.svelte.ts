import { getContext, setContext } from 'svelte';
import { emptyContext } from '$lib/context/records';
import { factsOf, policyOf } from '$lib/context/snapshot';
import { type ContextSnapshot, ContextStore, type OpenContextOptions } from '$lib/context/store';
import type { Facts } from '$lib/edge/gate/facts';
import { noFacts } from '$lib/edge/gate/facts';
import { defaultPolicy, type Policy } from '$lib/edge/gate/policy';
import type { InspectContext } from '$lib/edge/inspect';

/** The policy the gate uses now, and why it is not the user's when it is not. */
export type ActivePolicy = {
  readonly policy: Policy;
  /** `saved`: the user's; `default`: none saved; `fallback`: the saved one no longer reads. */
  readonly source: 'saved' | 'default' | 'fallback';
};

/**
 * The private context for the UI: the store's snapshot as reactive state, the policy and facts
 * the gate decides under, and the idle lock. One instance per page, shared through Svelte context
 * (`setPrivateContext` in the layout, `getPrivateContext` below it).
 */
export class PrivateContext {
  /** The store's latest snapshot (status, data in memory, lock, last error). */
  snapshot = $state.raw<ContextSnapshot>({ status: 'opening', data: emptyContext });
  readonly store: ContextStore;
  #lastActivity = 0;

  constructor(options: OpenContextOptions = {}) {
    this.store = new ContextStore(options);
    this.snapshot = this.store.snapshot;
  }

  /** Whether private data is loaded and writable. */
  get ready(): boolean {
    return this.snapshot.status === 'ready';
  }

  /** The policy Π for the gate: the user's saved one with the allow/deny lists, else the default. */
  readonly policy: ActivePolicy = $derived.by(() => {
    const { status, data } = this.snapshot;
    if (status !== 'ready') return { policy: defaultPolicy(), source: 'default' };
    try {
      return { policy: policyOf(data), source: data.policy.length ? 'saved' : 'default' };
    } catch {
      // Validated when saved, so only a store edited by hand gets here: decide on the default
      // and say so (the settings screen shows the fallback).
      return { policy: defaultPolicy(), source: 'fallback' };
    }
  });

  /** The facts for a decision made now (no facts while the store is unavailable or locked). */
  facts(now: number = Date.now()): Facts {
    return this.snapshot.status === 'ready' ? factsOf(this.snapshot.data, { now }) : noFacts;
  }

  /** What `inspect` needs to decide with the user's context, as of now. */
  inspectContext(now: number = Date.now()): InspectContext {
    return { policy: this.policy.policy, facts: this.facts(now) };
  }

  /**
   * Opens the store and follows it; locks it after the configured idle time without a key press,
   * click or touch. Returns the teardown.
   */
  start(): () => void {
    const unsubscribe = this.store.subscribe(() => {
      this.snapshot = this.store.snapshot;
    });
    void this.store.open().then(() => {
      this.snapshot = this.store.snapshot;
    });
    this.#lastActivity = Date.now();
    const active = (): void => {
      this.#lastActivity = Date.now();
    };
    const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, active, { passive: true });
    const timer = setInterval(() => {
      const idle = this.snapshot.lock?.idleMinutes;
      if (idle && this.snapshot.status === 'ready' && Date.now() - this.#lastActivity >= idle * 60_000)
        void this.store.lock();
    }, 10_000);
    return () => {
      unsubscribe();
      clearInterval(timer);
      for (const e of events) window.removeEventListener(e, active);
      this.store.close();
    };
  }
}

const key = Symbol('vigil.privateContext');

/** Shares the page's private context with every component below (call in the root layout). */
export function setPrivateContext(context: PrivateContext): PrivateContext {
  return setContext(key, context);
}

/** The page's private context (set by the root layout). */
export function getPrivateContext(): PrivateContext {
  const context = getContext<PrivateContext | undefined>(key);
  if (!context) throw new Error('getPrivateContext() outside the root layout.');
  return context;
}
