import { encodeAbiParameters, getAddress } from 'viem';
import { describe, expect, test } from 'vitest';
import { findLeaks, forbiddenNeedles, type Secrets } from './leakSearch';

const user = '0x9d7ae84c1e55c0f2dfd6909a88ba93f48617e750';
const none: Secrets = {
  private: [],
  names: [],
  numbers: [],
  hex: [],
  counterparties: [],
  amounts: [],
  timings: [],
  texts: [],
};
const hidden = { counterparty: false, amount: false, timing: false, freeText: false };
const shown = { counterparty: true, amount: true, timing: true, freeText: true };
const leaks = (text: string, secrets: Partial<Secrets>, exposure = hidden) =>
  findLeaks(text, forbiddenNeedles({ ...none, ...secrets }, exposure)).map((l) => l.what);

describe('findLeaks', () => {
  test('an address in any encoding', () => {
    const padded = encodeAbiParameters([{ type: 'address' }], [user]);
    for (const text of [
      user,
      getAddress(user),
      user.slice(2),
      getAddress(user).slice(2).toUpperCase(),
      padded,
    ])
      expect(leaks(`{"x":"${text}"}`, { private: [user] })).toHaveLength(1);
    expect(leaks('{"x":"self"}', { private: [user] })).toEqual([]);
  });
  test('numbers as decimal or hex; amounts also in whole tokens', () => {
    const nonce = 123_456_789_012n;
    expect(leaks('"123456789012"', { numbers: [nonce] })).toHaveLength(1);
    expect(leaks(`"0x${nonce.toString(16)}"`, { numbers: [nonce] })).toHaveLength(1);
    expect(leaks('"1234.567891 USDC"', { amounts: [{ value: 1_234_567_891n, decimals: 6 }] })).toHaveLength(
      1,
    );
    expect(leaks('"1000..2000"', { amounts: [{ value: 1_234_567_891n, decimals: 6 }] })).toEqual([]);
  });
  test('free text, case-insensitive and JSON-escaped', () => {
    expect(leaks(JSON.stringify({ t: 'Say "HELLO there"' }), { texts: ['say "hello there"'] })).toHaveLength(
      1,
    );
  });
  test('classes the profile shows are not violations; private values always are', () => {
    const secrets = { counterparties: [user], names: ['contact-alice'] } as const;
    expect(leaks(`"${user} contact-alice"`, secrets, shown)).toEqual(['private name contact-alice']);
    expect(leaks(`"${user}"`, secrets, hidden)).toHaveLength(1);
  });
});
