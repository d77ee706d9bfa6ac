import { type IDBPDatabase, openDB, type StoreNames } from 'idb';
import { type Address, getAddress, type Hex, keccak256 } from 'viem';
import { ParseError } from '$lib/edge/errors';
import { parsePolicy } from '$lib/edge/gate/parseContext';
import type { Intent } from '$lib/edge/intent/types';
import { type CloudInput, toCloudPrefs, upgradeCloudPrefs } from './cloudPrefs';
import { createLock, isLockConfig, isSealed, type LockConfig, seal, unlockKey, unseal } from './crypto';
import { effectsOfAction } from './effects';
import { asContextError, ContextError, describeError } from './errors';
import { toProjectId } from './projectId';
import {
  type CloudPrefs,
  type ContactRecord,
  type ContextData,
  type DecisionLogRecord,
  type DelegateRecord,
  type Direction,
  emptyContext,
  type ListEntry,
  type PolicyRecord,
  type PrefsRecord,
  type PrivateStoreName,
  type PrivateStores,
  privateStoreNames,
  type UserAction,
  type WalletConnectPrefs,
} from './records';
import { DB_NAME, DB_VERSION, type SealedRecord, type Stored, upgrade, type VigilDB } from './schema';
import { toAddress, toChains } from './validate';

/** Where the store stands; the UI says what each means. */
export type ContextStatus =
  /** Opening (or upgrading) the database. */
  | 'opening'
  /** Waiting for other tabs with an older version to close. */
  | 'blocked'
  | 'ready'
  /** The passphrase lock is on and the store is locked: no private data in memory. */
  | 'locked'
  /** No IndexedDB (or it refused): Vigil runs on its defaults. */
  | 'unavailable'
  /** Another tab upgraded the database; this tab must reload. */
  | 'stale'
  /** The database is newer than this Vigil; reload to get the newer app. */
  | 'newerVersion'
  /** The browser closed the database. */
  | 'closed';

/** What the UI reads: the status, the data in memory, the lock's settings, the last error. */
export type ContextSnapshot = {
  readonly status: ContextStatus;
  readonly data: ContextData;
  /** Present when the passphrase lock is on. */
  readonly lock?: { readonly idleMinutes: number };
  /** The last failure (quota, stale, …), until the next successful write. */
  readonly error?: ContextError;
};

/** Entries kept in the decision log; older ones are dropped as new ones arrive. */
export const LOG_CAP = 5000;
/** Inputs longer than this (UTF-16 code units) are logged without their text. */
export const LOG_INPUT_CAP = 256 * 1024;

/** What `saveContact` takes: a new contact, or an edit of `id`. */
export type ContactInput = {
  readonly id?: string;
  readonly name: string;
  readonly address: string;
  readonly chains?: readonly number[];
  readonly notes?: string;
};

/** What `logDecision` takes; the store adds the id, the size, and `pending`. */
export type DecisionInput = Omit<DecisionLogRecord, 'id' | 'input' | 'inputBytes' | 'userAction'> & {
  readonly input: string;
};

export type OpenContextOptions = {
  /** The database name (tests use their own). */
  readonly name?: string;
  /** Id generator (tests make ids predictable). */
  readonly newId?: () => string;
  /** PBKDF2 iterations for a new lock (tests lower it; the default is the crypto module's). */
  readonly iterations?: number;
  /** Decision log entries kept (default `LOG_CAP`). */
  readonly logCap?: number;
};

type Puts = { [K in PrivateStoreName]?: readonly PrivateStores[K][] };
type Change = {
  readonly clear?: readonly PrivateStoreName[];
  readonly put?: Puts;
  readonly delete?: { readonly [K in PrivateStoreName]?: readonly string[] };
  readonly settings?: {
    readonly put?: readonly { key: string; value: unknown }[];
    readonly delete?: readonly string[];
    readonly clear?: boolean;
  };
};

const LOCK_KEY = 'lock';

/**
 * The private context c_priv in IndexedDB, held in memory once open so the shell can build the
 * gate's facts synchronously. Every write is one IndexedDB transaction: it lands whole or not at
 * all, and memory changes only after it committed. Never throws from `open`: a missing or refused
 * IndexedDB gives the `unavailable` status and Vigil runs on its defaults.
 */
export class ContextStore {
  #db: IDBPDatabase<VigilDB> | undefined;
  #key: CryptoKey | undefined;
  #lock: LockConfig | undefined;
  #snapshot: ContextSnapshot = { status: 'opening', data: emptyContext };
  readonly #listeners = new Set<() => void>();
  readonly #name: string;
  readonly #newId: () => string;
  readonly #iterations: number | undefined;
  readonly #logCap: number;
  #channel: BroadcastChannel | undefined;
  /** Operations run one at a time, in order (a reload never interleaves with a write). */
  #queue: Promise<unknown> = Promise.resolve();

  /** A store that is not open yet: subscribe, then `open()` (the UI shows `blocked` while it waits). */
  constructor(options: OpenContextOptions = {}) {
    this.#name = options.name ?? DB_NAME;
    this.#newId = options.newId ?? (() => crypto.randomUUID());
    this.#iterations = options.iterations;
    this.#logCap = options.logCap ?? LOG_CAP;
  }

  /** A new store, opened. */
  static async open(options: OpenContextOptions = {}): Promise<ContextStore> {
    const store = new ContextStore(options);
    await store.open();
    return store;
  }

  get snapshot(): ContextSnapshot {
    return this.#snapshot;
  }

  /** Calls `listener` after every change of `snapshot`; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Closes the database (tests; a page that goes away closes it by itself). */
  close(): void {
    this.#channel?.close();
    this.#db?.close();
    this.#db = undefined;
  }

  // ── opening ────────────────────────────────────────────────────────────────────────────────

  /**
   * Opens (creating or upgrading) the database and loads it; never throws: `snapshot.status`
   * says how it went.
   */
  async open(): Promise<void> {
    if (typeof indexedDB === 'undefined' || indexedDB === null) {
      this.#set({
        status: 'unavailable',
        error: new ContextError('unavailable', 'This browser gives Vigil no IndexedDB storage.'),
      });
      return;
    }
    try {
      this.#db = await openDB<VigilDB>(this.#name, DB_VERSION, {
        upgrade,
        blocked: () => this.#set({ status: 'blocked' }),
        blocking: () => {
          // A newer Vigil in another tab wants to upgrade: let it, and stop using this connection.
          this.#db?.close();
          this.#db = undefined;
          this.#set({
            status: 'stale',
            error: new ContextError(
              'stale',
              'Vigil was updated in another tab. Reload this tab to continue.',
            ),
          });
        },
        terminated: () => {
          this.#db = undefined;
          this.#set({
            status: 'closed',
            error: new ContextError('closed', 'The browser closed Vigil’s storage (was site data cleared?).'),
          });
        },
      });
    } catch (error) {
      const newer = error instanceof DOMException && error.name === 'VersionError';
      this.#set({
        status: newer ? 'newerVersion' : 'unavailable',
        error: newer
          ? new ContextError(
              'newerVersion',
              'Your data was saved by a newer version of Vigil. Reload to get it.',
              {
                cause: error,
              },
            )
          : new ContextError('unavailable', `IndexedDB refused to open: ${describeError(error)}`, {
              cause: error,
            }),
      });
      return;
    }
    await this.#reload();
    this.#listen();
  }

  /** Reads the lock and, unless locked, every private store into memory. */
  async #reload(): Promise<void> {
    const db = this.#db;
    if (!db) return;
    try {
      const lock = (await db.get('settings', LOCK_KEY))?.value;
      this.#lock = isLockConfig(lock) ? lock : undefined;
      if (this.#lock && !this.#key) {
        this.#set({ status: 'locked', data: emptyContext });
        return;
      }
      this.#set({ status: 'ready', data: await this.#readAll(db) });
    } catch (error) {
      this.#set({
        status: error instanceof ContextError && error.code === 'locked' ? 'locked' : 'closed',
        data: emptyContext,
        error: asContextError(error),
      });
    }
  }

  async #readAll(db: IDBPDatabase<VigilDB>): Promise<ContextData> {
    const tx = db.transaction([...privateStoreNames], 'readonly');
    const raw = await Promise.all(privateStoreNames.map((name) => tx.objectStore(name).getAll()));
    await tx.done;
    const data: Record<string, unknown[]> = {};
    for (const [i, name] of privateStoreNames.entries())
      data[name] = await Promise.all((raw[i] ?? []).map((value) => this.#decode(name, value)));
    // Records written by an older Vigil read with today's defaults (sealed ones cannot be migrated on disk).
    data.prefs = (data.prefs as PrefsRecord[]).map((p) => (p.id === 'cloud' ? upgradeCloudPrefs(p) : p));
    return data as unknown as ContextData;
  }

  async #decode<K extends PrivateStoreName>(store: K, value: Stored<K>): Promise<PrivateStores[K]> {
    if (!isSealedRecord(value)) return value as PrivateStores[K];
    if (!this.#key) throw new ContextError('locked', 'Your private data is locked with a passphrase.');
    return (await unseal(this.#key, store, value.id, value.sealed)) as PrivateStores[K];
  }

  /** Other tabs' writes: reload from disk so every tab decides with the same facts. */
  #listen(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(`vigil-context:${this.#name}`);
    this.#channel.onmessage = () => {
      void this.#serial(() => this.#reload());
    };
  }

  /** Runs `operation` after every earlier one has settled. */
  #serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(operation, operation);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Moves to a new status (dropping the last error unless one is given); the lock comes from `#lock`. */
  #set(next: { status: ContextStatus; data?: ContextData; error?: ContextError }): void {
    const data = next.data ?? this.#snapshot.data;
    this.#snapshot = {
      status: next.status,
      data,
      ...(this.#lock && { lock: { idleMinutes: this.#lock.idleMinutes } }),
      ...(next.error && { error: next.error }),
    };
    for (const listener of this.#listeners) listener();
  }

  // ── writing ────────────────────────────────────────────────────────────────────────────────

  /** Records the error for the UI and rethrows it. */
  #fail(error: unknown): never {
    const e = asContextError(error);
    this.#set({ status: this.#snapshot.status, error: e });
    throw e;
  }

  #writable(): IDBPDatabase<VigilDB> {
    const { status } = this.#snapshot;
    if (status === 'locked')
      this.#fail(new ContextError('locked', 'Unlock Vigil with your passphrase first.'));
    if (!this.#db || status !== 'ready')
      this.#fail(
        this.#snapshot.error ??
          new ContextError('unavailable', 'Vigil’s storage is not available: nothing can be saved.'),
      );
    return this.#db;
  }

  async #encode<K extends PrivateStoreName>(
    store: K,
    record: PrivateStores[K],
    key: CryptoKey | undefined,
  ): Promise<Stored<K>> {
    if (!key) return record;
    return { id: record.id, sealed: await seal(key, store, record.id, record) };
  }

  /**
   * Applies a change in one transaction, then to memory. Records are sealed before the
   * transaction opens (an IndexedDB transaction commits as soon as it waits on anything else).
   */
  async #commit(
    change: Change,
    sealing: { readonly key: CryptoKey | undefined } = { key: this.#key },
  ): Promise<void> {
    const { key } = sealing;
    const db = this.#writable();
    const encoded = await Promise.all(
      Object.entries(change.put ?? {}).map(
        async ([store, records]) =>
          [
            store as PrivateStoreName,
            await Promise.all(
              (records as PrivateStores[PrivateStoreName][]).map((r) =>
                this.#encode(store as PrivateStoreName, r, key),
              ),
            ),
          ] as [PrivateStoreName, Stored<PrivateStoreName>[]],
      ),
    );
    const stores = new Set<StoreNames<VigilDB>>([
      ...(change.clear ?? []),
      ...encoded.map(([s]) => s),
      ...(Object.keys(change.delete ?? {}) as PrivateStoreName[]),
      ...(change.settings ? ['settings' as const] : []),
    ]);
    try {
      const tx = db.transaction([...stores], 'readwrite');
      const requests: Promise<unknown>[] = [];
      try {
        for (const store of change.clear ?? []) requests.push(tx.objectStore(store).clear());
        if (change.settings?.clear) requests.push(tx.objectStore('settings').clear());
        for (const [store, ids] of Object.entries(change.delete ?? {}))
          for (const id of ids) requests.push(tx.objectStore(store as PrivateStoreName).delete(id));
        for (const [store, records] of encoded)
          for (const record of records) requests.push(tx.objectStore(store).put(record as never));
        for (const name of change.settings?.delete ?? [])
          requests.push(tx.objectStore('settings').delete(name));
        for (const setting of change.settings?.put ?? [])
          requests.push(tx.objectStore('settings').put(setting));
      } catch (error) {
        // A request refused outright (a record without a key, one that cannot be cloned) throws
        // here rather than failing its request: abort, or the requests already made would commit.
        for (const request of requests) request.catch(() => undefined);
        tx.abort();
        await tx.done.catch(() => undefined);
        throw error;
      }
      // Every request settles (a failing one aborts the transaction, and `done` rejects).
      await Promise.all([tx.done, ...requests.map((r) => r.catch(() => undefined))]);
    } catch (error) {
      this.#fail(error);
    }
    this.#key = key;
    this.#set({ status: 'ready', data: applyChange(this.#snapshot.data, change) });
    this.#channel?.postMessage('changed');
  }

  // ── address book ───────────────────────────────────────────────────────────────────────────

  /** Adds a contact, or edits the one with `input.id`. An address may be in the book once. */
  saveContact(input: ContactInput, now: number): Promise<ContactRecord> {
    return this.#serial(async () => {
      const name = input.name.trim();
      if (name === '' || name.length > 200)
        this.#fail(
          new ContextError('invalidInput', 'A name of 1 to 200 characters is needed.', { path: 'name' }),
        );
      const address = toAddress(input.address, 'address');
      const chains = toChains(input.chains ?? []);
      const notes = (input.notes ?? '').trim();
      if (notes.length > 2000)
        this.#fail(
          new ContextError('invalidInput', 'Notes are limited to 2000 characters.', { path: 'notes' }),
        );
      const book = this.#snapshot.data.addressBook;
      const twin = book.find((c) => c.address === address && c.id !== input.id);
      if (twin)
        this.#fail(
          new ContextError('invalidInput', `${address} is already in your address book as “${twin.name}”.`, {
            path: 'address',
          }),
        );
      const old = input.id === undefined ? undefined : book.find((c) => c.id === input.id);
      const record: ContactRecord = {
        id: old?.id ?? this.#newId(),
        name,
        address,
        chains,
        notes,
        createdAt: old?.createdAt ?? now,
        updatedAt: now,
      };
      await this.#commit({ put: { addressBook: [record] } });
      return record;
    });
  }

  /**
   * Adds many contacts at once (a CSV import), all or nothing. A contact whose address is already
   * in the book updates that entry (name, chains, notes).
   */
  importContacts(
    contacts: readonly { name: string; address: Address; chains: readonly number[]; notes: string }[],
    now: number,
  ): Promise<{ added: number; updated: number }> {
    return this.#serial(() => this.#importContacts(contacts, now));
  }

  async #importContacts(
    contacts: readonly { name: string; address: Address; chains: readonly number[]; notes: string }[],
    now: number,
  ): Promise<{ added: number; updated: number }> {
    const book = this.#snapshot.data.addressBook;
    let updated = 0;
    const records = contacts.map((c): ContactRecord => {
      const old = book.find((b) => b.address === getAddress(c.address));
      if (old) updated++;
      return {
        id: old?.id ?? this.#newId(),
        name: c.name,
        address: getAddress(c.address),
        chains: [...c.chains],
        notes: c.notes,
        createdAt: old?.createdAt ?? now,
        updatedAt: now,
      };
    });
    await this.#commit({ put: { addressBook: records } });
    return { added: records.length - updated, updated };
  }

  deleteContact(id: string): Promise<void> {
    return this.#serial(async () => {
      await this.#commit({ delete: { addressBook: [id] } });
    });
  }

  // ── allow / deny lists and delegates ───────────────────────────────────────────────────────

  addToList(list: 'allow' | 'deny', address: string, note: string, now: number): Promise<ListEntry> {
    return this.#serial(async () => {
      const normalized = toAddress(address, 'address');
      const same = this.#snapshot.data.lists.find((e) => e.address === normalized);
      if (same)
        this.#fail(
          new ContextError(
            'invalidInput',
            same.list === list
              ? `${normalized} is already on your ${list}list.`
              : `${normalized} is on your ${same.list}list: remove it there first.`,
            { path: 'address' },
          ),
        );
      const entry: ListEntry = {
        id: this.#newId(),
        list,
        address: normalized,
        note: note.trim().slice(0, 2000),
        addedAt: now,
      };
      await this.#commit({ put: { lists: [entry] } });
      return entry;
    });
  }

  removeListEntry(id: string): Promise<void> {
    return this.#serial(async () => {
      await this.#commit({ delete: { lists: [id] } });
    });
  }

  addDelegate(
    address: string,
    chains: readonly number[],
    note: string,
    now: number,
  ): Promise<DelegateRecord> {
    return this.#serial(async () => {
      const normalized = toAddress(address, 'address');
      if (this.#snapshot.data.delegates.some((d) => d.address === normalized))
        this.#fail(
          new ContextError('invalidInput', `${normalized} is already a trusted delegate.`, {
            path: 'address',
          }),
        );
      const record: DelegateRecord = {
        id: this.#newId(),
        address: normalized,
        chains: toChains(chains),
        note: note.trim().slice(0, 2000),
        addedAt: now,
      };
      await this.#commit({ put: { delegates: [record] } });
      return record;
    });
  }

  removeDelegate(id: string): Promise<void> {
    return this.#serial(async () => {
      await this.#commit({ delete: { delegates: [id] } });
    });
  }

  // ── policy and preferences ─────────────────────────────────────────────────────────────────

  /**
   * Saves the policy document (validated exactly as the gate will read it) and the exposure
   * window. The allow/deny lists are not part of the document: they live in `lists`.
   */
  savePolicy(
    document: Record<string, unknown>,
    exposureWindowDays: number,
    now: number,
  ): Promise<PolicyRecord> {
    return this.#serial(async () => {
      if ('allowlist' in document || 'denylist' in document)
        this.#fail(
          new ContextError('invalidInput', 'Allow and deny lists are edited in their own lists.', {
            path: 'allowlist',
          }),
        );
      try {
        parsePolicy(document);
      } catch (error) {
        if (error instanceof ParseError)
          this.#fail(
            new ContextError(
              'invalidInput',
              error.message,
              error.path === undefined ? {} : { path: error.path },
            ),
          );
        throw error;
      }
      if (!Number.isInteger(exposureWindowDays) || exposureWindowDays < 1 || exposureWindowDays > 365)
        this.#fail(
          new ContextError('invalidInput', 'The exposure window is 1 to 365 days.', {
            path: 'exposureWindowDays',
          }),
        );
      const record: PolicyRecord = {
        id: 'current',
        document: structuredClone(document),
        exposureWindowDays,
        updatedAt: now,
      };
      await this.#commit({ put: { policy: [record] } });
      return record;
    });
  }

  /** Forgets the saved policy: decisions go back to the built-in balanced policy. */
  resetPolicy(): Promise<void> {
    return this.#serial(async () => {
      await this.#commit({ clear: ['policy'] });
    });
  }

  savePrefs(record: PrefsRecord): Promise<void> {
    return this.#serial(async () => {
      await this.#commit({ put: { prefs: [record] } });
    });
  }

  /**
   * Saves the WalletConnect project id the user typed (trimmed; 32 hexadecimal characters, else
   * an `invalidInput` error at `projectId` and nothing is written).
   */
  saveWalletConnect(projectId: string, now: number): Promise<WalletConnectPrefs> {
    return this.#serial(async () => {
      let id = '';
      try {
        id = toProjectId(projectId);
      } catch (error) {
        this.#fail(error);
      }
      const record: WalletConnectPrefs = { id: 'walletconnect', projectId: id, updatedAt: now };
      await this.#commit({ put: { prefs: [record] } });
      return record;
    });
  }

  /**
   * Saves the cloud tier's settings as typed (see `checkCloudInput`: the URL, model, key and
   * timeout as the cloud client will check them, the profile and its override). A bad field is an
   * `invalidInput` error whose `path` names it, and nothing is written. Leaving `apiKey` out keeps
   * the saved key.
   */
  saveCloud(input: CloudInput, now: number): Promise<CloudPrefs> {
    return this.#serial(async () => {
      const saved = this.#snapshot.data.prefs.find((p): p is CloudPrefs => p.id === 'cloud');
      let record: CloudPrefs | undefined;
      try {
        record = toCloudPrefs(input, now, saved);
      } catch (error) {
        this.#fail(error);
      }
      await this.#commit({ put: { prefs: [record] } });
      return record;
    });
  }

  /** Forgets one preferences record (`walletconnect`: back to browser wallets only). */
  removePrefs(id: PrefsRecord['id']): Promise<void> {
    return this.#serial(async () => {
      await this.#commit({ delete: { prefs: [id] } });
    });
  }

  // ── decision log, history, exposure ────────────────────────────────────────────────────────

  /** Appends a decision (pending the user's action); drops the oldest entries over `LOG_CAP`. */
  logDecision(input: DecisionInput): Promise<DecisionLogRecord> {
    return this.#serial(async () => {
      const { input: text, ...rest } = input;
      const record: DecisionLogRecord = {
        ...rest,
        id: this.#newId(),
        ...(text.length <= LOG_INPUT_CAP && { input: text }),
        inputBytes: new TextEncoder().encode(text).length,
        userAction: 'pending',
      };
      const log = this.#snapshot.data.decisions;
      const overflow = log.length + 1 - this.#logCap;
      const dropped =
        overflow > 0
          ? [...log]
              .sort((a, b) => a.at - b.at)
              .slice(0, overflow)
              .map((r) => r.id)
          : [];
      await this.#commit({ put: { decisions: [record] }, delete: { decisions: dropped } });
      return record;
    });
  }

  /**
   * Records what the user did with a logged decision. Signing (or overriding a block) adds the
   * request's counterparties to the history and what it sends or grants to the exposure ledger,
   * in the same transaction as the log entry.
   */
  recordAction(
    id: string,
    action: Exclude<UserAction, 'pending'>,
    options: { readonly at: number; readonly intent?: Intent; readonly result?: Hex },
  ): Promise<DecisionLogRecord> {
    return this.#serial(() => this.#recordAction(id, action, options));
  }

  async #recordAction(
    id: string,
    action: Exclude<UserAction, 'pending'>,
    options: { readonly at: number; readonly intent?: Intent; readonly result?: Hex },
  ): Promise<DecisionLogRecord> {
    const data = this.#snapshot.data;
    const entry = data.decisions.find((d) => d.id === id);
    if (!entry)
      this.#fail(new ContextError('invalidInput', 'That decision is no longer in the log.', { path: 'id' }));
    if (entry.userAction !== 'pending')
      this.#fail(
        new ContextError('invalidInput', `This decision was already marked ${entry.userAction}.`, {
          path: 'userAction',
        }),
      );
    if (action === 'signed' && entry.verdict === 'block')
      this.#fail(
        new ContextError('invalidInput', 'Signing a blocked request is an override, and is logged as one.', {
          path: 'userAction',
        }),
      );
    const record: DecisionLogRecord = {
      ...entry,
      userAction: action,
      actedAt: options.at,
      ...(options.result !== undefined && { result: options.result, resultHash: keccak256(options.result) }),
    };
    const effects =
      (action === 'signed' || action === 'overridden') && options.intent
        ? effectsOfAction(data, options.intent, options.at, this.#newId)
        : { history: [], exposure: [] };
    await this.#commit({
      put: { decisions: [record], history: effects.history, exposure: effects.exposure },
    });
    return record;
  }

  /** Something the wallet saw happen (e.g. an incoming transfer): the address joins the history. */
  observe(address: string, direction: Direction, at: number): Promise<void> {
    return this.#serial(async () => {
      const normalized = toAddress(address, 'address');
      const old = this.#snapshot.data.history.find((h) => h.address === normalized);
      const record = old
        ? {
            ...old,
            lastSeen: Math.max(old.lastSeen, at),
            count: old.count + 1,
            directions: old.directions.includes(direction) ? old.directions : [...old.directions, direction],
          }
        : {
            id: this.#newId(),
            address: normalized,
            firstSeen: at,
            lastSeen: at,
            count: 1,
            directions: [direction],
          };
      await this.#commit({ put: { history: [record] } });
    });
  }

  clearDecisions(): Promise<void> {
    return this.#serial(async () => {
      await this.#commit({ clear: ['decisions'] });
    });
  }

  // ── import, erase ──────────────────────────────────────────────────────────────────────────

  /** Replaces everything with `data` (a validated import), in one transaction: all or nothing. */
  replaceAll(data: ContextData): Promise<void> {
    return this.#serial(async () => {
      await this.#commit({ clear: [...privateStoreNames], put: data as Puts });
    });
  }

  /** Erases every store, the lock included. */
  eraseAll(): Promise<void> {
    return this.#serial(async () => {
      if (this.#snapshot.status === 'locked') {
        // Erasing needs no passphrase: a user who forgot it must be able to start over.
        const db = this.#db;
        if (!db) this.#fail(new ContextError('unavailable', 'Vigil’s storage is not available.'));
        this.#set({ status: 'ready' });
      }
      await this.#commit({ clear: [...privateStoreNames], settings: { clear: true } }, { key: undefined });
      this.#lock = undefined;
      this.#set({ status: 'ready', data: emptyContext });
    });
  }

  // ── passphrase lock ────────────────────────────────────────────────────────────────────────

  /**
   * Turns the lock on: every private record is rewritten sealed, in one transaction. `idleMinutes`:
   * lock again after that long without use (0: only when asked or the tab closes).
   */
  enableLock(passphrase: string, idleMinutes: number): Promise<void> {
    return this.#serial(async () => {
      if (this.#lock) this.#fail(new ContextError('invalidInput', 'The passphrase lock is already on.'));
      const { config, key } = await createLock(passphrase, {
        idleMinutes,
        ...(this.#iterations !== undefined && { iterations: this.#iterations }),
      }).catch((error: unknown) => this.#fail(error));
      await this.#commit(
        { put: this.#snapshot.data as Puts, settings: { put: [{ key: LOCK_KEY, value: config }] } },
        { key },
      );
      this.#lock = config;
      this.#set({ status: 'ready' });
    });
  }

  /** Turns the lock off: every record is rewritten in plaintext. Needs the passphrase. */
  disableLock(passphrase: string): Promise<void> {
    return this.#serial(async () => {
      const lock = this.#lock;
      if (!lock) this.#fail(new ContextError('invalidInput', 'The passphrase lock is off.'));
      await unlockKey(passphrase, lock).catch((error: unknown) => this.#fail(error));
      await this.#commit(
        { put: this.#snapshot.data as Puts, settings: { delete: [LOCK_KEY] } },
        { key: undefined },
      );
      this.#lock = undefined;
      this.#set({ status: 'ready' });
    });
  }

  /** Unlocks with the passphrase and loads the private stores. */
  unlock(passphrase: string): Promise<void> {
    return this.#serial(async () => {
      const lock = this.#lock;
      if (!lock || this.#snapshot.status !== 'locked') return;
      this.#key = await unlockKey(passphrase, lock).catch((error: unknown) => this.#fail(error));
      await this.#reload();
      if ((this.#snapshot.status as ContextStatus) !== 'ready') {
        this.#key = undefined;
        throw this.#snapshot.error ?? new ContextError('corrupt', 'Your data could not be read back.');
      }
    });
  }

  /** Locks now (after any write in progress): the key and every private record leave memory. */
  lock(): Promise<void> {
    return this.#serial(async () => {
      if (!this.#lock || this.#snapshot.status !== 'ready') return;
      this.#key = undefined;
      this.#set({ status: 'locked', data: emptyContext });
    });
  }
}

function isSealedRecord(value: unknown): value is SealedRecord {
  return (
    typeof value === 'object' &&
    value !== null &&
    'sealed' in value &&
    isSealed((value as SealedRecord).sealed)
  );
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** `data` after `change`: cleared stores emptied, deletions removed, puts upserted by id. */
function applyChange(data: ContextData, change: Change): ContextData {
  const next: Record<string, readonly { id: string }[]> = { ...data };
  for (const store of change.clear ?? []) next[store] = [];
  for (const [store, ids] of Object.entries(change.delete ?? {}))
    next[store] = (next[store] ?? []).filter((r) => !(ids as readonly string[]).includes(r.id));
  for (const [store, records] of Object.entries(change.put ?? {})) {
    const list = [...(next[store] ?? [])];
    for (const record of records as readonly { id: string }[]) {
      const i = list.findIndex((r) => r.id === record.id);
      if (i >= 0) list[i] = record;
      else list.push(record);
    }
    next[store] = list;
  }
  // IndexedDB returns records in key order: memory keeps the same order, so a reload changes nothing.
  for (const store of Object.keys(next)) next[store] = [...(next[store] ?? [])].sort(byId);
  return next as unknown as ContextData;
}
