import { readFileSync } from 'node:fs';
import type { Address } from 'viem';
import { expect, test } from 'vitest';
import { knownDelegate, knownDelegates } from './delegates';

type VendoredDelegate = {
  name: string;
  address: string;
  eip7702Delegatable: boolean;
  path: string;
  commit: string;
};
const vendored = (
  JSON.parse(readFileSync('scripts/facts/vendor/walletbeat/delegates.json', 'utf8')) as {
    contracts: VendoredDelegate[];
  }
).contracts;

test.each([
  ['0x63c0c19a282a1b52b07dd5a65b58948a07dae32b', 'MetaMask 7702 Delegator'],
  ['0x7702cb554e6bfb442cb743a7df23154544a7176c', 'Coinbase EIP-7702 Proxy'],
  ['0x000000005c84f8fd50b21cac312528a64437030e', 'Calibur (Uniswap)'],
  ['0xe6cae83bde06e4c305530e199d7217f42808555b', 'eth-infinitism Simple7702Account'],
] as const)('%s is %s', (address, name) => {
  expect(knownDelegate(address)?.name).toBe(name);
});

test('case-insensitive; source names the walletbeat file and commit', () => {
  expect(knownDelegate('0x7702CB554E6BFB442CB743A7DF23154544A7176C')).toEqual({
    name: 'Coinbase EIP-7702 Proxy',
    source:
      'walletbeat:data/wallet-contracts/coinbase-eip7702-proxy.ts@83983ffede06f32c8ca0b8d4929b79fee47b7f83',
  });
});

test('not delegatable, unknown, or not an address: undefined', () => {
  expect(knownDelegate('0x0f2aa7bcda3d9d210df69a394b6965cb2566c828')).toBeUndefined();
  expect(knownDelegate('0x1111111111111111111111111111111111111111')).toBeUndefined();
  expect(knownDelegate('hello' as Address)).toBeUndefined();
  expect(knownDelegate(undefined as unknown as Address)).toBeUndefined();
});

test('knownDelegates is every delegatable vendored entry, first name per address, sorted', () => {
  const expected = new Map<string, { name: string; source: string }>();
  for (const c of vendored)
    if (c.eip7702Delegatable && !expected.has(c.address))
      expected.set(c.address, { name: c.name, source: `walletbeat:${c.path}@${c.commit}` });
  expect(knownDelegates.map((d) => [d.address, { name: d.name, source: d.source }])).toEqual(
    [...expected].sort(([a], [b]) => (a < b ? -1 : 1)),
  );
});
