import { describe, expect, test } from 'vitest';
import { inspect } from '../edge/inspect';
import { SAMPLE, SAMPLE_INPUT } from './sampleInput';
import { sampleRequest } from './sampleRequest';
import { isSanitized } from './sanitize';

const salt = () => crypto.getRandomValues(new Uint8Array(32));
const text = (profile: 'strict' | 'default' | 'override', override?: object) =>
  JSON.stringify(sampleRequest({ profile, ...(override && { override }), salt: salt() }).body);

const lower = (address: string) => address.toLowerCase();
const noPrefix = (address: string) => address.slice(2).toLowerCase();

describe('the connection-test sample', () => {
  test('is a batch the edge reads in full, on Ethereum, with an unlimited approval it steps up', () => {
    const result = inspect(SAMPLE_INPUT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.kind).toBe('callBatch');
    expect(result.intent.children.map((c) => c.kind)).toEqual(['approve', 'tokenTransfer']);
    expect(result.decision.verdict).not.toBe('allow');
  });

  test('strict: the owner, the recipient and the amount never appear; the public router and token do', () => {
    const body = text('strict');
    for (const secret of [SAMPLE.owner, SAMPLE.recipient]) {
      expect(body.toLowerCase()).not.toContain(noPrefix(secret));
    }
    expect(body).not.toMatch(/1234|123456/);
    expect(body).toContain(lower(SAMPLE.spender));
    expect(body).toContain(lower(SAMPLE.token));
    expect(body).toContain('"ref":"hidden"');
    expect(body).toContain('"amount":"1e3..1e4"');
    expect(body).toContain('"unlimited":true');
  });

  test('default: the recipient is a pseudonym, the amount a bucket', () => {
    const body = text('default');
    expect(body.toLowerCase()).not.toContain(noPrefix(SAMPLE.recipient));
    expect(body.toLowerCase()).not.toContain(noPrefix(SAMPLE.owner));
    expect(body).toContain('"ref":"pseudonym","id":"addr_1"');
    expect(body).toContain('"amount":"1000..2000"');
  });

  test('override: exactly what the user chose, and never the owner', () => {
    const body = text('override', {
      amount: 'exact',
      counterparty: 'exact',
      freeText: 'hide',
      timing: 'hide',
    });
    expect(body).toContain(lower(SAMPLE.recipient));
    expect(body).toContain('"amount":"1234.56"');
    expect(body.toLowerCase()).not.toContain(noPrefix(SAMPLE.owner));
  });

  test('each request passes the client’s run-time check; pseudonyms come from the salt', () => {
    for (const profile of ['strict', 'default', 'override'] as const)
      expect(isSanitized(sampleRequest({ profile, salt: salt() }))).toBe(true);
    expect(() => sampleRequest({ profile: 'strict', salt: new Uint8Array(8) })).toThrow(/salt/);
    expect(() => sampleRequest({ profile: 'lax' as never, salt: salt() })).toThrow(/profile/);
  });
});
