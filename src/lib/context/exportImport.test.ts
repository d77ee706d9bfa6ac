import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { ContextError } from './errors';
import { exportText, parseExportDocument } from './exportFile';
import { ContextStore } from './store';
import { decided, usdcTransfer } from './testing';

const ALICE = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const T0 = Date.UTC(2026, 10, 21, 9);

let stores: ContextStore[] = [];
let n = 0;
let name = '';
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  stores = [];
  name = `vigil-io-${++n}`;
});
afterEach(() => {
  for (const s of stores) s.close();
});

async function openStore(): Promise<ContextStore> {
  const store = await ContextStore.open({ name, iterations: 1000 });
  stores.push(store);
  return store;
}

/** Every store's records as they lie on disk, settings included. */
async function disk(): Promise<Record<string, unknown[]>> {
  const db = await openDB(name);
  const out: Record<string, unknown[]> = {};
  for (const store of db.objectStoreNames) out[store] = await db.getAll(store);
  db.close();
  return out;
}

async function fill(store: ContextStore): Promise<void> {
  await store.saveContact(
    { name: 'Alice 🦊 "quoted"', address: ALICE, chains: [1, 8453], notes: 'line\nbreak' },
    T0,
  );
  await store.addToList('allow', BOB, 'mine', T0);
  await store.addDelegate('0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B', [], '', T0);
  await store.savePolicy({ profile: 'expert', rules: { 'recipient.new': { enabled: false } } }, 7, T0);
  await store.savePrefs({ id: 'models', loadAtStart: true });
  await store.saveWalletConnect('0123456789abcdef0123456789abcdef', T0);
  await store.saveCloud(
    {
      enabled: true,
      baseUrl: 'https://api.example.com/v1',
      model: 'dmind-3',
      apiKey: 'sk-io',
      timeoutMs: 4_000,
      profile: 'override',
      override: { amount: 'magnitude', counterparty: 'hide', freeText: 'shape', timing: 'exact' },
    },
    T0,
  );
  for (const [i, to] of [ALICE, BOB].entries()) {
    const { entry, intent } = decided(usdcTransfer(to), T0 + i);
    const logged = await store.logDecision(entry);
    await store.recordAction(logged.id, i ? 'cancelled' : 'signed', {
      at: T0 + i + 1,
      ...(intent && { intent }),
    });
  }
  await store.observe(BOB, 'received', T0 + 5);
}

test('export → erase → import gives back an identical state, on disk and in memory', async () => {
  const store = await openStore();
  await fill(store);
  const before = { memory: store.snapshot.data, disk: await disk() };
  const text = exportText(store.snapshot.data, T0 + 10);

  await store.eraseAll();
  expect(Object.values(await disk()).every((records) => records.length === 0)).toBe(true);

  await store.replaceAll(parseExportDocument(text));
  expect(store.snapshot.data).toEqual(before.memory);
  expect(await disk()).toEqual(before.disk);
  store.close();
  expect((await openStore()).snapshot.data).toEqual(before.memory);
});

test('an export taken while the lock is on imports into an unlocked store, and into a locked one sealed', async () => {
  const store = await openStore();
  await fill(store);
  await store.enableLock('correct horse battery', 10);
  const text = exportText(store.snapshot.data, T0);
  const data = parseExportDocument(text);
  await store.replaceAll(data);
  expect(JSON.stringify(await disk())).not.toContain('Alice');
  expect(store.snapshot.data).toEqual(data);
});

test('a corrupted or partial import file is rejected whole and changes nothing', async () => {
  const store = await openStore();
  await fill(store);
  const before = await disk();
  const good = exportText(store.snapshot.data, T0);
  const doc = JSON.parse(good);
  const broken = [
    good.slice(0, good.length / 2),
    good.replace('"format": "vigil.context"', '"format": "something.else"'),
    JSON.stringify({ ...doc, data: { ...doc.data, history: undefined } }),
    JSON.stringify({
      ...doc,
      data: {
        ...doc.data,
        addressBook: [...doc.data.addressBook, { ...doc.data.addressBook[0], address: '0x12' }],
      },
    }),
    JSON.stringify({ ...doc, data: { ...doc.data, exposure: [{ ...doc.data.exposure[0], amount: '-5' }] } }),
    '',
    'null',
  ];
  for (const text of broken) {
    let error: unknown;
    try {
      await store.replaceAll(parseExportDocument(text));
    } catch (e) {
      error = e;
    }
    expect(error, text.slice(0, 60)).toBeInstanceOf(ContextError);
    expect((error as ContextError).code).toBe('invalidImport');
    expect(await disk()).toEqual(before);
  }
});

test('a cloud record saved by an older Vigil (no timeout) exports with the default and imports back the same', async () => {
  (await openStore()).close();
  const db = await openDB(name);
  const old = {
    id: 'cloud',
    enabled: true,
    baseUrl: 'http://127.0.0.1:8787/v1',
    model: 'loopback',
    apiKey: '',
    profile: 'strict',
  };
  await db.put('prefs', old);
  db.close();
  const store = await openStore();
  const text = exportText(store.snapshot.data, T0);
  expect(JSON.parse(text).data.prefs).toEqual([{ ...old, timeoutMs: 2_000 }]);
  await store.eraseAll();
  await store.replaceAll(parseExportDocument(text));
  expect(store.snapshot.data.prefs).toEqual([{ ...old, timeoutMs: 2_000 }]);
  expect((await disk()).prefs).toEqual([{ ...old, timeoutMs: 2_000 }]);
});
