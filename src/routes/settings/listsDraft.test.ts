import { describe, expect, test } from 'vitest';
import type { ListEntry } from '$lib/context/records';
import { addressError, bundledDelegateName, entriesOf, parseChainIds, shortAddress } from './listsDraft';

const ALICE = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';

describe('addressError', () => {
  test('a checksummed, lower-case or upper-case address is fine', () => {
    expect(addressError(ALICE)).toBeUndefined();
    expect(addressError(` ${ALICE.toLowerCase()} `)).toBeUndefined();
    expect(addressError(`0x${ALICE.slice(2).toUpperCase()}`)).toBeUndefined();
  });

  test('empty, malformed, wrong checksum', () => {
    expect(addressError('  ')?.key).toBe('settings.error.addressRequired');
    expect(addressError('0x1234')?.key).toBe('settings.error.address');
    expect(addressError('vitalik.eth')?.key).toBe('settings.error.address');
    expect(addressError(ALICE.replace('dA6', 'Da6'))?.key).toBe('settings.error.checksum');
  });
});

describe('parseChainIds', () => {
  test('commas and spaces, deduplicated and sorted', () => {
    expect(parseChainIds(' 8453, 1 10,,1 ')).toEqual({ ok: true, chains: [1, 10, 8453] });
  });

  test('empty is every chain', () => {
    expect(parseChainIds('')).toEqual({ ok: true, chains: [] });
  });

  test('something that is not a chain id', () => {
    expect(parseChainIds('1, base')).toEqual({
      ok: false,
      error: { key: 'settings.error.chains', params: { value: 'base' } },
    });
    expect(parseChainIds('0')).toMatchObject({ ok: false });
    expect(parseChainIds('-1')).toMatchObject({ ok: false });
    expect(parseChainIds('1.5')).toMatchObject({ ok: false });
    expect(parseChainIds('99999999999999999999')).toMatchObject({ ok: false });
  });
});

describe('entriesOf', () => {
  test('one list, newest first', () => {
    const entry = (id: string, list: ListEntry['list'], addedAt: number): ListEntry => ({
      id,
      list,
      address: ALICE,
      note: '',
      addedAt,
    });
    const all = [entry('a', 'allow', 1), entry('b', 'deny', 2), entry('c', 'allow', 3)];
    expect(entriesOf(all, 'allow').map((e) => e.id)).toEqual(['c', 'a']);
    expect(entriesOf(all, 'deny').map((e) => e.id)).toEqual(['b']);
  });
});

describe('bundledDelegateName', () => {
  test('a bundled wallet delegate, in any case', () => {
    expect(bundledDelegateName('0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B')).toMatch(/MetaMask/i);
    expect(bundledDelegateName('0x63c0c19a282a1b52b07dd5a65b58948a07dae32b')).toMatch(/MetaMask/i);
  });

  test('anything else', () => {
    expect(bundledDelegateName(ALICE)).toBeUndefined();
    expect(bundledDelegateName('nope')).toBeUndefined();
  });
});

describe('shortAddress', () => {
  test('cuts the middle', () => {
    expect(shortAddress(ALICE)).toBe('0xd8dA…6045');
    expect(shortAddress('native')).toBe('native');
  });
});
