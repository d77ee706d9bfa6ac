import { describe, expect, test } from 'vitest';
import { emptyContext } from '$lib/context/records';
import { checkLockForm, exportFileName, formatBytes, isEraseConfirmed, storeCounts } from './dataPanel';

test('exportFileName uses the local calendar day', () => {
  expect(exportFileName(new Date(2025, 0, 31, 23, 59).getTime())).toBe('vigil-context-2025-01-31.json');
  expect(exportFileName(new Date(2026, 10, 5, 0, 1).getTime())).toBe('vigil-context-2026-11-05.json');
});

test('storeCounts lists every store in order', () => {
  const data = {
    ...emptyContext,
    lists: [
      { id: 'l', list: 'allow', address: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045', note: '', addedAt: 0 },
    ],
  } as const;
  expect(storeCounts(data)).toEqual([
    { store: 'policy', count: 0 },
    { store: 'lists', count: 1 },
    { store: 'addressBook', count: 0 },
    { store: 'history', count: 0 },
    { store: 'exposure', count: 0 },
    { store: 'decisions', count: 0 },
    { store: 'delegates', count: 0 },
    { store: 'prefs', count: 0 },
  ]);
});

describe('checkLockForm', () => {
  test('accepts a long enough passphrase typed twice and whole idle minutes', () => {
    expect(checkLockForm({ passphrase: 'correct horse', confirm: 'correct horse', idle: ' 15 ' })).toEqual({
      ok: true,
      idleMinutes: 15,
    });
    expect(checkLockForm({ passphrase: '12345678', confirm: '12345678', idle: '0' })).toEqual({
      ok: true,
      idleMinutes: 0,
    });
    expect(checkLockForm({ passphrase: '12345678', confirm: '12345678', idle: '1440' })).toMatchObject({
      ok: true,
    });
  });

  test('counts characters as the lock does (NFC, code points)', () => {
    // 8 characters after NFC: 4 emoji (2 UTF-16 units each), "abc", and "e" + a combining accent.
    const eight = '🔒🔒🔒🔒abce\u0301';
    expect(checkLockForm({ passphrase: eight, confirm: eight, idle: '1' })).toMatchObject({ ok: true });
    // 8 code points as typed, 11 UTF-16 units, but 7 characters once NFC joins the accent.
    const seven = '🔒🔒🔒abce\u0301';
    expect(checkLockForm({ passphrase: seven, confirm: seven, idle: '1' })).toEqual({
      ok: false,
      problems: [{ field: 'passphrase', code: 'tooShort' }],
    });
  });

  test('reports every problem at once', () => {
    expect(checkLockForm({ passphrase: 'short', confirm: 'shorter', idle: '-1' })).toEqual({
      ok: false,
      problems: [
        { field: 'passphrase', code: 'tooShort' },
        { field: 'confirm', code: 'mismatch' },
        { field: 'idle', code: 'idleRange' },
      ],
    });
  });

  test('idle minutes must be a whole number from 0 to 1440', () => {
    for (const idle of ['', '1.5', '1441', 'abc', '1e3'])
      expect(checkLockForm({ passphrase: 'long enough', confirm: 'long enough', idle }), idle).toEqual({
        ok: false,
        problems: [{ field: 'idle', code: 'idleRange' }],
      });
  });
});

test('isEraseConfirmed wants the word, spaces and case aside', () => {
  expect(isEraseConfirmed('ERASE', 'ERASE')).toBe(true);
  expect(isEraseConfirmed(' erase ', 'ERASE')).toBe(true);
  expect(isEraseConfirmed('清除', '清除')).toBe(true);
  expect(isEraseConfirmed('ERAS', 'ERASE')).toBe(false);
  expect(isEraseConfirmed('ERASE ALL', 'ERASE')).toBe(false);
  expect(isEraseConfirmed('', '')).toBe(false);
});

test('formatBytes', () => {
  expect(formatBytes(0, 'en')).toBe('0 byte');
  expect(formatBytes(999, 'en')).toBe('999 byte');
  expect(formatBytes(1_500, 'en')).toBe('1.5 kB');
  expect(formatBytes(123_456_789, 'en')).toBe('123 MB');
  expect(formatBytes(2_000_000_000_000_000, 'en')).toBe('2,000 TB');
});
