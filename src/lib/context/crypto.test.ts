import { describe, expect, test } from 'vitest';
import {
  createLock,
  DEFAULT_ITERATIONS,
  isLockConfig,
  isSealed,
  type LockConfig,
  type Sealed,
  seal,
  unlockKey,
  unseal,
} from './crypto';
import { ContextError, type ContextErrorCode } from './errors';

/** Small iteration counts keep the tests fast; the app always uses DEFAULT_ITERATIONS. */
const fast = { iterations: 1_000 };
const passphrase = 'correct horse battery staple';

async function rejection(promise: Promise<unknown>): Promise<ContextError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ContextError);
    return error as ContextError;
  }
  throw new Error('expected a rejection');
}

async function expectCode(promise: Promise<unknown>, code: ContextErrorCode): Promise<void> {
  expect((await rejection(promise)).code).toBe(code);
}

const records: [string, string, unknown][] = [
  [
    'addressBook',
    'c1',
    {
      id: 'c1',
      name: 'Zoë 张三 🦊',
      address: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045',
      chains: [1, 10],
      notes: 'line one\nline "two"\u0000',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_001,
    },
  ],
  ['exposure', 'e1', { id: 'e1', day: '2025-01-31', asset: 'native', amount: (2n ** 256n - 1n).toString() }],
  [
    'policy',
    'current',
    { id: 'current', document: { profile: 'balanced', rules: {} }, exposureWindowDays: 1 },
  ],
  [
    'prefs',
    'cloud',
    { id: 'cloud', enabled: false, baseUrl: '', model: '', apiKey: 'sk-…', profile: 'strict' },
  ],
  ['history', 'h', { id: 'h', directions: [], count: 0 }],
  ['scalar', 's', 'just a string'],
  ['scalar', 'n', null],
];

describe('createLock / unlockKey', () => {
  test('the key from createLock and the key from unlockKey open each other’s seals', async () => {
    const { config, key } = await createLock(passphrase, fast);
    const again = await unlockKey(passphrase, config);
    const sealed = await seal(key, 'lists', 'a', { hello: 'world' });
    expect(await unseal(again, 'lists', 'a', sealed)).toEqual({ hello: 'world' });
    const back = await seal(again, 'lists', 'b', [1, 2, 3]);
    expect(await unseal(key, 'lists', 'b', back)).toEqual([1, 2, 3]);
  });

  test('config shape: version, KDF, iterations, 16-byte base64 salt, sealed check, idle minutes', async () => {
    const { config } = await createLock(passphrase, { iterations: 1_234, idleMinutes: 5 });
    expect(config.v).toBe(1);
    expect(config.kdf).toBe('PBKDF2-SHA256');
    expect(config.iterations).toBe(1_234);
    expect(config.idleMinutes).toBe(5);
    expect(atob(config.salt)).toHaveLength(16);
    expect(isSealed(config.check)).toBe(true);
    expect(isLockConfig(config)).toBe(true);
  });

  test('the default iteration count is the OWASP 600,000', async () => {
    expect(DEFAULT_ITERATIONS).toBe(600_000);
    const { config, key } = await createLock(passphrase);
    expect(config.iterations).toBe(600_000);
    expect(config.idleMinutes).toBe(15);
    const sealed = await seal(key, 'prefs', 'models', { id: 'models', loadAtStart: true });
    expect(await unseal(await unlockKey(passphrase, config), 'prefs', 'models', sealed)).toEqual({
      id: 'models',
      loadAtStart: true,
    });
  });

  test('two locks with the same passphrase get different salts', async () => {
    const a = await createLock(passphrase, fast);
    const b = await createLock(passphrase, fast);
    expect(a.config.salt).not.toBe(b.config.salt);
    // A seal under one lock's key does not open under the other's.
    await expectCode(unseal(b.key, 's', 'i', await seal(a.key, 's', 'i', 1)), 'corrupt');
  });

  test('a wrong passphrase fails with wrongPassphrase', async () => {
    const { config } = await createLock(passphrase, fast);
    const error = await rejection(unlockKey('correct horse battery stapler', config));
    expect(error.code).toBe('wrongPassphrase');
    expect(error.message).toMatch(/passphrase/i);
    await expectCode(unlockKey('Correct horse battery staple', config), 'wrongPassphrase');
    await expectCode(unlockKey(`${passphrase} `, config), 'wrongPassphrase');
  });

  test('passphrases are NFC-normalized: composed and decomposed forms open the same lock', async () => {
    const composed = 'caf\u00e9 au lait!';
    const decomposed = 'cafe\u0301 au lait!';
    expect(composed).not.toBe(decomposed);
    const { config, key } = await createLock(decomposed, fast);
    const unlocked = await unlockKey(composed, config);
    expect(await unseal(unlocked, 'a', 'b', await seal(key, 'a', 'b', 'ok'))).toBe('ok');
  });

  test('empty and short passphrases are invalid input', async () => {
    for (const bad of ['', 'short', '1234567', '\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9']) {
      await expectCode(createLock(bad, fast), 'invalidInput');
    }
    // Eight characters (one of them decomposed into two code units that NFC joins) is enough.
    await expect(createLock('abcdefg\u00e9', fast)).resolves.toBeDefined();
    await expect(createLock('abcdefge\u0301', fast)).resolves.toBeDefined();
    const { config } = await createLock(passphrase, fast);
    await expectCode(unlockKey('', config), 'invalidInput');
    await expectCode(createLock(undefined as unknown as string, fast), 'invalidInput');
  });

  test('bad options are invalid input', async () => {
    for (const options of [
      { iterations: 999 },
      { iterations: 0 },
      { iterations: -1 },
      { iterations: 1_000.5 },
      { iterations: Number.NaN },
      { iterations: 10_000_001 },
      { idleMinutes: -1 },
      { idleMinutes: 1.5 },
      { idleMinutes: 1_441 },
      { idleMinutes: Number.POSITIVE_INFINITY },
    ]) {
      await expectCode(createLock(passphrase, options), 'invalidInput');
    }
  });

  test('a malformed stored config is corrupt, not a wrong passphrase', async () => {
    const { config } = await createLock(passphrase, fast);
    await expectCode(unlockKey(passphrase, { ...config, salt: 'AAAA' }), 'corrupt');
    await expectCode(unlockKey(passphrase, null as unknown as LockConfig), 'corrupt');
  });

  test('a config whose check holds another value (forged with the right key) is corrupt', async () => {
    const { config, key } = await createLock(passphrase, fast);
    const forged = { ...config, check: await seal(key, 'lock', 'check', 'something else') };
    await expectCode(unlockKey(passphrase, forged), 'corrupt');
  });

  test('a check sealed at another place does not pass for the lock check', async () => {
    const { config, key } = await createLock(passphrase, fast);
    const moved = { ...config, check: await seal(key, 'lock', 'other', 'vigil.lock/1') };
    await expectCode(unlockKey(passphrase, moved), 'wrongPassphrase');
  });

  test('the key cannot be exported and can only encrypt and decrypt', async () => {
    const { config, key } = await createLock(passphrase, fast);
    for (const k of [key, await unlockKey(passphrase, config)]) {
      expect(k.extractable).toBe(false);
      expect([...k.usages].sort()).toEqual(['decrypt', 'encrypt']);
      expect(k.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
      await expect(crypto.subtle.exportKey('raw', k)).rejects.toThrow();
    }
  });
});

describe('seal / unseal', () => {
  test.each(records)('round trip of a %s record (%s)', async (store, id, value) => {
    const { key } = await createLock(passphrase, fast);
    const sealed = await seal(key, store, id, value);
    expect(sealed.iv).toHaveLength(12);
    expect(new TextDecoder().decode(sealed.ct)).not.toContain(JSON.stringify(value).slice(1, 10));
    expect(await unseal(key, store, id, sealed)).toEqual(value);
  });

  test('two seals of the same value differ (fresh IV each time)', async () => {
    const { key } = await createLock(passphrase, fast);
    const a = await seal(key, 'lists', 'x', { same: true });
    const b = await seal(key, 'lists', 'x', { same: true });
    expect(a.iv).not.toEqual(b.iv);
    expect(a.ct).not.toEqual(b.ct);
  });

  test('a flipped ciphertext bit, tag bit or IV bit fails with corrupt', async () => {
    const { key } = await createLock(passphrase, fast);
    const sealed = await seal(key, 'addressBook', 'c1', { name: 'Alice' });
    const flip = (bytes: Uint8Array, i: number) => {
      const copy = new Uint8Array(bytes);
      copy[i] = (copy[i] ?? 0) ^ 1;
      return copy;
    };
    await expectCode(unseal(key, 'addressBook', 'c1', { iv: sealed.iv, ct: flip(sealed.ct, 0) }), 'corrupt');
    await expectCode(
      unseal(key, 'addressBook', 'c1', { iv: sealed.iv, ct: flip(sealed.ct, sealed.ct.length - 1) }),
      'corrupt',
    );
    await expectCode(unseal(key, 'addressBook', 'c1', { iv: flip(sealed.iv, 11), ct: sealed.ct }), 'corrupt');
    await expectCode(
      unseal(key, 'addressBook', 'c1', { iv: sealed.iv, ct: sealed.ct.slice(0, sealed.ct.length - 1) }),
      'corrupt',
    );
    // The untouched value still opens: the failures above are the tampering, not the key.
    expect(await unseal(key, 'addressBook', 'c1', sealed)).toEqual({ name: 'Alice' });
  });

  test('a record moved to another id or store fails with corrupt (additional data binds its place)', async () => {
    const { key } = await createLock(passphrase, fast);
    const sealed = await seal(key, 'lists', 'a', { list: 'allow' });
    await expectCode(unseal(key, 'lists', 'b', sealed), 'corrupt');
    await expectCode(unseal(key, 'addressBook', 'a', sealed), 'corrupt');
    // `vigil:lists:a` must not be confused with a store or id that contains the separator.
    await expectCode(unseal(key, 'lists:a', '', sealed), 'corrupt');
    expect(await unseal(key, 'lists', 'a', sealed)).toEqual({ list: 'allow' });
  });

  test('a malformed sealed value fails with corrupt', async () => {
    const { key } = await createLock(passphrase, fast);
    for (const bad of [
      null,
      {},
      { iv: new Uint8Array(12) },
      { iv: new Uint8Array(11), ct: new Uint8Array(32) },
      { iv: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], ct: new Uint8Array(32) },
      { iv: new Uint8Array(12), ct: new Uint8Array(15) },
    ]) {
      await expectCode(unseal(key, 's', 'i', bad as unknown as Sealed), 'corrupt');
    }
  });

  test('values JSON cannot encode are invalid input', async () => {
    const { key } = await createLock(passphrase, fast);
    await expectCode(seal(key, 's', 'i', undefined), 'invalidInput');
    await expectCode(
      seal(key, 's', 'i', () => 1),
      'invalidInput',
    );
    await expectCode(seal(key, 's', 'i', { big: 1n }), 'invalidInput');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    await expectCode(seal(key, 's', 'i', cycle), 'invalidInput');
  });
});

describe('isSealed / isLockConfig', () => {
  test('isSealed accepts Uint8Arrays of the right sizes, from another realm too', async () => {
    expect(isSealed({ iv: new Uint8Array(12), ct: new Uint8Array(16) })).toBe(true);
    expect(isSealed({ id: 'x', iv: new Uint8Array(12), ct: new Uint8Array(100) })).toBe(true);
    const { runInNewContext } = await import('node:vm');
    const foreign = runInNewContext('({ iv: new Uint8Array(12), ct: new Uint8Array(20) })');
    expect(foreign.iv instanceof Uint8Array).toBe(false);
    expect(isSealed(foreign)).toBe(true);
    for (const bad of [
      undefined,
      'sealed',
      { iv: new Uint8Array(12), ct: new Uint16Array(16) },
      { iv: new Uint8Array(12).buffer, ct: new Uint8Array(16) },
      { iv: Array.from({ length: 12 }, () => 0), ct: new Uint8Array(16) },
    ])
      expect(isSealed(bad)).toBe(false);
  });

  test('isLockConfig rejects malformed configs', async () => {
    const { config } = await createLock(passphrase, fast);
    expect(isLockConfig(config)).toBe(true);
    expect(isLockConfig(JSON.parse(JSON.stringify({ ...config, check: null })))).toBe(false);
    const bad: unknown[] = [
      null,
      undefined,
      42,
      'config',
      [],
      { ...config, v: 2 },
      { ...config, v: '1' },
      { ...config, kdf: 'scrypt' },
      { ...config, iterations: 999 },
      { ...config, iterations: 10_000_001 },
      { ...config, iterations: '600000' },
      { ...config, iterations: 1_000.5 },
      { ...config, salt: '' },
      { ...config, salt: 'AAAAAAAAAAAAAAAAAAAAAA' }, // 22 chars: not padded base64
      { ...config, salt: 'AAAAAAAAAAAAAAAAAAAAAAAA' }, // 18 bytes
      { ...config, salt: '!!!!!!!!!!!!!!!!!!!!!!==' },
      { ...config, salt: 16 },
      { ...config, check: { iv: config.check.iv } },
      { ...config, check: 'sealed' },
      { ...config, idleMinutes: -1 },
      { ...config, idleMinutes: 1_441 },
      { ...config, idleMinutes: Number.NaN },
      { ...config, idleMinutes: undefined },
      Object.fromEntries(Object.entries(config).filter(([k]) => k !== 'salt')),
    ];
    for (const value of bad) expect(isLockConfig(value), JSON.stringify(value)).toBe(false);
  });

  test('members must be own: a config or sealed value that inherits them is rejected', async () => {
    const { config } = await createLock(passphrase, fast);
    expect(isLockConfig(Object.create(config))).toBe(false);
    expect(isSealed(Object.create(config.check))).toBe(false);
    const parsed = JSON.parse(`{"__proto__": ${JSON.stringify({ v: 1, kdf: 'PBKDF2-SHA256' })}}`);
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
    expect(isLockConfig(parsed)).toBe(false);
    expect(isLockConfig({ ...config })).toBe(true);
  });
});
