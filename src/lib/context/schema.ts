import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Sealed } from './crypto';
import type { ContactRecord, DelegateRecord, ListEntry, PrivateStoreName, PrivateStores } from './records';

/** The database's name in the origin's IndexedDB. */
export const DB_NAME = 'vigil';

/**
 * The schema version. Bump it with a new `if (oldVersion < N)` block in `upgrade`; never edit an
 * old block (a user may upgrade from any version to the latest in one step).
 * - 1: settings, policy, lists (allow/deny/delegate), addressBook (one chain per contact), history,
 *   exposure, decisions.
 * - 2: delegates and prefs stores; 7702 delegates move out of `lists`; contacts get a chain list.
 */
export const DB_VERSION = 2;

/** A record of a private store as it lies on disk when the passphrase lock is on. */
export type SealedRecord = { readonly id: string; readonly sealed: Sealed };

/** A private store's value on disk: the record itself, or its sealed form. */
export type Stored<K extends PrivateStoreName> = PrivateStores[K] | SealedRecord;

/** A plaintext key/value setting (the lock's configuration lives here: it cannot be sealed). */
export type SettingRecord = { readonly key: string; readonly value: unknown };

type PrivateSchema = { [K in PrivateStoreName]: { key: string; value: Stored<K> } };

export interface VigilDB extends DBSchema, PrivateSchema {
  settings: { key: string; value: SettingRecord };
}

/** Version 1's shapes that version 2 changed, for the migration (and its test). */
export type V1Contact = Omit<ContactRecord, 'chains'> & { readonly chain: number | null };
export type V1ListEntry = Omit<ListEntry, 'list'> & { readonly list: 'allow' | 'deny' | 'delegate' };

type UpgradeTransaction = IDBPTransaction<VigilDB, StoreNames<VigilDB>[], 'versionchange'>;

/**
 * Creates and migrates the stores, from any older version to `DB_VERSION`, inside the upgrade
 * transaction: if any step fails the whole upgrade aborts and the old data stays as it was.
 * Content migrations read plaintext records only: version 1 had no passphrase lock, so every
 * version-1 record is plaintext. (A later content migration must also handle sealed records,
 * e.g. by upgrading them lazily when they are unsealed.)
 */
export function upgrade(
  db: IDBPDatabase<VigilDB>,
  oldVersion: number,
  _newVersion: number | null,
  tx: UpgradeTransaction,
): void {
  if (oldVersion < 1) {
    db.createObjectStore('settings', { keyPath: 'key' });
    for (const name of ['policy', 'lists', 'addressBook', 'history', 'exposure', 'decisions'] as const)
      db.createObjectStore(name, { keyPath: 'id' });
  }
  if (oldVersion < 2) {
    db.createObjectStore('delegates', { keyPath: 'id' });
    db.createObjectStore('prefs', { keyPath: 'id' });
    migrateV1Lists(tx);
    migrateV1Contacts(tx);
  }
}

/** Version 1 kept trusted 7702 delegates in `lists` with `list: 'delegate'`. */
function migrateV1Lists(tx: UpgradeTransaction): void {
  const lists = tx.objectStore('lists');
  const delegates = tx.objectStore('delegates');
  migrate(
    tx,
    lists.openCursor().then(async function step(cursor): Promise<void> {
      if (!cursor) return;
      const entry = cursor.value as unknown as V1ListEntry;
      if (entry.list === 'delegate') {
        const delegate: DelegateRecord = {
          id: entry.id,
          address: entry.address,
          chains: [],
          note: entry.note,
          addedAt: entry.addedAt,
        };
        await delegates.put(delegate);
        await cursor.delete();
      }
      return step(await cursor.continue());
    }),
  );
}

/** Version 1 gave a contact one chain (or none for every chain); version 2 a list. */
function migrateV1Contacts(tx: UpgradeTransaction): void {
  const store = tx.objectStore('addressBook');
  migrate(
    tx,
    store.openCursor().then(async function step(cursor): Promise<void> {
      if (!cursor) return;
      const { chain, ...rest } = cursor.value as unknown as V1Contact;
      const contact: ContactRecord = {
        ...rest,
        chains: chain === null || chain === undefined ? [] : [chain],
      };
      await cursor.update(contact);
      return step(await cursor.continue());
    }),
  );
}

/**
 * Runs a migration step inside the upgrade transaction. A failing request already aborts the
 * transaction (and the open fails, leaving the old data as it was); any other failure (a bug in a
 * step) aborts it here, so a half-migrated database is never committed.
 */
function migrate(tx: UpgradeTransaction, step: Promise<void>): void {
  step.catch(() => {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request: the open rejects with that error.
    }
  });
}
