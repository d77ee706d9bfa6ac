import { encodeFunctionData, parseAbi } from 'viem';
import { describe, expect, test } from 'vitest';
import { inspect } from '../edge/inspect';
import type { Intent } from '../edge/intent/types';
import { assetInfo, assetKeyOf } from './assets';
import { chainOf } from './chainOf';
import { FINDING_LIMITS, projectFindings } from './projectFindings';
import { PROJECTION_LIMITS, projectIntent } from './projectIntent';

const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const permit2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
const alice = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const stranger = '0x1111111111111111111111111111111111111111';
const MAX = (1n << 256n) - 1n;
const approve = (spender: string, amount: bigint) =>
  encodeFunctionData({
    abi: parseAbi(['function approve(address,uint256)']),
    args: [spender as `0x${string}`, amount],
  });

function intentOf(request: object | string): Intent {
  const result = inspect(typeof request === 'string' ? request : JSON.stringify(request));
  if (!result.ok) throw new Error('fixture did not parse');
  return result.intent;
}

describe('projectIntent', () => {
  test('an unlimited USDC approval: ticker, unlimited, spender not known, no protocol', () => {
    const intent = intentOf({ chainId: '0x1', from: alice, to: usdc, data: approve(stranger, MAX) });
    expect(projectIntent(intent, { chainId: 1n, known: [] })).toEqual({
      kind: 'approve',
      function: 'approve(address,uint256)',
      to: usdc,
      confidence: 1,
      assets: [{ role: 'allow', asset: usdc, symbol: 'USDC', unlimited: true }],
      counterparties: [{ role: 'spender', address: stranger, known: false }],
      permissions: [{ kind: 'allowance', to: stranger, asset: usdc, symbol: 'USDC', unlimited: true }],
    });
  });

  test('amounts in whole tokens, known names and protocol contracts', () => {
    const intent = intentOf({ chainId: '0x1', from: alice, to: usdc, data: approve(permit2, 10_500_000n) });
    const projected = projectIntent(intent, {
      chainId: 1n,
      known: [{ address: permit2, name: 'my permit2' }],
    });
    expect(projected.assets).toEqual([{ role: 'allow', asset: usdc, symbol: 'USDC', amount: '10.5' }]);
    expect(projected.counterparties).toEqual([
      {
        role: 'spender',
        address: permit2,
        known: true,
        name: 'my permit2',
        protocol: expect.stringMatching(/permit2/i),
      },
    ]);
  });

  test('without a known list, "known" is left out rather than false', () => {
    const intent = intentOf({ chainId: '0x1', from: alice, to: usdc, data: approve(stranger, 1n) });
    expect(projectIntent(intent, { chainId: 1n }).counterparties).toEqual([
      { role: 'spender', address: stranger },
    ]);
  });

  test('bare calldata: the token is unknown and the amount stays in base units', () => {
    const intent = intentOf(approve(stranger, 5n));
    expect(projectIntent(intent).assets).toEqual([{ role: 'allow', asset: 'unknown', baseUnits: '5' }]);
  });

  test('a native transfer: ETH on mainnet, 18 decimals anywhere', () => {
    const intent = intentOf({
      chainId: '0x1',
      from: alice,
      to: stranger,
      value: '0xde0b6b3a7640000',
      data: '0x',
    });
    expect(projectIntent(intent, { chainId: 1n }).assets).toEqual([
      { role: 'send', asset: 'native', symbol: 'ETH', amount: '1' },
    ]);
    expect(projectIntent(intent).assets).toEqual([{ role: 'send', asset: 'native', amount: '1' }]);
  });

  test('is plain JSON (no bigints) and stays within its limits for a huge tree', () => {
    const leaf: Intent = {
      kind: 'tokenTransfer',
      function: `f${'x'.repeat(500)}()`,
      args: {},
      assets: Array.from({ length: 40 }, () => ({ role: 'send' as const, asset: usdc, amount: 1n })),
      counterparties: [],
      permissions: [],
      source: 'registry',
      confidence: 1,
      children: [],
    };
    const deep = (depth: number): Intent => ({
      ...leaf,
      kind: 'batch',
      children: depth === 0 ? [leaf] : [deep(depth - 1), leaf],
    });
    const wide: Intent = { ...leaf, kind: 'batch', children: [...Array(50).fill(leaf), deep(10)] };
    const projected = projectIntent(wide, { chainId: 1n });
    const text = JSON.stringify(projected);
    expect(JSON.parse(text)).toEqual(projected);
    let nodes = 0;
    let depth = 0;
    const walk = (n: typeof projected, d: number) => {
      nodes++;
      depth = Math.max(depth, d);
      expect(n.assets.length).toBeLessThanOrEqual(PROJECTION_LIMITS.list);
      expect((n.function ?? '').length).toBeLessThanOrEqual(PROJECTION_LIMITS.functionChars + 30);
      for (const c of n.children ?? []) walk(c, d + 1);
    };
    walk(projected, 0);
    expect(nodes).toBeLessThanOrEqual(PROJECTION_LIMITS.nodes);
    expect(depth).toBeLessThan(PROJECTION_LIMITS.depth);
    expect(projected.omitted).toBeGreaterThan(0);
    expect(projected.function).toMatch(/…\[truncated \d+ chars\]$/);
  });
});

describe('assets', () => {
  test('a token action without an asset is an unknown token, never native', () => {
    const node = { kind: 'approve' } as Intent;
    expect(assetKeyOf(node, { role: 'allow', amount: 1n })).toBe('unknown');
    expect(assetKeyOf({ kind: 'swap' } as Intent, { role: 'send', amount: 1n })).toBe('native');
    expect(assetKeyOf(node, { role: 'allow', asset: usdc.toLowerCase() as `0x${string}` })).toBe(usdc);
  });

  test('ticker and decimals from the bundled tables', () => {
    expect(assetInfo(usdc, 1n)).toEqual({ symbol: 'USDC', decimals: 6 });
    expect(assetInfo(usdc, undefined)).toEqual({ symbol: 'USDC', decimals: 6 });
    expect(assetInfo(stranger, 1n)).toEqual({});
    expect(assetInfo('native', 1n)).toEqual({ symbol: 'ETH', decimals: 18 });
    expect(assetInfo('native', undefined)).toEqual({ decimals: 18 });
    expect(assetInfo('unknown', 1n)).toEqual({});
  });
});

describe('projectFindings', () => {
  test("keeps the gate's order, clips long messages and counts what it leaves out", () => {
    const findings = Array.from({ length: 30 }, (_, i) => ({
      rule: `rule.${i}`,
      severity: 'medium' as const,
      message: 'm'.repeat(400),
      path: 'intent',
    }));
    const projected = projectFindings(findings);
    expect(projected.findings).toHaveLength(FINDING_LIMITS.count);
    expect(projected.findings[0]?.rule).toBe('rule.0');
    expect(projected.findings[0]?.message).toBe(`${'m'.repeat(300)}…[truncated 100 chars]`);
    expect(projected.omitted).toBe(30 - FINDING_LIMITS.count);
    expect(projectFindings([])).toEqual({ findings: [] });
  });
});

describe('chainOf', () => {
  test('the chain a payload names, or none', () => {
    const tx = inspect(
      JSON.stringify({ chainId: '0xa', from: alice, to: usdc, data: approve(stranger, 1n) }),
    );
    const bare = inspect(approve(stranger, 1n));
    expect(tx.ok && chainOf(tx.payload)).toBe(10n);
    expect(bare.ok && chainOf(bare.payload)).toBeUndefined();
  });
});
