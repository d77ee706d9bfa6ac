import { describe, expect, test } from 'vitest';
import { ParseError } from '../errors';
import { parsePolicy } from './parseContext';
import { defaultPolicy, defaultSigning, policyHash } from './policy';

describe('parsePolicy', () => {
  test('an empty document is the balanced default, byte for byte', () => {
    expect(policyHash(parsePolicy({}))).toBe(policyHash(defaultPolicy()));
  });

  test('signing: defaults, explicit values in a fixed order, and the hash follows them', () => {
    expect(parsePolicy({}).signing).toEqual(defaultSigning);
    const strict = parsePolicy({ signing: { allowOverride: true, walletMayFill: ['nonce', 'gas'] } });
    expect(strict.signing).toEqual({ allowOverride: true, walletMayFill: ['gas', 'nonce'] });
    expect(policyHash(strict)).not.toBe(policyHash(defaultPolicy()));
    expect(parsePolicy({ signing: { walletMayFill: [] } }).signing.walletMayFill).toEqual([]);
  });

  test('routing: absent keeps the hash of older policies; a budget is read and hashed', () => {
    expect(parsePolicy({}).routing).toBeUndefined();
    const quick = parsePolicy({ routing: { budgetMs: 1500 } });
    expect(quick.routing).toEqual({ budgetMs: 1500 });
    expect(policyHash(quick)).not.toBe(policyHash(defaultPolicy()));
  });

  test.each([
    [{ routing: 5 }, 'routing'],
    [{ routing: {} }, 'routing.budgetMs'],
    [{ routing: { budgetMs: '2000' } }, 'routing.budgetMs'],
    [{ routing: { budgetMs: 99 } }, 'routing.budgetMs'],
    [{ routing: { budgetMs: 600_001 } }, 'routing.budgetMs'],
    [{ routing: { budgetMs: 1500.5 } }, 'routing.budgetMs'],
    [{ routing: { budgetMs: Number.NaN } }, 'routing.budgetMs'],
    [{ signing: 'yes' }, 'signing'],
    [{ signing: { allowOverride: 'true' } }, 'signing.allowOverride'],
    [{ signing: { walletMayFill: 'gas' } }, 'signing.walletMayFill'],
    [{ signing: { walletMayFill: ['gas', 'value'] } }, 'signing.walletMayFill[1]'],
  ])('rejects %j at %s', (document, path) => {
    let error: unknown;
    try {
      parsePolicy(document);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).path).toBe(path);
  });
});
