import { encodeFunctionData, parseAbi } from 'viem';
import { describe, expect, test } from 'vitest';
import { permitTypes } from '../../../../tests/fixtures/typedData';
import { decide } from './decide';
import { type Facts, noFacts } from './facts';
import { defaultPolicy, type Policy, type RuleOverride } from './policy';

const alice = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const stranger = '0x1111111111111111111111111111111111111111';
const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const permit2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
const abi = parseAbi([
  'function approve(address spender, uint256 amount) returns (bool)',
  'function transfer(address to, uint256 amount) returns (bool)',
  'function setApprovalForAll(address operator, bool approved)',
  'function transferOwnership(address newOwner)',
  'function upgradeTo(address implementation)',
]);
const call = (data: `0x${string}`, to: string = usdc) =>
  JSON.stringify({ chainId: 1, from: alice, to, data });
const approve = (spender: `0x${string}`, amount: bigint) =>
  call(encodeFunctionData({ abi, functionName: 'approve', args: [spender, amount] }));
const transfer = (to: `0x${string}`, amount: bigint) =>
  call(encodeFunctionData({ abi, functionName: 'transfer', args: [to, amount] }));
const permitTyped = (spender: string, value: string, deadline: string) =>
  JSON.stringify({
    types: permitTypes,
    primaryType: 'Permit',
    domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: usdc },
    message: { owner: alice, spender, value, nonce: 0, deadline },
  });

type Case = { input: string; facts?: Partial<Facts>; policy?: Partial<Policy> };

function fired(rule: string, { input, facts, policy }: Case, override?: RuleOverride): boolean {
  const base = defaultPolicy();
  const p: Policy = {
    ...base,
    ...policy,
    rules: { ...(policy?.rules ?? {}), ...(override && { [rule]: override }) },
  };
  const decision = decide({ input, policy: p, facts: { ...noFacts, ...facts } });
  return decision.findings.some((f) => f.rule === rule);
}

/** Per rule: an input that fires it, one that does not, and an override that changes the outcome. */
const table: Record<string, { fires: Case; quiet: Case; override: RuleOverride; overrideCase?: Case }> = {
  'approval.unlimited': {
    fires: { input: approve(permit2, 2n ** 256n - 1n) },
    quiet: { input: approve(permit2, 5n) },
    override: { enabled: false },
  },
  'approval.all': {
    fires: {
      input: call(
        encodeFunctionData({ abi, functionName: 'setApprovalForAll', args: [stranger, true] }),
        stranger,
      ),
    },
    quiet: {
      input: call(
        encodeFunctionData({ abi, functionName: 'setApprovalForAll', args: [stranger, false] }),
        stranger,
      ),
    },
    override: { enabled: false },
  },
  'approval.long-expiry': {
    fires: { input: permitTyped(permit2, '5', '1900000000'), facts: { now: 1_800_000_000n } },
    quiet: { input: permitTyped(permit2, '5', '1800000100'), facts: { now: 1_800_000_000n } },
    override: { threshold: 5000 },
  },
  'approval.to-unknown': {
    fires: { input: approve(stranger, 5n) },
    quiet: { input: approve(permit2, 5n) },
    override: { enabled: false },
    overrideCase: { input: approve(stranger, 5n) },
  },
  'approval.to-eoa': {
    fires: { input: approve(stranger, 5n), facts: { hasCode: { [stranger]: false } } },
    quiet: { input: approve(stranger, 5n), facts: { hasCode: { [stranger]: true } } },
    override: { enabled: false },
  },
  'permit.offchain': {
    fires: { input: permitTyped(permit2, '5', '1') },
    quiet: { input: approve(permit2, 5n) },
    override: { enabled: false },
  },
  'recipient.new': {
    fires: { input: transfer(stranger, 1n), facts: { historyKnown: true, history: [{ address: alice }] } },
    quiet: { input: transfer(stranger, 1n), facts: { historyKnown: true, history: [{ address: stranger }] } },
    override: { enabled: false },
  },
  'recipient.lookalike': {
    fires: {
      input: transfer('0xd8da000000000000000000000000000000006045', 1n),
      facts: { addressBook: [{ address: alice, name: 'Vitalik' }] },
    },
    quiet: { input: transfer(alice, 1n), facts: { addressBook: [{ address: alice, name: 'Vitalik' }] } },
    override: { enabled: false },
  },
  'transfer.to-token-contract': {
    fires: { input: transfer(usdc, 1n) },
    quiet: { input: transfer(alice, 1n) },
    override: { enabled: false },
  },
  'address.known-malicious': {
    fires: { input: transfer(alice, 1n), facts: { denylist: [alice] } },
    quiet: { input: transfer(alice, 1n) },
    override: { enabled: false },
  },
  'admin.ownership-change': {
    fires: {
      input: call(encodeFunctionData({ abi, functionName: 'transferOwnership', args: [stranger] }), stranger),
    },
    quiet: { input: approve(permit2, 5n) },
    override: { enabled: false },
  },
  'admin.upgrade': {
    fires: {
      input: call(encodeFunctionData({ abi, functionName: 'upgradeTo', args: [stranger] }), stranger),
    },
    quiet: { input: approve(permit2, 5n) },
    override: { enabled: false },
  },
  'signature.blind': {
    fires: { input: JSON.stringify({ method: 'eth_sign', params: [alice, `0x${'ab'.repeat(32)}`] }) },
    quiet: { input: JSON.stringify({ method: 'personal_sign', params: ['0x68656c6c6f', alice] }) },
    override: { enabled: false },
  },
  'typed-data.domain-mismatch': {
    fires: { input: permitTyped(permit2, '5', '1'), facts: { chainId: 8453n } },
    quiet: { input: permitTyped(permit2, '5', '1'), facts: { chainId: 1n } },
    override: { enabled: false },
  },
  'value.over-limit': {
    fires: {
      input: JSON.stringify({ chainId: 1, to: alice, value: '2000' }),
      policy: { limits: { perAsset: { native: '1000' }, perCounterparty: {} } },
    },
    quiet: {
      input: JSON.stringify({ chainId: 1, to: alice, value: '999' }),
      policy: { limits: { perAsset: { native: '1000' }, perCounterparty: {} } },
    },
    override: { enabled: false },
  },
  'exposure.cumulative': {
    fires: {
      input: approve(permit2, 600n),
      facts: { exposure: [{ counterparty: permit2, asset: usdc, amount: 500n }] },
      policy: { limits: { perAsset: {}, perCounterparty: { [usdc]: '1000' } } },
    },
    quiet: {
      input: approve(permit2, 400n),
      facts: { exposure: [{ counterparty: permit2, asset: usdc, amount: 500n }] },
      policy: { limits: { perAsset: {}, perCounterparty: { [usdc]: '1000' } } },
    },
    override: { enabled: false },
  },
  'decode.failed': {
    fires: { input: call('0xa9059cbb1234') },
    quiet: { input: approve(permit2, 5n) },
    override: { enabled: false },
  },
  'decode.low-confidence': {
    fires: { input: call('0xdeadbeef', stranger) },
    quiet: { input: approve(permit2, 5n) },
    override: { enabled: false },
  },
  'input.malformed': {
    fires: { input: '0xzz' },
    quiet: { input: approve(permit2, 5n) },
    override: { enabled: false },
  },
};

describe('each rule fires, stays quiet, and obeys its policy override', () => {
  for (const [rule, { fires, quiet, override, overrideCase }] of Object.entries(table)) {
    test(rule, () => {
      expect(fired(rule, fires), 'fires').toBe(true);
      expect(fired(rule, quiet), 'quiet').toBe(false);
      expect(fired(rule, overrideCase ?? fires, override), 'override').toBe(false);
    });
  }
});

test('approval.to-unknown: bare calldata (no chain) to Permit2 is a known spender', () => {
  const bare = encodeFunctionData({ abi, functionName: 'approve', args: [permit2, 5n] });
  expect(fired('approval.to-unknown', { input: bare })).toBe(false);
  expect(
    fired('approval.to-unknown', {
      input: encodeFunctionData({ abi, functionName: 'approve', args: [stranger, 5n] }),
    }),
  ).toBe(true);
});

test('a severity override changes the verdict', () => {
  const input = approve(permit2, 2n ** 256n - 1n);
  const policy = defaultPolicy();
  expect(decide({ input, policy }).verdict).toBe('stepup');
  expect(
    decide({ input, policy: { ...policy, rules: { 'approval.unlimited': { severity: 'critical' } } } })
      .verdict,
  ).toBe('block');
  expect(
    decide({ input, policy: { ...policy, rules: { 'approval.unlimited': { severity: 'low' } } } }).verdict,
  ).toBe('allow');
});
