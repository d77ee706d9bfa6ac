import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isSanitized } from '../lib/cloud/sanitize';
import { caseSalt, parseOverride, sanitizeLine } from './sanitizeJsonl';

const salt = new Uint8Array(16).fill(1);
const self = '0x1111111111111111111111111111111111111111';
const tx = (from: string) =>
  JSON.stringify({
    method: 'eth_sendTransaction',
    params: [
      { chainId: '0x1', from, to: '0x2222222222222222222222222222222222222222', value: '0x1234567890abc' },
    ],
  });

describe('parseOverride', () => {
  test('reads class=choice pairs', () =>
    expect(parseOverride('amount=exact, counterparty=pseudonym')).toEqual({
      amount: 'exact',
      counterparty: 'pseudonym',
    }));
  test('refuses unknown classes, values and malformed pairs', () => {
    expect(() => parseOverride('addressBook=exact')).toThrow(/unknown field class/);
    expect(() => parseOverride('amount=everything')).toThrow(/must be one of/);
    expect(() => parseOverride('amount')).toThrow(/class=choice/);
  });
});

test('caseSalt: reproducible per case, different across cases', () => {
  expect(caseSalt(salt, 1)).toEqual(caseSalt(salt, 1));
  expect(caseSalt(salt, 1)).not.toEqual(caseSalt(salt, 2));
  expect(caseSalt(salt, 1)).toHaveLength(32);
});

describe('sanitizeLine', () => {
  test('prints the exact request, reproducibly, and it passes the run-time check', () => {
    const line = sanitizeLine(tx(self), 1, { profile: 'default' }, salt);
    expect(sanitizeLine(tx(self), 1, { profile: 'default' }, salt)).toBe(line);
    const out = JSON.parse(line);
    expect(out).toMatchObject({
      ok: true,
      request: { profile: 'default', classes: ['public', 'sensitive'] },
    });
    expect(out.request.body.intent.to).toEqual({ ref: 'pseudonym', id: 'addr_1' });
    expect(line).not.toContain('1111111111');
    expect(line).not.toContain('2222222222');
  });
  test('the run facts name the user: their address becomes "self"', () => {
    const facts = {
      from: self,
      addressBook: [],
      history: [],
      historyKnown: false,
      allowlist: [],
      denylist: [],
      delegates: [],
      exposure: [],
      hasCode: {},
    } as const;
    const to = JSON.stringify({
      method: 'eth_sendTransaction',
      params: [{ chainId: '0x1', to: self, value: '0x1' }],
    });
    const out = JSON.parse(sanitizeLine(to, 1, { profile: 'strict', facts }, salt));
    expect(out.request.body.intent.to).toEqual({ ref: 'self' });
  });
  test('corpus lines keep their id; bad input is an error line', () => {
    const first = readFileSync('tests/fixtures/corpus-sample.jsonl', 'utf8').split('\n')[0] as string;
    const out = JSON.parse(sanitizeLine(first, 7, { profile: 'strict' }, salt));
    expect(out).toMatchObject({
      id: 'erc7730:circle/tests/eip712-ReceiveWithAuthorization#0',
      line: 7,
      ok: true,
    });
    const request = { ...out.request };
    expect(isSanitized(request)).toBe(true);
    expect(JSON.parse(sanitizeLine('not a payload', 2, { profile: 'strict' }, salt))).toMatchObject({
      ok: false,
    });
  });
});
