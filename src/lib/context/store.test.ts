import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { asContextError, ContextError } from './errors';
import type { ContextData } from './records';
import { DB_VERSION, type V1Contact, type V1ListEntry } from './schema';
import { ContextStore } from './store';
import { counterIds, decided, usdcTransfer } from './testing';

const ALICE = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 20, 12);

let open: ContextStore[] = [];
/** Each test has its own database (and so its own cross-tab channel). */
let name = 'vigil-test';
let tests = 0;
async function openStore(options: { newId?: () => string; logCap?: number } = {}): Promise<ContextStore> {
  const store = await ContextStore.open({ name, iterations: 1000, ...options });
  open.push(store);
  return store;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  open = [];
  name = `vigil-test-${++tests}`;
});
afterEach(() => {
  for (const store of open) store.close();
});

/** Every record on disk, as stored (sealed or not), for looking for plaintext. */
async function rawDump(): Promise<string> {
  const db = await openDB(name);
  const out: unknown[] = [];
  for (const name of db.objectStoreNames) out.push(name, await db.getAll(name));
  db.close();
  return JSON.stringify(out, (_k, v) => (v instanceof Uint8Array ? Array.from(v) : v));
}

async function fillEverything(store: ContextStore): Promise<void> {
  await store.saveContact(
    { name: 'Alice', address: ALICE.toLowerCase(), chains: [1, 10], notes: 'friend' },
    T0,
  );
  await store.addToList('allow', BOB, 'my other wallet', T0);
  await store.addToList('deny', '0x000000000000000000000000000000000000dEaD', '', T0);
  await store.addDelegate('0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B', [1], 'MetaMask delegator', T0);
  await store.savePolicy({ profile: 'conservative', limits: { perAsset: { native: '1000' } } }, 3, T0);
  await store.savePrefs({ id: 'models', loadAtStart: false, nano: 'Qwen3-0.6B-q4f16_1-MLC' });
  await store.saveCloud(
    {
      enabled: false,
      baseUrl: 'http://127.0.0.1:8787/v1',
      model: 'dmind',
      apiKey: 'sk-local',
      timeoutMs: 2_500,
      profile: 'strict',
    },
    T0,
  );
  const { entry, intent } = decided(usdcTransfer(ALICE), T0);
  const logged = await store.logDecision(entry);
  await store.recordAction(logged.id, 'signed', {
    at: T0 + 1000,
    ...(intent && { intent }),
    result: '0x1234',
  });
}

describe('opening', () => {
  test('a new database opens ready and empty, at the current version', async () => {
    const store = await openStore();
    expect(store.snapshot.status).toBe('ready');
    expect(Object.values(store.snapshot.data).every((records) => records.length === 0)).toBe(true);
    const db = await openDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(
      [
        'addressBook',
        'decisions',
        'delegates',
        'exposure',
        'history',
        'lists',
        'policy',
        'prefs',
        'settings',
      ].sort(),
    );
    db.close();
  });

  test('no IndexedDB: unavailable, with a reason, and writes are refused', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error: a browser without IndexedDB.
    delete globalThis.indexedDB;
    try {
      const store = await openStore();
      expect(store.snapshot.status).toBe('unavailable');
      expect(store.snapshot.error?.code).toBe('unavailable');
      await expect(store.saveContact({ name: 'A', address: ALICE }, T0)).rejects.toMatchObject({
        code: 'unavailable',
      });
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  test('a database from a newer Vigil: newerVersion, nothing touched', async () => {
    const db = await openDB(name, DB_VERSION + 5, {
      upgrade: (d) => void d.createObjectStore('future'),
    });
    db.close();
    const store = await openStore();
    expect(store.snapshot.status).toBe('newerVersion');
    const again = await openDB(name);
    expect(again.version).toBe(DB_VERSION + 5);
    expect([...again.objectStoreNames]).toEqual(['future']);
    again.close();
  });
});

describe('round trips (close and reopen)', () => {
  test('every store keeps what was written', async () => {
    const store = await openStore({ newId: counterIds() });
    await fillEverything(store);
    const before = store.snapshot.data;
    store.close();
    const reopened = await openStore();
    expect(reopened.snapshot.data).toEqual(before);
    const data = reopened.snapshot.data;
    expect(data.addressBook).toEqual([
      expect.objectContaining({ name: 'Alice', address: ALICE, chains: [1, 10], notes: 'friend' }),
    ]);
    expect(data.lists.map((e) => [e.list, e.address])).toEqual([
      ['allow', BOB],
      ['deny', '0x000000000000000000000000000000000000dEaD'],
    ]);
    expect(data.delegates).toHaveLength(1);
    expect(data.policy[0]).toMatchObject({ exposureWindowDays: 3, document: { profile: 'conservative' } });
    expect(data.prefs.map((p) => p.id).sort()).toEqual(['cloud', 'models']);
    expect(data.decisions[0]).toMatchObject({ userAction: 'signed', actedAt: T0 + 1000, result: '0x1234' });
    expect(data.decisions[0]?.resultHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(data.history).toEqual([
      expect.objectContaining({ address: ALICE, count: 1, directions: ['sent'], firstSeen: T0 + 1000 }),
    ]);
    expect(data.exposure).toEqual([
      expect.objectContaining({
        day: '2026-11-20',
        asset: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
        counterparty: ALICE,
        amount: '100000000',
        count: 1,
      }),
    ]);
  });

  test('edits, deletions and observations persist', async () => {
    const store = await openStore();
    const alice = await store.saveContact({ name: 'Alice', address: ALICE }, T0);
    await store.saveContact({ id: alice.id, name: 'Alice L.', address: ALICE, notes: 'new' }, T0 + 5);
    const bob = await store.saveContact({ name: 'Bob', address: BOB }, T0);
    await store.deleteContact(bob.id);
    await store.observe(BOB, 'received', T0);
    await store.observe(BOB, 'received', T0 + DAY);
    store.close();
    const data = (await openStore()).snapshot.data;
    expect(data.addressBook).toEqual([
      expect.objectContaining({
        id: alice.id,
        name: 'Alice L.',
        notes: 'new',
        createdAt: T0,
        updatedAt: T0 + 5,
      }),
    ]);
    expect(data.history).toEqual([
      expect.objectContaining({
        address: BOB,
        firstSeen: T0,
        lastSeen: T0 + DAY,
        count: 2,
        directions: ['received'],
      }),
    ]);
  });

  test('the decision log drops its oldest entries over the cap', async () => {
    const store = await openStore({ logCap: 3 });
    for (let i = 0; i < 5; i++) await store.logDecision(decided(usdcTransfer(ALICE), T0 + i).entry);
    expect(store.snapshot.data.decisions.map((d) => d.at).sort()).toEqual([T0 + 2, T0 + 3, T0 + 4]);
  });

  test('an oversized input is logged without its text', async () => {
    const store = await openStore();
    const huge = `0x${'ab'.repeat(200_000)}`;
    const record = await store.logDecision({ ...decided(usdcTransfer(ALICE), T0).entry, input: huge });
    expect(record.input).toBeUndefined();
    expect(record.inputBytes).toBe(huge.length);
  });
});

describe('validation: bad input is refused and changes nothing', () => {
  test('contacts', async () => {
    const store = await openStore();
    await store.saveContact({ name: 'Alice', address: ALICE }, T0);
    const cases: [Parameters<ContextStore['saveContact']>[0], string][] = [
      [{ name: '', address: BOB }, 'name'],
      [{ name: 'x'.repeat(201), address: BOB }, 'name'],
      [{ name: 'Bob', address: '0x1234' }, 'address'],
      [{ name: 'Bob', address: `${BOB}00` }, 'address'],
      [{ name: 'Bob', address: BOB.replace('C5', 'c5') }, 'address'],
      [{ name: 'Bob', address: '<script>alert(1)</script>' }, 'address'],
      [{ name: 'Bob', address: BOB, chains: [0] }, 'chains'],
      [{ name: 'Bob', address: BOB, chains: [1.5] }, 'chains'],
      [{ name: 'Bob', address: BOB, notes: 'n'.repeat(2001) }, 'notes'],
      [{ name: 'Alice again', address: ALICE.toLowerCase() }, 'address'],
    ];
    for (const [input, path] of cases)
      await expect(store.saveContact(input, T0), JSON.stringify(input).slice(0, 80)).rejects.toMatchObject({
        code: 'invalidInput',
        path,
      });
    expect(store.snapshot.data.addressBook).toHaveLength(1);
    expect(store.snapshot.error?.code).toBe('invalidInput');
  });

  test('lists: an address is on one list once', async () => {
    const store = await openStore();
    await store.addToList('allow', BOB, '', T0);
    await expect(store.addToList('allow', BOB.toLowerCase(), '', T0)).rejects.toMatchObject({
      code: 'invalidInput',
    });
    await expect(store.addToList('deny', BOB, '', T0)).rejects.toThrow(/allowlist: remove it there first/);
    expect(store.snapshot.data.lists).toHaveLength(1);
  });

  test('policy documents are read as the gate reads them', async () => {
    const store = await openStore();
    for (const [doc, path] of [
      [{ profile: 'reckless' }, 'profile'],
      [{ tauRisk: 2 }, 'tauRisk'],
      [{ rules: { 'approval.unlimited': { severity: 'loud' } } }, 'rules.approval.unlimited.severity'],
      [{ limits: { perAsset: { native: '-1' } } }, 'limits.perAsset.native'],
      [{ allowlist: [BOB] }, 'allowlist'],
    ] as const)
      await expect(store.savePolicy(doc as Record<string, unknown>, 1, T0)).rejects.toMatchObject({
        code: 'invalidInput',
        path,
      });
    await expect(store.savePolicy({}, 0, T0)).rejects.toMatchObject({ path: 'exposureWindowDays' });
    expect(store.snapshot.data.policy).toEqual([]);
  });

  test('WalletConnect project id: trimmed, lower-cased, replaced, removed; a bad one changes nothing', async () => {
    const store = await openStore();
    const id = '0123456789ABCDEF0123456789abcdef';
    await expect(store.saveWalletConnect(`  ${id}\n`, T0)).resolves.toEqual({
      id: 'walletconnect',
      projectId: id.toLowerCase(),
      updatedAt: T0,
    });
    for (const bad of [
      '',
      id.slice(1),
      `${id}0`,
      `${id.slice(0, 31)}g`,
      '<img src=x onerror=alert(1)>',
      'a'.repeat(1e6),
    ])
      await expect(store.saveWalletConnect(bad, T0 + 1), bad.slice(0, 40)).rejects.toMatchObject({
        code: 'invalidInput',
        path: 'projectId',
      });
    expect(store.snapshot.data.prefs).toEqual([
      { id: 'walletconnect', projectId: id.toLowerCase(), updatedAt: T0 },
    ]);
    await store.saveWalletConnect('f'.repeat(32), T0 + 2);
    expect(store.snapshot.data.prefs).toEqual([
      { id: 'walletconnect', projectId: 'f'.repeat(32), updatedAt: T0 + 2 },
    ]);
    store.close();
    const reopened = await openStore();
    expect(reopened.snapshot.data.prefs).toEqual([
      { id: 'walletconnect', projectId: 'f'.repeat(32), updatedAt: T0 + 2 },
    ]);
    await reopened.enableLock('correct horse battery', 10);
    expect(await rawDump()).not.toContain('f'.repeat(32));
    await reopened.removePrefs('walletconnect');
    expect(reopened.snapshot.data.prefs).toEqual([]);
    expect(await rawDump()).not.toContain('walletconnect');
  });

  test('cloud settings: trimmed, validated field by field, the key kept when not typed; a bad one changes nothing', async () => {
    const store = await openStore();
    const good = {
      enabled: true,
      baseUrl: '  https://api.example.com/v1 ',
      model: ' dmind-3 ',
      apiKey: ' sk-secret ',
      timeoutMs: 2_000,
      profile: 'override',
      override: { amount: 'exact', counterparty: 'pseudonym', freeText: 'hide', timing: 'month' },
    } as const;
    const saved = await store.saveCloud(good, T0);
    expect(saved).toEqual({
      id: 'cloud',
      enabled: true,
      baseUrl: 'https://api.example.com/v1',
      model: 'dmind-3',
      apiKey: 'sk-secret',
      profile: 'override',
      override: good.override,
      timeoutMs: 2_000,
      updatedAt: T0,
    });
    expect(store.snapshot.data.prefs).toEqual([saved]);

    const refusals: [Record<string, unknown>, string, RegExp][] = [
      [{ baseUrl: 'http://example.com/v1' }, 'baseUrl', /must use https/],
      [{ baseUrl: 'ftp://127.0.0.1/v1' }, 'baseUrl', /must use https/],
      [{ baseUrl: '' }, 'baseUrl', /Enter the base URL/],
      [{ baseUrl: 'api.example.com/v1' }, 'baseUrl', /not a URL/],
      [{ baseUrl: 'https://user:pw@api.example.com/v1' }, 'baseUrl', /user name or password/],
      [{ baseUrl: 'https://api.example.com/v1?key=1' }, 'baseUrl', /query/],
      [{ baseUrl: 'https://api.exa\nmple.com/v1' }, 'baseUrl', /not a URL/],
      [{ baseUrl: `https://a.example/${'x'.repeat(2_000)}` }, 'baseUrl', /longer than 2000/],
      [{ model: '   ' }, 'model', /model name/],
      [{ model: 'm'.repeat(257) }, 'model', /at most 256/],
      [{ model: 'dmind\u202e' }, 'model', /control or invisible/],
      [{ apiKey: 'sk secret' }, 'apiKey', /printable ASCII/],
      [{ apiKey: 'sk-ключ' }, 'apiKey', /printable ASCII/],
      [{ apiKey: 'k'.repeat(4_097) }, 'apiKey', /at most 4096/],
      [{ apiKey: 42 }, 'apiKey', /printable ASCII/],
      [{ timeoutMs: 0 }, 'timeoutMs', /from 250 to 300000/],
      [{ timeoutMs: 249 }, 'timeoutMs', /from 250/],
      [{ timeoutMs: 300_001 }, 'timeoutMs', /to 300000/],
      [{ timeoutMs: 1_000.5 }, 'timeoutMs', /whole number/],
      [{ timeoutMs: Number.NaN }, 'timeoutMs', /whole number/],
      [{ timeoutMs: '2000' }, 'timeoutMs', /whole number/],
      [{ profile: 'lax' }, 'profile', /strict, default or override/],
      [{ override: undefined }, 'override', /one valid choice/],
      [{ override: { ...good.override, amount: 'all' } }, 'override', /one valid choice/],
      [{ override: { ...good.override, colour: 'red' } }, 'override', /one valid choice/],
      [{ profile: 'strict', override: 'garbage' }, 'override', /one valid choice/],
      [{ enabled: 'yes' }, 'enabled', /true or false/],
      // The first bad field is named.
      [{ baseUrl: 'http://example.com', model: '', timeoutMs: 1 }, 'baseUrl', /https/],
    ];
    for (const [change, path, message] of refusals) {
      const error = await store.saveCloud({ ...good, ...change } as never, T0 + 1).catch((e: unknown) => e);
      expect(error, JSON.stringify(change).slice(0, 80)).toBeInstanceOf(ContextError);
      expect(error).toMatchObject({ code: 'invalidInput', path });
      expect((error as Error).message).toMatch(message);
      // A refused key is never repeated in the message.
      expect((error as Error).message).not.toContain('secret');
    }
    for (const garbage of [null, undefined, 42, 'cloud', [], [good]])
      await expect(store.saveCloud(garbage as never, T0 + 1)).rejects.toMatchObject({ code: 'invalidInput' });
    expect(store.snapshot.data.prefs).toEqual([saved]);

    // No key typed: the saved one is kept for the same server, never carried to another one;
    // an empty one removes it; strict drops the override.
    const kept = await store.saveCloud(
      {
        enabled: false,
        baseUrl: 'https://api.example.com/v2',
        model: 'm',
        timeoutMs: 250,
        profile: 'strict',
      },
      T0 + 2,
    );
    expect(kept).toMatchObject({ apiKey: 'sk-secret', profile: 'strict', enabled: false, timeoutMs: 250 });
    expect(kept).not.toHaveProperty('override');
    const moved = await store.saveCloud(
      { ...good, apiKey: undefined, baseUrl: 'http://localhost:8000/v1' },
      T0 + 2,
    );
    expect(moved.apiKey).toBe('');
    await store.saveCloud(good, T0 + 2);
    const cleared = await store.saveCloud({ ...good, apiKey: '' }, T0 + 3);
    expect(cleared.apiKey).toBe('');
    store.close();
    const reopened = await openStore();
    expect(reopened.snapshot.data.prefs).toEqual([cleared]);
    await reopened.removePrefs('cloud');
    expect(reopened.snapshot.data.prefs).toEqual([]);
  });

  test('a cloud record saved before the timeout existed loads with the default', async () => {
    const old = {
      id: 'cloud',
      enabled: true,
      baseUrl: 'https://api.example.com/v1',
      model: 'm',
      apiKey: '',
      profile: 'default',
    };
    (await openStore()).close();
    const db = await openDB(name);
    await db.put('prefs', old);
    db.close();
    const store = await openStore();
    expect(store.snapshot.data.prefs).toEqual([{ ...old, timeoutMs: 2_000 }]);
    // Sealing writes it with the default; it reads back the same once unlocked.
    await store.enableLock('correct horse battery', 0);
    store.close();
    const locked = await openStore();
    expect(locked.snapshot.status).toBe('locked');
    await locked.unlock('correct horse battery');
    expect(locked.snapshot.data.prefs).toEqual([{ ...old, timeoutMs: 2_000 }]);
  });

  test('an action is recorded once; signing a blocked request is an override', async () => {
    const store = await openStore();
    const { entry, intent } = decided(usdcTransfer(ALICE), T0);
    const logged = await store.logDecision(entry);
    await store.recordAction(logged.id, 'cancelled', { at: T0, ...(intent && { intent }) });
    expect(store.snapshot.data.history).toEqual([]);
    await expect(store.recordAction(logged.id, 'signed', { at: T0 })).rejects.toThrow(
      /already marked cancelled/,
    );
    const blocked = await store.logDecision({ ...entry, verdict: 'block' });
    await expect(store.recordAction(blocked.id, 'signed', { at: T0 })).rejects.toThrow(/override/);
    await store.recordAction(blocked.id, 'overridden', { at: T0, ...(intent && { intent }) });
    expect(store.snapshot.data.history.map((h) => h.address)).toEqual([ALICE]);
    await expect(store.recordAction('nope', 'signed', { at: T0 })).rejects.toMatchObject({
      code: 'invalidInput',
    });
  });
});

describe('schema migration', () => {
  test('version-1 data upgrades to the current version with every record intact', async () => {
    const v1Contacts: V1Contact[] = [
      { id: 'c1', name: 'Alice', address: ALICE, chain: 1, notes: 'x', createdAt: 1, updatedAt: 2 },
      { id: 'c2', name: 'Bob', address: BOB, chain: null, notes: '', createdAt: 3, updatedAt: 4 },
    ];
    const v1Lists: V1ListEntry[] = [
      { id: 'l1', list: 'allow', address: BOB, note: 'mine', addedAt: 5 },
      {
        id: 'l2',
        list: 'delegate',
        address: '0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B',
        note: 'mm',
        addedAt: 6,
      },
      { id: 'l3', list: 'deny', address: '0x000000000000000000000000000000000000dEaD', note: '', addedAt: 7 },
    ];
    const history = { id: 'h1', address: ALICE, firstSeen: 1, lastSeen: 9, count: 3, directions: ['sent'] };
    const exposure = {
      id: 'e1',
      day: '2026-11-20',
      asset: 'native',
      counterparty: BOB,
      amount: '5',
      count: 1,
    };
    const { entry } = decided(usdcTransfer(ALICE), T0);
    const decision = {
      ...entry,
      id: 'd1',
      inputBytes: entry.input.length,
      userAction: 'signed',
      actedAt: T0,
    };
    const policy = { id: 'current', document: { profile: 'expert' }, exposureWindowDays: 2, updatedAt: 8 };
    // Version 1's schema, as version 1 of Vigil created it.
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('settings', { keyPath: 'key' });
        for (const name of ['policy', 'lists', 'addressBook', 'history', 'exposure', 'decisions'])
          db.createObjectStore(name, { keyPath: 'id' });
      },
    });
    for (const c of v1Contacts) await v1.put('addressBook', c);
    for (const l of v1Lists) await v1.put('lists', l);
    await v1.put('history', history);
    await v1.put('exposure', exposure);
    await v1.put('decisions', decision);
    await v1.put('policy', policy);
    await v1.put('settings', { key: 'theme', value: 'dark' });
    v1.close();

    const store = await openStore();
    expect(store.snapshot.status).toBe('ready');
    const data = store.snapshot.data;
    expect(data.addressBook).toEqual([
      { id: 'c1', name: 'Alice', address: ALICE, chains: [1], notes: 'x', createdAt: 1, updatedAt: 2 },
      { id: 'c2', name: 'Bob', address: BOB, chains: [], notes: '', createdAt: 3, updatedAt: 4 },
    ]);
    expect(data.lists).toEqual([v1Lists[0], v1Lists[2]]);
    expect(data.delegates).toEqual([
      { id: 'l2', address: '0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B', chains: [], note: 'mm', addedAt: 6 },
    ]);
    expect(data.history).toEqual([history]);
    expect(data.exposure).toEqual([exposure]);
    expect(data.decisions).toEqual([decision]);
    expect(data.policy).toEqual([policy]);
    expect(data.prefs).toEqual([]);
    const db = await openDB(name);
    expect(await db.get('settings', 'theme')).toEqual({ key: 'theme', value: 'dark' });
    db.close();
  });
});

describe('other tabs', () => {
  test('another tab upgrading: this tab lets it, is told to reload, and refuses writes; nothing is lost', async () => {
    const store = await openStore();
    await store.saveContact({ name: 'Alice', address: ALICE }, T0);
    // A newer Vigil opens the next version in another tab.
    const next = await openDB(name, DB_VERSION + 1, { upgrade: (db) => void db.createObjectStore('next') });
    expect(store.snapshot.status).toBe('stale');
    expect(store.snapshot.error?.code).toBe('stale');
    expect(await next.getAll('addressBook')).toEqual([
      expect.objectContaining({ name: 'Alice', address: ALICE }),
    ]);
    next.close();
    await expect(store.saveContact({ name: 'Bob', address: BOB }, T0)).rejects.toMatchObject({
      code: 'stale',
    });
    // The stale tab still shows what it had.
    expect(store.snapshot.data.addressBook).toHaveLength(1);
  });

  test('an older tab that holds the database open: the upgrade waits (blocked), then proceeds', async () => {
    const old = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('settings', { keyPath: 'key' });
        for (const name of ['policy', 'lists', 'addressBook', 'history', 'exposure', 'decisions'])
          db.createObjectStore(name, { keyPath: 'id' });
      },
    });
    await old.put('addressBook', {
      id: 'c1',
      name: 'Alice',
      address: ALICE,
      chain: null,
      notes: '',
      createdAt: 1,
      updatedAt: 1,
    });
    const store = new ContextStore({ name });
    open.push(store);
    const statuses: string[] = [];
    store.subscribe(() => statuses.push(store.snapshot.status));
    const opening = store.open();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.snapshot.status).toBe('blocked');
    old.close();
    await opening;
    expect(statuses).toEqual(['blocked', 'ready']);
    expect(store.snapshot.data.addressBook).toEqual([expect.objectContaining({ name: 'Alice', chains: [] })]);
  });

  test('a write in one tab reaches the other', async () => {
    const a = await openStore();
    const b = await openStore();
    const seen = new Promise<void>((resolve) =>
      b.subscribe(() => b.snapshot.data.addressBook.length && resolve()),
    );
    await a.saveContact({ name: 'Alice', address: ALICE }, T0);
    await seen;
    expect(b.snapshot.data.addressBook.map((c) => c.name)).toEqual(['Alice']);
  });
});

describe('import and erase', () => {
  test('replaceAll is all or nothing: a record IndexedDB refuses leaves every store as it was', async () => {
    const store = await openStore();
    await fillEverything(store);
    const before = store.snapshot.data;
    const bad = {
      ...before,
      addressBook: [...before.addressBook, { name: 'no id' }],
    } as unknown as ContextData;
    await expect(store.replaceAll(bad)).rejects.toBeInstanceOf(ContextError);
    expect(store.snapshot.data).toEqual(before);
    store.close();
    expect((await openStore()).snapshot.data).toEqual(before);
  });

  test('erase empties every store and removes the lock', async () => {
    const store = await openStore();
    await fillEverything(store);
    await store.enableLock('correct horse battery', 5);
    await store.eraseAll();
    expect(store.snapshot.status).toBe('ready');
    expect(store.snapshot.lock).toBeUndefined();
    store.close();
    const again = await openStore();
    expect(again.snapshot.status).toBe('ready');
    expect(Object.values(again.snapshot.data).every((r) => r.length === 0)).toBe(true);
  });
});

describe('passphrase lock', () => {
  test('on: nothing readable on disk; reopened locked; a wrong passphrase fails; the right one restores everything', async () => {
    const store = await openStore();
    await fillEverything(store);
    const before = store.snapshot.data;
    expect(await rawDump()).toContain('Alice');
    await store.enableLock('correct horse battery', 5);
    expect(store.snapshot.lock).toEqual({ idleMinutes: 5 });
    const dump = await rawDump();
    for (const secret of [
      'Alice',
      ALICE.slice(2).toLowerCase(),
      ALICE.slice(2),
      'friend',
      'sk-local',
      'conservative',
      '100000000',
    ])
      expect(dump.toLowerCase()).not.toContain(secret.toLowerCase());
    store.close();

    const locked = await openStore();
    expect(locked.snapshot.status).toBe('locked');
    expect(locked.snapshot.data.addressBook).toEqual([]);
    await expect(locked.saveContact({ name: 'B', address: BOB }, T0)).rejects.toMatchObject({
      code: 'locked',
    });
    await expect(locked.unlock('wrong horse battery')).rejects.toMatchObject({ code: 'wrongPassphrase' });
    expect(locked.snapshot.status).toBe('locked');
    await locked.unlock('correct horse battery');
    expect(locked.snapshot.status).toBe('ready');
    expect(locked.snapshot.data).toEqual(before);

    // Writes while unlocked are sealed too.
    await locked.saveContact({ name: 'Bobby Tables', address: BOB }, T0);
    expect(await rawDump()).not.toContain('Bobby');
    await locked.lock();
    expect(locked.snapshot.status).toBe('locked');
    expect(locked.snapshot.data.addressBook).toEqual([]);
  });

  test('off again: the passphrase is needed, and the records are plaintext again', async () => {
    const store = await openStore();
    await fillEverything(store);
    await store.enableLock('correct horse battery', 0);
    await expect(store.disableLock('nope nope nope')).rejects.toMatchObject({ code: 'wrongPassphrase' });
    await store.disableLock('correct horse battery');
    expect(store.snapshot.lock).toBeUndefined();
    store.close();
    const again = await openStore();
    expect(again.snapshot.status).toBe('ready');
    expect(again.snapshot.data.addressBook.map((c) => c.name)).toEqual(['Alice']);
  });

  test('a short passphrase is refused', async () => {
    const store = await openStore();
    await expect(store.enableLock('short', 5)).rejects.toMatchObject({ code: 'invalidInput' });
    expect(store.snapshot.lock).toBeUndefined();
  });
});

test('a full quota becomes a quota error with words to say', () => {
  const error = asContextError(new DOMException('full', 'QuotaExceededError'));
  expect(error.code).toBe('quota');
  expect(error.message).toMatch(/full: nothing was saved/);
});
