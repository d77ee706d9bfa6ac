import { describe, expect, test } from 'vitest';
import { inspect } from '$lib/edge/inspect';
import { composeRequest } from './compose';

const USER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const PERMIT2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';

function decided(text: string) {
  const result = inspect(text);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('composeRequest → the same inspector and gate', () => {
  test('native: 0.05 ETH to Bob is a native transfer of 5e16 wei', () => {
    const r = composeRequest({
      kind: 'native',
      chainId: 1,
      from: USER,
      to: BOB.toLowerCase(),
      amount: '0.05',
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const { intent, decision } = decided(r.text);
    expect(intent.kind).toBe('nativeTransfer');
    expect(intent.assets[0]).toMatchObject({ role: 'send', amount: 50_000_000_000_000_000n });
    expect(decision.verdict).toBe('allow');
  });

  test('token: 12.5 USDC (6 decimals) is transfer(Bob, 12500000)', () => {
    const r = composeRequest({
      kind: 'token',
      chainId: 1,
      from: USER,
      token: USDC,
      to: BOB,
      amount: '12.5',
      decimals: 6,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const { intent } = decided(r.text);
    expect(intent.kind).toBe('tokenTransfer');
    expect(intent.counterparties).toEqual([{ role: 'recipient', address: BOB }]);
    expect(intent.assets[0]).toMatchObject({ asset: USDC, amount: 12_500_000n });
  });

  test('revoke: approve(spender, 0) and setApprovalForAll(operator, false); both allowed as protective', () => {
    for (const standard of ['erc20', 'operator'] as const) {
      const r = composeRequest({
        kind: 'revoke',
        chainId: 1,
        from: USER,
        token: USDC,
        spender: PERMIT2,
        standard,
      });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const { intent, decision } = decided(r.text);
      expect(intent.function).toBe(
        standard === 'erc20' ? 'approve(address,uint256)' : 'setApprovalForAll(address,bool)',
      );
      expect(decision.findings.map((f) => f.rule)).not.toContain('approval.unlimited');
      expect(decision.verdict).not.toBe('block');
    }
  });

  test.each([
    [{ to: '0x1234' }, 'to', 'address'],
    [{ to: BOB.replace('C5', 'c5') }, 'to', 'address'],
    [{ amount: '' }, 'amount', 'amount'],
    [{ amount: '-1' }, 'amount', 'amount'],
    [{ amount: '0' }, 'amount', 'amount'],
    [{ amount: '1e18' }, 'amount', 'amount'],
    [{ amount: '0.0000000000000000001' }, 'amount', 'amount'],
    [{ amount: '1.2.3' }, 'amount', 'amount'],
    [{ chainId: 0 }, 'chainId', 'chain'],
    [{ from: 'me' }, 'from', 'address'],
  ])('native %j → %s %s', (change, field, key) => {
    const r = composeRequest({ kind: 'native', chainId: 1, from: USER, to: BOB, amount: '1', ...change });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContainEqual({ field, key });
  });

  test('token: too many decimals, bad decimals, sending the token to itself', () => {
    const base = {
      kind: 'token',
      chainId: 1,
      from: USER,
      token: USDC,
      to: BOB,
      amount: '1',
      decimals: 6,
    } as const;
    expect(composeRequest({ ...base, amount: '1.0000001' })).toMatchObject({
      ok: false,
      errors: [{ field: 'amount' }],
    });
    expect(composeRequest({ ...base, decimals: 99 })).toMatchObject({
      ok: false,
      errors: [{ field: 'decimals' }],
    });
    expect(composeRequest({ ...base, to: USDC })).toMatchObject({
      ok: false,
      errors: [{ field: 'to', key: 'self' }],
    });
  });
});
