import { describe, expect, test } from 'vitest';
import {
  chainLabel,
  filterContacts,
  formatChainList,
  importPreview,
  parseChainList,
  readAddRequest,
} from './contacts';

describe('parseChainList', () => {
  test('empty means every chain', () => {
    expect(parseChainList('')).toEqual({ ok: true, chains: [] });
    expect(parseChainList('   ')).toEqual({ ok: true, chains: [] });
  });

  test('commas, semicolons and spaces separate; repeats are dropped', () => {
    expect(parseChainList('1, 10 8453;1,,  137')).toEqual({ ok: true, chains: [1, 10, 8453, 137] });
  });

  test('names the first word that is not a chain id', () => {
    expect(parseChainList('1, mainnet, 10')).toEqual({ ok: false, invalid: 'mainnet' });
    expect(parseChainList('0')).toEqual({ ok: false, invalid: '0' });
    expect(parseChainList('-1')).toEqual({ ok: false, invalid: '-1' });
    expect(parseChainList('1.5')).toEqual({ ok: false, invalid: '1.5' });
    expect(parseChainList('01')).toEqual({ ok: false, invalid: '01' });
    expect(parseChainList('99999999999999999')).toEqual({ ok: false, invalid: '99999999999999999' });
  });

  test('cuts a long invalid word', () => {
    const result = parseChainList('x'.repeat(100));
    expect(result).toEqual({ ok: false, invalid: `${'x'.repeat(24)}…` });
  });

  test('formatChainList reads back the same list', () => {
    expect(formatChainList([1, 10])).toBe('1, 10');
    expect(parseChainList(formatChainList([1, 10]))).toEqual({ ok: true, chains: [1, 10] });
  });
});

test('chainLabel names known chains and keeps the id', () => {
  expect(chainLabel(8453)).toBe('Base (8453)');
  expect(chainLabel(987654)).toBe('987654');
});

describe('filterContacts', () => {
  const alice = { name: 'alice', address: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045' };
  const bob = { name: 'Bob', address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' };
  const carol = { name: 'Carol 10', address: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' };
  const carol2 = { name: 'Carol 9', address: '0x90F79bf6EB2c4f870365E785982E1f101E93b906' };
  const book = [carol, bob, carol2, alice];

  test('an empty query lists everyone, sorted by name (case and digits as people read them)', () => {
    expect(filterContacts(book, ' ', 'en').map((c) => c.name)).toEqual([
      'alice',
      'Bob',
      'Carol 9',
      'Carol 10',
    ]);
  });

  test('matches names case-insensitively', () => {
    expect(filterContacts(book, 'CAROL', 'en')).toEqual([carol2, carol]);
  });

  test('matches addresses in any case, with or without 0x', () => {
    expect(filterContacts(book, 'd8da6bf2', 'en')).toEqual([alice]);
    expect(filterContacts(book, '0x70997970c5', 'en')).toEqual([bob]);
    expect(filterContacts(book, '0X3C44', 'en')).toEqual([carol]);
  });

  test('finds nothing for an unknown query', () => {
    expect(filterContacts(book, 'dave', 'en')).toEqual([]);
  });

  test('does not change the list it was given', () => {
    filterContacts(book, '', 'en');
    expect(book).toEqual([carol, bob, carol2, alice]);
  });
});

test('importPreview counts new contacts and updates by address, in any case', () => {
  const existing = [{ address: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045' }];
  expect(
    importPreview(
      [
        { address: '0xd8da6bf26964af9d7eed9e03e53415d37aa96045' },
        { address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' },
        { address: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' },
      ],
      existing,
    ),
  ).toEqual({ total: 3, added: 2, updated: 1 });
  expect(importPreview([], existing)).toEqual({ total: 0, added: 0, updated: 0 });
});

describe('readAddRequest', () => {
  test('reads the address and the name', () => {
    expect(readAddRequest(new URLSearchParams('add=0xabc&name=%20Shop%20'))).toEqual({
      address: '0xabc',
      name: 'Shop',
    });
  });

  test('no name is an empty name', () => {
    expect(readAddRequest(new URLSearchParams('add=0xabc'))).toEqual({ address: '0xabc', name: '' });
  });

  test('no address (or a blank one) is no request', () => {
    expect(readAddRequest(new URLSearchParams(''))).toBeUndefined();
    expect(readAddRequest(new URLSearchParams('add=%20&name=x'))).toBeUndefined();
  });

  test('cuts overlong values', () => {
    const request = readAddRequest(new URLSearchParams({ add: 'a'.repeat(1000), name: 'n'.repeat(1000) }));
    expect(request?.address).toHaveLength(100);
    expect(request?.name).toHaveLength(200);
  });
});
