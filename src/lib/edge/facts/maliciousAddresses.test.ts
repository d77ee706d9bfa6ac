import { readFileSync } from 'node:fs';
import type { Address } from 'viem';
import { expect, test } from 'vitest';
import { knownMalicious, maliciousCount, maliciousData, prefixAt } from './maliciousAddresses';

const vendor = 'scripts/facts/vendor/forta/labels';

test.each([
  ['0x000000000532b45f47779fce440748893b257865', 'phish-hack', 'Fake_Phishing'],
  ['0xc5d88efc558762a53b5e9924c1e7ab995281c2f6', 'phish-hack', 'Amazon.com, Inc. - Common Token (AMZN)'],
  ['0x036587e77eabe6a7e181886a5a6ed10dc25654f9', 'exploit', 'Ronin Bridge Exploiter 3'],
  ['0x04ae3226c80e8c04d35e6e56089345bdd06da6de', 'exploit', 'Multichain Exploiter 10'],
  ['0x04786aada9deea2150deab7b3b8911c309f5ed90', 'heist', 'Gatecoin Hacker 4'],
  ['0x01b09c9a2a67a829b5d54affd0233821b43632a5', 'malicious-contract', 'bZx Exploiter 1: Deployer'],
  ['0x02c8364546ec849e1726fb6cae5228702b111ee6', 'malicious-contract', 'Pickle Finance Hack'],
  ['0x01f42cabd10c17baee94b36964510e2d784fa786', 'malicious-contract', 'by Nomad Bridge Exploiter 3'],
] as const)('%s is %s', (address, category, label) => {
  expect(knownMalicious(address)).toMatchObject({ category, label, chainId: 1n });
});

test('source names the dataset, its commit and the file', () => {
  expect(knownMalicious('0x036587e77eabe6a7e181886a5a6ed10dc25654f9')?.source).toBe(
    'forta-labelled-datasets@40a9c2f:labels/1/etherscan_malicious_labels.csv',
  );
  expect(knownMalicious('0x02c8364546ec849e1726fb6cae5228702b111ee6')?.source).toBe(
    'forta-labelled-datasets@40a9c2f:labels/1/malicious_smart_contracts.csv',
  );
});

test('case-insensitive', () => {
  const lower = knownMalicious('0x036587e77eabe6a7e181886a5a6ed10dc25654f9');
  expect(lower).toBeDefined();
  expect(knownMalicious('0x036587E77EABE6A7E181886A5A6ED10DC25654F9')).toEqual(lower);
  expect(knownMalicious('0x036587e77eAbE6a7E181886a5a6eD10dC25654f9')).toEqual(lower);
});

test('chain filter', () => {
  const op = '0x4f3a120e72c76c22ae802d129f599bfdbc31cb81';
  expect(knownMalicious(op, 10n)).toMatchObject({
    category: 'malicious-contract',
    label: 'Wintermute Exploiter Multisig',
    chainId: 10n,
    source: 'forta-labelled-datasets@40a9c2f:labels/10/malicious_smart_contracts.csv',
  });
  expect(knownMalicious(op, 1n)).toBeUndefined();
  expect(knownMalicious(op)).toBeDefined();
  expect(knownMalicious('0x036587e77eabe6a7e181886a5a6ed10dc25654f9', 1n)).toBeDefined();
  expect(knownMalicious('0x036587e77eabe6a7e181886a5a6ed10dc25654f9', 10n)).toBeUndefined();
});

test('unlisted addresses are not found', () => {
  expect(knownMalicious('0x1111111111111111111111111111111111111111')).toBeUndefined();
  expect(knownMalicious('0xd8da6bf26964af9d7eed9e10c2a9b6a54d6b9a56')).toBeUndefined();
  expect(knownMalicious('0x0000000000000000000000000000000000000000')).toBeUndefined();
  expect(knownMalicious('0xffffffffffffffffffffffffffffffffffffffff')).toBeUndefined();
});

test('whitehat rows are left out', () => {
  expect(knownMalicious('0xfa2731d0bede684993ab1109db7ecf5bf33e8051')).toBeUndefined();
  expect(knownMalicious('0x7eb44bf215794d5a44d44b2d8d4a32da2a7a5aea')).toBeUndefined();
  expect(knownMalicious('0x29a31031263ae15020e820f4b7faa3a5025bcbad')).toBeUndefined();
});

test('not an address: undefined, no throw', () => {
  for (const garbage of [
    '',
    '0x',
    'hello',
    '0x036587e77eabe6a7e181886a5a6ed10dc25654f',
    '036587e77eabe6a7e181886a5a6ed10dc25654f9',
    '0x036587e77eabe6a7e181886a5a6ed10dc25654f9 ',
    '0xg36587e77eabe6a7e181886a5a6ed10dc25654f9',
  ])
    expect(knownMalicious(garbage as Address)).toBeUndefined();
  expect(knownMalicious(undefined as unknown as Address)).toBeUndefined();
  expect(knownMalicious(42 as unknown as Address)).toBeUndefined();
});

test('the generated file is sorted by (address, chain), unique, and its arrays line up', () => {
  const d = maliciousData;
  const n = maliciousCount();
  const addresses = Array.from({ length: n }, (_, i) => prefixAt(i));
  expect(n).toBeGreaterThan(7000);
  for (const column of [d.chain, d.category, d.source, d.label]) expect(column).toHaveLength(n);
  const problems: string[] = [];
  for (let i = 0; i < n; i++) {
    const chainId = d.chainIds[d.chain[i] as number];
    if (!/^[0-9a-f]{16}$/.test(addresses[i] ?? '')) problems.push(`${i}: prefix ${addresses[i]}`);
    if (chainId === undefined) problems.push(`${i}: chain`);
    if (d.categories[d.category[i] as number] === undefined) problems.push(`${i}: category`);
    if (d.sources[d.source[i] as number] === undefined) problems.push(`${i}: source`);
    if (d.labels[d.label[i] as number] === undefined) problems.push(`${i}: label`);
    const previous = addresses[i - 1];
    const order =
      previous === undefined
        ? -1
        : previous < (addresses[i] as string)
          ? -1
          : previous === addresses[i]
            ? 0
            : 1;
    const previousChain = d.chainIds[d.chain[i - 1] as number] ?? -1;
    if (order > 0 || (order === 0 && previousChain >= (chainId ?? -1))) problems.push(`${i}: out of order`);
  }
  expect(problems).toEqual([]);
  expect(d.categories).toEqual(['exploit', 'heist', 'phish-hack', 'malicious-contract']);
  expect([...d.labels].sort()).toEqual(d.labels);
  expect(new Set(d.labels).size).toBe(d.labels.length);
});

test.each([
  ['1/phishing_scams.csv', 1n],
  ['1/etherscan_malicious_labels.csv', 1n],
  ['1/malicious_smart_contracts.csv', 1n],
  ['10/malicious_smart_contracts.csv', 10n],
] as const)('every non-whitehat row of %s is found on its chain', (file, chainId) => {
  const lines = readFileSync(`${vendor}/${file}`, 'utf8').split('\n').slice(1);
  let checked = 0;
  for (const line of lines) {
    const address = /^(0x[0-9a-fA-F]{40}),/.exec(line)?.[1];
    if (!address || /white\s*hat/i.test(line)) continue;
    expect(knownMalicious(address as Address, chainId), address).toBeDefined();
    checked++;
  }
  expect(checked).toBeGreaterThan(0);
});
