import fc from 'fast-check';
import { type Address, encodeAbiParameters, encodeFunctionData, encodePacked, parseAbi } from 'viem';
import { describe, expect, test } from 'vitest';
import { inspect } from '../edge/inspect';
import type { ActionKind, AssetAmount, Counterparty, Intent, Permission } from '../edge/intent/types';
import {
  DEFAULT_EPSILON,
  DIVERGENCE_WEIGHTS,
  type DivergenceBasis,
  divergence,
  diverges,
} from './divergence';
import { type IntentFields, USER_ACTION_KINDS } from './types';

const usdc: Address = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const weth: Address = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
const dai: Address = '0x6B175474E89094C44Da98b954EedeAC495271d0F';
const router: Address = '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD';
const alice: Address = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
// Shares alice's first and last four hex digits: an address-poisoning twin.
const aliceTwin: Address = '0xd8dA000000000000000000000000000000006045';
const stranger: Address = '0x1111111111111111111111111111111111111111';
const MAX = (1n << 256n) - 1n;

type NodeParts = {
  assets?: AssetAmount[];
  counterparties?: Counterparty[];
  permissions?: Permission[];
  children?: Intent[];
};
const node = (kind: ActionKind, parts: NodeParts = {}): Intent => ({
  kind,
  args: {},
  assets: parts.assets ?? [],
  counterparties: parts.counterparties ?? [],
  permissions: parts.permissions ?? [],
  source: 'registry',
  confidence: 1,
  children: parts.children ?? [],
});
const approveNode = (asset: Address, spender: Address, amount: bigint) =>
  node('approve', {
    assets: [{ role: 'allow', asset, amount, ...(amount === MAX && { unlimited: true }) }],
    counterparties: [{ role: 'spender', address: spender }],
    permissions:
      amount === 0n
        ? []
        : [{ kind: 'allowance', to: spender, asset, amount, ...(amount === MAX && { unlimited: true }) }],
  });
const swapNode = (from: Address, amount: bigint, to: Address = weth) =>
  node('swap', {
    assets: [
      { role: 'send', asset: from, amount },
      { role: 'receive', asset: to, amount: 1n },
    ],
  });
const transferNode = (asset: Address, to: Address, amount: bigint) =>
  node('tokenTransfer', {
    assets: [{ role: 'send', asset, amount }],
    counterparties: [{ role: 'recipient', address: to }],
  });
const ethTransfer = (to: Address, wei: bigint) =>
  node('nativeTransfer', {
    assets: [{ role: 'send', amount: wei }],
    counterparties: [{ role: 'recipient', address: to }],
  });
const batch = (...children: Intent[]) => node('batch', { children });
const on1 = (intent: Intent): DivergenceBasis => ({ intent, chainId: 1n });

/** The edge intent of a real request, decided by the real inspector. */
function inspected(request: object): DivergenceBasis {
  const result = inspect(JSON.stringify(request));
  if (!result.ok) throw new Error('fixture did not parse');
  return { intent: result.intent, chainId: 1n };
}

const swap10Usdc: IntentFields = { action: 'swap', asset: { symbol: 'USDC' }, amount: { value: '10' } };

describe('the issue: "swap 10 USDC" against an unlimited USDC approval to a stranger', () => {
  const basis = inspected({
    chainId: '0x1',
    from: alice,
    to: usdc,
    data: encodeFunctionData({ abi: parseAbi(['function approve(address,uint256)']), args: [stranger, MAX] }),
  });
  const result = divergence(basis, swap10Usdc);

  test('Δ > ε', () => {
    expect(result.delta).toBeGreaterThan(DEFAULT_EPSILON);
    expect(diverges(result.delta)).toBe(true);
    expect(result.delta).toBeCloseTo((0.3 * 1 + 0.2 * 0 + 0.25 * 1) / 0.75, 10);
  });

  test('the breakdown says: you said swap, this approves; same asset; 10 against unlimited', () => {
    expect(result.fields).toEqual([
      { field: 'action', distance: 1, weight: 0.3, stated: 'swap', observed: ['approve'] },
      { field: 'asset', distance: 0, weight: 0.2, stated: 'USDC', observed: ['USDC'] },
      { field: 'amount', distance: 1, weight: 0.25, stated: '10', observed: ['unlimited'] },
    ]);
  });
});

describe('a real Universal Router swap of 10 USDC', () => {
  const path = encodePacked(['address', 'uint24', 'address'], [usdc, 500, weth]);
  const input = encodeAbiParameters(
    [{ type: 'address' }, { type: 'uint256' }, { type: 'uint256' }, { type: 'bytes' }, { type: 'bool' }],
    ['0x0000000000000000000000000000000000000001', 10_000_000n, 1n, path, true],
  );
  const basis = inspected({
    chainId: '0x1',
    from: alice,
    to: router,
    data: encodeFunctionData({
      abi: parseAbi(['function execute(bytes commands, bytes[] inputs, uint256 deadline)']),
      args: ['0x00', [input], 2_000_000_000n],
    }),
  });

  test('agrees with "swap 10 USDC": Δ = 0', () => {
    expect(divergence(basis, swap10Usdc)).toEqual({
      delta: 0,
      fields: [
        { field: 'action', distance: 0, weight: 0.3, stated: 'swap', observed: ['swap'] },
        { field: 'asset', distance: 0, weight: 0.2, stated: 'USDC', observed: ['USDC'] },
        { field: 'amount', distance: 0, weight: 0.25, stated: '10', observed: ['10'] },
      ],
    });
  });

  test('"swap 100 DAI" diverges on asset and amount', () => {
    const result = divergence(basis, { action: 'swap', asset: { symbol: 'DAI' }, amount: { value: '100' } });
    expect(result.fields.map((f) => f.distance)).toEqual([0, 1, 0.5]);
    expect(diverges(result.delta)).toBe(true);
  });
});

type Case = [
  name: string,
  basis: DivergenceBasis,
  reading: IntentFields,
  distances: Record<string, number>,
  diverges: boolean,
];

const cases: Case[] = [
  [
    'Permit2 approval of the swapped token is a companion',
    on1(batch(approveNode(usdc, router, 10_000_000n), swapNode(usdc, 10_000_000n))),
    swap10Usdc,
    { action: 0, asset: 0, amount: 0 },
    false,
  ],
  [
    'a swap bundled with an unlimited WETH approval to a stranger',
    on1(batch(approveNode(weth, stranger, MAX), swapNode(usdc, 10_000_000n))),
    swap10Usdc,
    { action: 1, asset: 1, amount: 0 },
    true,
  ],
  [
    'a swap bundled with an unlimited approval of the same token',
    on1(batch(approveNode(usdc, stranger, MAX), swapNode(usdc, 10_000_000n))),
    swap10Usdc,
    { action: 0, asset: 0, amount: 1 },
    true,
  ],
  [
    'a swap of 10.5 USDC for "swap 10 USDC" (slippage-sized)',
    on1(swapNode(usdc, 10_500_000n)),
    swap10Usdc,
    { action: 0, asset: 0, amount: 0.047619 },
    false,
  ],
  [
    'a swap of 100 USDC for "swap 10 USDC"',
    on1(swapNode(usdc, 100_000_000n)),
    swap10Usdc,
    { action: 0, asset: 0, amount: 0.9 },
    true,
  ],
  [
    'an order for "swap" is near',
    on1(node('order', { assets: [{ role: 'send', asset: usdc, amount: 10_000_000n }] })),
    swap10Usdc,
    { action: 0.25, asset: 0, amount: 0 },
    false,
  ],
  [
    'the stated recipient',
    on1(transferNode(usdc, alice, 10_000_000n)),
    {
      action: 'transfer',
      asset: { symbol: 'usdc' },
      amount: { value: '10' },
      counterparty: { address: alice },
    },
    { action: 0, asset: 0, amount: 0, counterparty: 0 },
    false,
  ],
  [
    'a look-alike recipient (address poisoning), everything else equal',
    on1(transferNode(usdc, aliceTwin, 10_000_000n)),
    {
      action: 'transfer',
      asset: { symbol: 'USDC' },
      amount: { value: '10' },
      counterparty: { address: alice },
    },
    { action: 0, asset: 0, amount: 0, counterparty: 1 },
    true,
  ],
  [
    'a recipient named in the address book',
    { intent: ethTransfer(alice, 10n ** 18n), chainId: 1n, addressBook: [{ address: alice, name: 'Bob' }] },
    { action: 'transfer', asset: { symbol: 'ETH' }, amount: { value: '1' }, counterparty: { name: 'bob' } },
    { action: 0, asset: 0, amount: 0, counterparty: 0 },
    false,
  ],
  [
    'a name the address book does not know is partial',
    on1(ethTransfer(alice, 10n ** 18n)),
    { action: 'transfer', asset: { symbol: 'ETH' }, amount: { value: '1' }, counterparty: { name: 'bob' } },
    { action: 0, asset: 0, amount: 0, counterparty: 0.5 },
    false,
  ],
  [
    'half an ether, stated as 0.5',
    on1(ethTransfer(alice, 5n * 10n ** 17n)),
    { action: 'transfer', amount: { value: '0.5' } },
    { action: 0, amount: 0 },
    false,
  ],
  [
    'a native transfer without a chain: ticker unknown, decimals 18',
    { intent: ethTransfer(alice, 10n ** 18n) },
    { action: 'transfer', asset: { symbol: 'ETH' }, amount: { value: '1' } },
    { action: 0, asset: 0.5, amount: 0 },
    false,
  ],
  [
    'a token on an unknown chain is found in the bundled tables',
    { intent: transferNode(usdc, alice, 10_000_000n) },
    { action: 'transfer', asset: { symbol: 'USDC' }, amount: { value: '10' } },
    { action: 0, asset: 0, amount: 0 },
    false,
  ],
  [
    '"sign in" against a permit (the classic phishing)',
    on1(
      node('permit', {
        assets: [{ role: 'allow', asset: usdc, amount: MAX, unlimited: true }],
        permissions: [{ kind: 'allowance', to: stranger, asset: usdc, amount: MAX, unlimited: true }],
      }),
    ),
    { action: 'sign' },
    { action: 1 },
    true,
  ],
  [
    '"sign in" against a plain message',
    on1(node('messageSignature')),
    { action: 'sign' },
    { action: 0 },
    false,
  ],
  [
    '"revoke" against approve(spender, 0)',
    on1(approveNode(usdc, router, 0n)),
    { action: 'revoke', asset: { symbol: 'USDC' } },
    { action: 0, asset: 0 },
    false,
  ],
  [
    '"revoke" against an approval that grants',
    on1(approveNode(usdc, stranger, 100n)),
    { action: 'revoke' },
    { action: 1 },
    true,
  ],
  [
    '"approve" against a revoke is partial',
    on1(approveNode(usdc, router, 0n)),
    { action: 'approve' },
    { action: 0.5 },
    true,
  ],
  [
    '"approve 100 USDC" against 150',
    on1(approveNode(usdc, router, 150_000_000n)),
    { action: 'approve', asset: { symbol: 'USDC' }, amount: { value: '100' } },
    { action: 0, asset: 0, amount: 0.333333 },
    false,
  ],
  [
    '"approve unlimited" against an unlimited approval',
    on1(approveNode(usdc, router, MAX)),
    { action: 'approve', asset: { address: usdc }, amount: { unlimited: true } },
    { action: 0, asset: 0, amount: 0 },
    false,
  ],
  [
    '"approve unlimited" against a finite approval',
    on1(approveNode(usdc, router, 1n)),
    { action: 'approve', asset: { symbol: 'USDC' }, amount: { unlimited: true } },
    { action: 0, asset: 0, amount: 1 },
    true,
  ],
  [
    'an approval of another token than the stated address',
    on1(approveNode(dai, router, 5n)),
    { action: 'approve', asset: { address: usdc } },
    { action: 0, asset: 1 },
    true,
  ],
  [
    'bare calldata: the token is not in the payload',
    {
      intent: node('approve', {
        assets: [{ role: 'allow', amount: 5n }],
        permissions: [{ kind: 'allowance', to: router, amount: 5n }],
      }),
    },
    { action: 'approve', asset: { symbol: 'USDC' }, amount: { value: '5' } },
    { action: 0, asset: 0.5, amount: 0.5 },
    true,
  ],
  ['a call the edge could not read', on1(node('unknown')), { action: 'swap' }, { action: 0.5 }, true],
  [
    'a batch with an unreadable call besides the swap',
    on1(batch(swapNode(usdc, 10_000_000n), node('unknown'))),
    { action: 'swap' },
    { action: 0.5 },
    true,
  ],
  ['"stake" against a deposit is partial', on1(node('deposit')), { action: 'stake' }, { action: 0.5 }, true],
  [
    '"mint" against the edge\'s reading of mint() as a deposit',
    on1(node('deposit')),
    { action: 'mint' },
    { action: 0 },
    false,
  ],
  [
    'an NFT moved by id has no amount to compare',
    on1(
      node('tokenTransfer', {
        assets: [{ role: 'send', asset: usdc, tokenId: 7n }],
        counterparties: [{ role: 'recipient', address: alice }],
      }),
    ),
    { action: 'transfer', amount: { value: '1' } },
    { action: 0, amount: 0.5 },
    true,
  ],
  [
    'nothing stated: Δ = 0, nothing counted',
    on1(approveNode(usdc, stranger, MAX)),
    { action: 'unknown' },
    {},
    false,
  ],
];

describe('table', () => {
  test.each(cases)('%s', (_, basis, reading, distances, expected) => {
    const result = divergence(basis, reading);
    expect(Object.fromEntries(result.fields.map((f) => [f.field, Number(f.distance.toFixed(6))]))).toEqual(
      distances,
    );
    const weight = result.fields.reduce((s, f) => s + f.weight, 0);
    const delta = weight === 0 ? 0 : result.fields.reduce((s, f) => s + f.weight * f.distance, 0) / weight;
    expect(result.delta).toBeCloseTo(delta, 12);
    expect(diverges(result.delta)).toBe(expected);
  });
});

describe("the verifier's refined intent is compared the same way", () => {
  test('a refined reading that sees a transfer where the edge saw an approval', () => {
    const result = divergence(on1(approveNode(usdc, stranger, MAX)), {
      action: 'transfer',
      asset: { address: usdc },
      counterparty: { address: stranger },
    });
    expect(result.fields.map((f) => [f.field, f.distance])).toEqual([
      ['action', 1],
      ['asset', 0],
      ['counterparty', 0],
    ]);
    expect(diverges(result.delta)).toBe(true);
  });
});

describe('properties', () => {
  const kinds: ActionKind[] = [
    'nativeTransfer',
    'tokenTransfer',
    'approve',
    'permit',
    'setApprovalForAll',
    'swap',
    'order',
    'deposit',
    'withdraw',
    'unknown',
    'messageSignature',
  ];
  const address = fc.constantFrom<Address>(usdc, weth, dai, alice, aliceTwin, stranger);
  const amount = fc.bigInt({ min: 0n, max: MAX });
  const leaf = fc
    .record({
      kind: fc.constantFrom(...kinds),
      asset: fc.option(address, { nil: undefined }),
      amount: fc.option(amount, { nil: undefined }),
      to: address,
      role: fc.constantFrom<AssetAmount['role']>('send', 'allow', 'receive'),
    })
    .map(({ kind, asset, amount, to, role }) =>
      node(kind, {
        assets: [
          {
            role,
            ...(asset && { asset }),
            ...(amount !== undefined && { amount }),
            ...(amount === MAX && { unlimited: true }),
          },
        ],
        counterparties: [{ role: 'recipient', address: to }],
        permissions:
          role === 'allow'
            ? [{ kind: 'allowance', to, ...(asset && { asset }), ...(amount !== undefined && { amount }) }]
            : [],
      }),
    );
  const intent = fc.oneof(
    leaf,
    fc.array(leaf, { minLength: 1, maxLength: 4 }).map((children) => batch(...children)),
  );
  const reading: fc.Arbitrary<IntentFields> = fc.record(
    {
      action: fc.constantFrom(...USER_ACTION_KINDS),
      asset: fc.oneof(
        fc.record({ symbol: fc.constantFrom('USDC', 'weth', 'DAI', 'XYZ') }),
        fc.record({ address }),
      ),
      amount: fc.oneof(
        fc.constant({ unlimited: true as const }),
        fc
          .tuple(fc.nat(), fc.option(fc.nat(999_999), { nil: undefined }))
          .map(([w, f]) => ({ value: f === undefined ? `${w}` : `${w}.${f}` })),
      ),
      counterparty: fc.oneof(fc.record({ address }), fc.record({ name: fc.constantFrom('bob', 'alice') })),
    },
    { requiredKeys: ['action'] },
  );
  const chain = fc.constantFrom<bigint | undefined>(1n, 10n, undefined);

  test('Δ and every distance lie within [0, 1]; Δ is the weighted mean of the counted fields', () => {
    fc.assert(
      fc.property(intent, reading, chain, (i, r, chainId) => {
        const result = divergence({ intent: i, ...(chainId !== undefined && { chainId }) }, r);
        expect(result.delta).toBeGreaterThanOrEqual(0);
        expect(result.delta).toBeLessThanOrEqual(1);
        for (const f of result.fields) {
          expect(f.distance >= 0 && f.distance <= 1).toBe(true);
          expect(f.weight).toBe(DIVERGENCE_WEIGHTS[f.field]);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('deterministic: the same inputs give the same result', () => {
    fc.assert(
      fc.property(intent, reading, (i, r) => {
        expect(divergence(on1(i), r)).toEqual(divergence(on1(structuredClone(i)), structuredClone(r)));
      }),
    );
  });
});

describe('diverges', () => {
  test('strictly above ε', () => {
    expect(diverges(0.15)).toBe(false);
    expect(diverges(0.150001)).toBe(true);
    expect(diverges(0.3, 0.5)).toBe(false);
    expect(diverges(0, 0)).toBe(false);
  });
  test('a Δ that is not a finite number diverges (fail closed)', () => {
    expect(diverges(Number.NaN)).toBe(true);
    expect(diverges(Number.POSITIVE_INFINITY)).toBe(true);
    expect(diverges('0' as unknown as number)).toBe(true);
  });
  test('a bad ε is an error', () => {
    expect(() => diverges(0.1, Number.NaN)).toThrow(RangeError);
    expect(() => diverges(0.1, -0.1)).toThrow(RangeError);
    expect(() => diverges(0.1, 1.5)).toThrow(RangeError);
  });
});
