import { encodeFunctionData, parseAbi, stringToHex } from 'viem';
import { describe, expect, test } from 'vitest';
import { noFacts } from '../edge/gate/facts';
import { inspect } from '../edge/inspect';
import { isSanitized, SanitizeError, sanitize } from './sanitize';
import type { SanitizedRequest } from './sanitized';

const self = '0x1111111111111111111111111111111111111111' as const;
const stranger = '0x2222222222222222222222222222222222222222' as const;
const other = '0x3333333333333333333333333333333333333333';
const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const salt = new Uint8Array(16).fill(7);
const abi = parseAbi(['function transfer(address to, uint256 amount)', 'function approve(address, uint256)']);

function ok(text: string, facts = noFacts) {
  const result = inspect(text, { facts });
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

/** 1,234.567891 USDC from the user to a stranger, nonce 123456789012. */
const transfer = JSON.stringify({
  method: 'eth_sendTransaction',
  params: [
    {
      chainId: '0x1',
      from: self,
      to: usdc,
      nonce: '0x1cbe991a14',
      value: '0x0',
      data: encodeFunctionData({ abi, functionName: 'transfer', args: [stranger, 1_234_567_891n] }),
    },
  ],
});

describe('strict', () => {
  const request = sanitize({ result: ok(transfer), profile: 'strict', salt });
  const text = JSON.stringify(request.body);
  test('public fields pass: chain, token, selector, function, action', () => {
    expect(request.body).toMatchObject({
      chain: { id: '1' },
      payload: 'transaction',
      method: 'eth_sendTransaction',
    });
    expect(request.body.intent).toMatchObject({
      action: 'tokenTransfer',
      selector: '0xa9059cbb',
      to: { ref: 'public', address: usdc.toLowerCase(), name: 'USDC' },
      assets: [{ role: 'send', amount: '1e3..1e4', unit: 'USDC' }],
      counterparties: [{ role: 'recipient', address: { ref: 'hidden' } }],
    });
  });
  test('no sensitive value', () => {
    for (const needle of ['1111111111', '2222222222', '1234567891', '1234.56', '123456789012', '1cbe991a14'])
      expect(text).not.toContain(needle);
  });
  test('passes the run-time check', () => expect(isSanitized(request)).toBe(true));
});

describe('default', () => {
  test('amounts bucketed, strangers pseudonymized, the user is "self"', () => {
    const data = encodeFunctionData({ abi, functionName: 'transfer', args: [self, 1_234_567_891n] });
    const tx = JSON.parse(transfer);
    tx.params[0].data = data;
    const request = sanitize({ result: ok(JSON.stringify(tx)), profile: 'default', salt });
    expect(request.body.intent).toMatchObject({
      assets: [{ amount: '1000..2000', unit: 'USDC' }],
      counterparties: [{ address: { ref: 'self' } }],
    });
    expect(request.classes).toEqual(['public', 'sensitive']);
  });

  test('pseudonyms are stable within a request and come from the salt', () => {
    const batch = JSON.stringify({
      method: 'wallet_sendCalls',
      params: [
        {
          version: '2.0.0',
          chainId: '0x1',
          from: self,
          atomicRequired: true,
          calls: [
            {
              to: usdc,
              data: encodeFunctionData({ abi, functionName: 'transfer', args: [stranger, 10n ** 9n] }),
            },
            {
              to: usdc,
              data: encodeFunctionData({ abi, functionName: 'approve', args: [other, 10n ** 9n] }),
            },
            { to: usdc, data: encodeFunctionData({ abi, functionName: 'transfer', args: [stranger, 5n] }) },
          ],
        },
      ],
    });
    const result = ok(batch);
    const ids = (s: Uint8Array) => {
      const children = (
        sanitize({ result, profile: 'default', salt: s }).body.intent as { children: unknown[] }
      ).children as { counterparties: { address: { id: string } }[] }[];
      return children.map((c) => c.counterparties[0]?.address.id);
    };
    const first = ids(salt);
    expect(first[0]).toBe(first[2]);
    expect(first[0]).not.toBe(first[1]);
    expect(new Set(first)).toEqual(new Set(['addr_1', 'addr_2']));
    const orders = new Set<string>();
    for (let i = 0; i < 16; i++) orders.add(ids(new Uint8Array(16).fill(i)).join());
    expect(orders.size).toBe(2);
  });
});

describe('override', () => {
  test('shows what the user chose, never the user', () => {
    const request = sanitize({
      result: ok(transfer),
      profile: 'override',
      override: { amount: 'exact', counterparty: 'exact' },
      salt,
    });
    expect(request.body.intent).toMatchObject({
      assets: [{ amount: '1234.567891' }],
      counterparties: [{ address: { ref: 'address', address: stranger } }],
    });
    expect(JSON.stringify(request.body)).not.toContain('1111111111');
    expect(isSanitized(request)).toBe(true);
  });
  test('refuses unknown classes and values', () => {
    const result = ok(transfer);
    expect(() =>
      sanitize({ result, profile: 'override', override: { amount: 'all' as 'exact' }, salt }),
    ).toThrow(SanitizeError);
    expect(() =>
      sanitize({
        result,
        profile: 'override',
        override: { private: 'exact' } as unknown as { amount: 'exact' },
        salt,
      }),
    ).toThrow(/unknown field class/);
  });
});

describe('free text', () => {
  const message = JSON.stringify({
    method: 'personal_sign',
    params: [stringToHex(`Log in as ${self} with code 987654321`), self],
  });
  test('strict removes it, default keeps its shape, override scrubs the user from it', () => {
    const result = ok(message);
    expect(sanitize({ result, profile: 'strict', salt }).body.message).toEqual({
      method: 'personal_sign',
      blindHash: false,
    });
    expect(sanitize({ result, profile: 'default', salt }).body.message).toMatchObject({
      content: { shape: { length: 72, chars: 'ascii' } },
    });
    const exact = sanitize({ result, profile: 'override', override: { freeText: 'exact' }, salt });
    expect(exact.body.message).toMatchObject({ content: { text: 'Log in as [self] with code 987654321' } });
  });
});

describe('private context', () => {
  test('the facts the gate saw change nothing in the projection', () => {
    const facts = {
      ...noFacts,
      from: self,
      addressBook: [{ address: stranger, name: 'Alice' }],
      historyKnown: true,
    };
    for (const profile of ['strict', 'default', 'override'] as const) {
      const a = sanitize({ result: ok(transfer), profile, salt });
      const b = sanitize({ result: ok(transfer, facts), profile, salt });
      expect(JSON.stringify(b.body)).toBe(JSON.stringify(a.body));
      expect(JSON.stringify(b.body)).not.toContain('Alice');
    }
  });
});

describe('fails closed', () => {
  test('short salt, unknown profile, failed inspection', () => {
    const result = ok(transfer);
    expect(() => sanitize({ result, profile: 'default', salt: new Uint8Array(8) })).toThrow(/salt/);
    expect(() => sanitize({ result, profile: 'loose' as 'strict', salt })).toThrow(/unknown privacy profile/);
    const bad = inspect('0x12');
    expect(() => sanitize({ result: bad as typeof result, profile: 'strict', salt })).toThrow(/successful/);
  });
});

describe('isSanitized', () => {
  const request = sanitize({ result: ok(transfer), profile: 'strict', salt });
  const tamper = (edit: (body: Record<string, unknown>) => void, top: Record<string, unknown> = {}) => {
    const body = structuredClone(request.body) as Record<string, unknown>;
    edit(body);
    return { profile: request.profile, classes: request.classes, body, ...top };
  };
  const intent = (b: Record<string, unknown>) => b.intent as Record<string, unknown>;
  test('refuses anything the sanitizer would not make', () => {
    expect(isSanitized({ ...request })).toBe(true);
    expect(isSanitized(null)).toBe(false);
    expect(isSanitized(tamper(() => {}, { extra: 1 }))).toBe(false);
    expect(isSanitized(tamper(() => {}, { profile: 'default' }))).toBe(false);
    expect(isSanitized(tamper((b) => Object.assign(b, { from: self })))).toBe(false);
    expect(isSanitized(tamper((b) => Object.assign(intent(b), { note: 'hi' })))).toBe(false);
    expect(
      isSanitized(
        tamper((b) => Object.assign(b, { choices: { ...(b.choices as object), amount: 'exact' } })),
      ),
    ).toBe(false);
    const recipient = (b: Record<string, unknown>) =>
      (intent(b).counterparties as { address: Record<string, unknown> }[])[0] as {
        address: Record<string, unknown>;
      };
    expect(
      isSanitized(
        tamper((b) => Object.assign(recipient(b), { address: { ref: 'address', address: stranger } })),
      ),
    ).toBe(false);
    expect(
      isSanitized(
        tamper((b) =>
          Object.assign(recipient(b), { address: { ref: 'public', address: stranger, name: 'x' } }),
        ),
      ),
    ).toBe(false);
    expect(
      isSanitized(
        tamper((b) => Object.assign(recipient(b), { address: { ref: 'pseudonym', id: 'addr_1' } })),
      ),
    ).toBe(false);
    const asset = (b: Record<string, unknown>) =>
      (intent(b).assets as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect(isSanitized(tamper((b) => Object.assign(asset(b), { amount: '1234.567891' })))).toBe(false);
    expect(isSanitized(tamper((b) => Object.assign(asset(b), { amount: '1000..2000' })))).toBe(false);
    expect(isSanitized(tamper((b) => Object.assign(asset(b), { unit: `USDC ${'ab'.repeat(10)}` })))).toBe(
      false,
    );
    expect(isSanitized(tamper((b) => Object.assign(asset(b), { unit: 'nonce 123456789012' })))).toBe(false);
    expect(isSanitized(tamper((b) => Object.assign(asset(b), { amount: 5n })))).toBe(false);
  });
});

test('only sanitize makes a SanitizedRequest (compile time)', () => {
  const send = (request: SanitizedRequest) => request.profile;
  const forged = { profile: 'strict', body: {}, classes: ['public'] } as const;
  // @ts-expect-error a plain object lacks the brand: the cloud client cannot be handed one
  expect(() => send(forged)).not.toThrow();
  expect(isSanitized(forged)).toBe(false);
  expect(send(sanitize({ result: ok(transfer), profile: 'strict', salt }))).toBe('strict');
});

describe('an allowance on an unnamed contract (bare calldata)', () => {
  test('is an unknown token, never the native currency, and passes the run-time check', () => {
    const data = encodeFunctionData({ abi, functionName: 'approve', args: [stranger, 987_654_321n] });
    const request = sanitize({ result: ok(data), profile: 'default', salt });
    const intent = request.body.intent as {
      assets: { asset: unknown; unit: string }[];
      permissions: { unit: string }[];
    };
    expect(intent.assets[0]?.asset).toEqual({ ref: 'unknown' });
    expect(intent.assets[0]?.unit).toBe('base units');
    expect(intent.permissions[0]?.unit).toBe('base units');
    expect(JSON.stringify(request.body)).not.toContain('native');
    expect(isSanitized(request)).toBe(true);
  });
});
