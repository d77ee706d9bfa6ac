import { describe, expect, test } from 'vitest';
import { parsePolicy } from '$lib/edge/gate/parseContext';
import { defaultPolicy } from '$lib/edge/gate/policy';
import { inspect } from '$lib/edge/inspect';
import { checkBeforeSigning, type SignCheckParameters } from './guard';
import { emptyStepUp, findingKey, OVERRIDE_WORD, stepUpComplete, stepUpRequirements } from './stepUp';
import { walletFillsOf, walletRequestOf } from './walletRequest';

const USER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const SPENDER = '0x1111111111111111111111111111111111111111';
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const wallet = { address: USER, chainId: 31337 } as const;

const tx = (data: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ chainId: 31337, from: USER, to: TOKEN, data, value: '0', ...extra });
const transfer = (to: string, amount = 1000n) =>
  tx(
    `0xa9059cbb000000000000000000000000${to.slice(2).toLowerCase()}${amount.toString(16).padStart(64, '0')}`,
  );
const unlimitedApprove = tx(`0x095ea7b3000000000000000000000000${SPENDER.slice(2)}${'f'.repeat(64)}`);
// An address on the user's denylist: a transfer to it is blocked.
const DRAINER = '0x000000000000000000000000000000000000dEaD';
const denying = parsePolicy({ denylist: [DRAINER] });

function decided(input: string, policy = defaultPolicy()) {
  const result = inspect(input, { policy });
  if (!result.ok) throw new Error(`not decoded: ${input}`);
  return result;
}

function check(input: string, overrides: Partial<SignCheckParameters> = {}, policy = defaultPolicy()) {
  const r = decided(input, policy);
  const requirements = stepUpRequirements(r.decision, undefined);
  return checkBeforeSigning({
    reviewed: r.decision,
    current: { payload: r.payload, decision: r.decision },
    policy,
    requirements,
    stepUp: emptyStepUp,
    wallet,
    ...overrides,
  });
}

describe('walletRequestOf', () => {
  test('a transaction becomes eth_sendTransaction with exactly its fields', () => {
    const r = walletRequestOf(decided(transfer(BOB)).payload);
    expect(r).toMatchObject({
      ok: true,
      request: { method: 'eth_sendTransaction', chainId: 31337, from: USER },
    });
    if (r.ok && r.request.method === 'eth_sendTransaction') expect(r.request.tx.to).toBe(TOKEN);
  });

  test.each([
    ['0xa9059cbb', 'noTarget'],
    [JSON.stringify({ from: USER, to: TOKEN, data: '0x', value: '1' }), 'noChain'],
    [JSON.stringify({ chainId: 1, from: USER, data: '0x6080', value: '0' }), 'creation'],
    [JSON.stringify({ method: 'eth_sign', params: [USER, `0x${'ab'.repeat(32)}`] }), 'ethSign'],
  ])('%s cannot be signed: %s', (input, reason) => {
    const result = inspect(input);
    if (!result.ok) throw new Error(result.error.message);
    expect(walletRequestOf(result.payload)).toEqual({ ok: false, reason });
  });

  test('personal_sign and typed data keep their content', () => {
    const message = inspect(JSON.stringify({ method: 'personal_sign', params: ['0x48656c6c6f', USER] }));
    if (!message.ok) throw new Error('message');
    expect(walletRequestOf(message.payload)).toEqual({
      ok: true,
      request: { method: 'personal_sign', message: '0x48656c6c6f', from: USER },
    });
  });

  test('walletFillsOf names what the wallet would add', () => {
    expect(walletFillsOf({ to: TOKEN, value: 0n, data: '0x' })).toEqual(['gas', 'fees', 'nonce']);
    expect(walletFillsOf({ to: TOKEN, value: 0n, data: '0x', gas: 1n, maxFeePerGas: 2n, nonce: 0n })).toEqual(
      [],
    );
  });
});

describe('stepUpRequirements', () => {
  test('Allow needs nothing; StepUp needs each finding acknowledged; high findings a typed confirmation', () => {
    const allow = stepUpRequirements(decided(transfer(BOB)).decision, BOB);
    expect(allow).toEqual({ findings: [], override: false });
    const approve = decided(unlimitedApprove).decision;
    expect(approve.verdict).toBe('stepup');
    const req = stepUpRequirements(approve, SPENDER);
    expect(req.findings.length).toBeGreaterThan(0);
    const acked = { acknowledged: req.findings.map(findingKey), typed: '' };
    if (req.confirmation) {
      expect(req.confirmation).toBe('1111');
      expect(stepUpComplete(req, acked)).toBe(false);
      expect(stepUpComplete(req, { ...acked, typed: ' 1111 ' })).toBe(true);
    } else expect(stepUpComplete(req, acked)).toBe(true);
    expect(stepUpComplete(req, { acknowledged: acked.acknowledged.slice(1), typed: '1111' })).toBe(false);
  });

  test('an override needs OVERRIDE exactly', () => {
    const block = decided(transfer(DRAINER), denying).decision;
    expect(block.verdict).toBe('block');
    const req = stepUpRequirements(block, DRAINER);
    expect(req).toMatchObject({ override: true, confirmation: OVERRIDE_WORD });
    const acknowledged = req.findings.map(findingKey);
    expect(stepUpComplete(req, { acknowledged, typed: 'override' })).toBe(false);
    expect(stepUpComplete(req, { acknowledged, typed: 'OVERRIDE' })).toBe(true);
  });
});

describe('checkBeforeSigning', () => {
  test('Allow on the right chain and account: the request goes out as inspected', () => {
    const result = check(transfer(BOB));
    expect(result).toMatchObject({ ok: true, override: false, request: { method: 'eth_sendTransaction' } });
  });

  test('bytes changed after the review: a new decision to review, nothing signed', () => {
    const reviewed = decided(transfer(BOB)).decision;
    const now = decided(transfer(BOB, 999_999n));
    const result = check(transfer(BOB), {
      reviewed,
      current: { payload: now.payload, decision: now.decision },
    });
    expect(result).toMatchObject({ ok: false, problem: 'changed' });
    if (!result.ok && result.problem === 'changed')
      expect(result.decision.payloadHash).toBe(now.decision.payloadHash);
  });

  test('same bytes, stricter decision now: review again', () => {
    const reviewed = decided(transfer(BOB)).decision;
    const strict = parsePolicy({ denylist: [BOB] });
    const now = decided(transfer(BOB), strict);
    expect(
      check(transfer(BOB), { reviewed, current: { payload: now.payload, decision: now.decision } }, strict),
    ).toMatchObject({
      ok: false,
      problem: 'stricter',
    });
  });

  test('StepUp: refused until the step-up is complete', () => {
    const r = decided(unlimitedApprove);
    const requirements = stepUpRequirements(r.decision, SPENDER);
    expect(check(unlimitedApprove, { requirements })).toMatchObject({ ok: false, problem: 'stepUp' });
    const stepUp = {
      acknowledged: requirements.findings.map(findingKey),
      typed: requirements.confirmation ?? '',
    };
    expect(check(unlimitedApprove, { requirements, stepUp })).toMatchObject({ ok: true, override: false });
  });

  test('Block: refused unless the policy allows an override, then only with OVERRIDE typed', () => {
    expect(check(transfer(DRAINER), {}, denying)).toMatchObject({ ok: false, problem: 'blocked' });
    const lenient = parsePolicy({ denylist: [DRAINER], signing: { allowOverride: true } });
    const r = decided(transfer(DRAINER), lenient);
    const requirements = stepUpRequirements(r.decision, DRAINER);
    expect(check(transfer(DRAINER), { requirements }, lenient)).toMatchObject({
      ok: false,
      problem: 'stepUp',
    });
    const stepUp = { acknowledged: requirements.findings.map(findingKey), typed: OVERRIDE_WORD };
    expect(check(transfer(DRAINER), { requirements, stepUp }, lenient)).toMatchObject({
      ok: true,
      override: true,
    });
  });

  test('fields the wallet may not fill, wrong chain, wrong account, no wallet', () => {
    const noNonce = parsePolicy({ signing: { walletMayFill: ['gas', 'fees'] } });
    expect(check(transfer(BOB), {}, noNonce)).toMatchObject({
      ok: false,
      problem: 'fills',
      fields: ['nonce'],
    });
    expect(check(transfer(BOB), {}, noNonce).ok).toBe(false);
    expect(check(tx('0x', { nonce: 3 }), {}, noNonce)).toMatchObject({ ok: true });
    expect(check(transfer(BOB), { wallet: { ...wallet, chainId: 1 } })).toMatchObject({
      ok: false,
      problem: 'chain',
      want: 31337,
      wallet: 1,
    });
    expect(check(transfer(BOB), { wallet: { ...wallet, address: BOB } })).toMatchObject({
      ok: false,
      problem: 'account',
    });
    expect(check(transfer(BOB), { wallet: undefined })).toMatchObject({ ok: false, problem: 'noWallet' });
  });
});

describe('the local tier can only make signing stricter', () => {
  test('an Allow raised to StepUp needs the step-up; raised to Block it is blocked', () => {
    const plain = transfer(BOB);
    expect(check(plain)).toMatchObject({ ok: true });
    const r = decided(plain);
    const concern = { rule: 'local.verifier', severity: 'medium', message: 'x', path: 'intent' } as const;
    const requirements = stepUpRequirements({ ...r.decision, verdict: 'stepup', findings: [concern] }, BOB);
    expect(check(plain, { raised: 'stepup', requirements })).toMatchObject({ ok: false, problem: 'stepUp' });
    const stepUp = { acknowledged: [findingKey(concern)], typed: '' };
    expect(check(plain, { raised: 'stepup', requirements, stepUp })).toMatchObject({ ok: true });
    expect(check(plain, { raised: 'block', requirements, stepUp })).toMatchObject({
      ok: false,
      problem: 'blocked',
    });
  });

  test('"allow" from the local tier does not lower a StepUp', () => {
    expect(check(unlimitedApprove, { raised: 'allow' })).toMatchObject({ ok: false, problem: 'stepUp' });
  });
});
