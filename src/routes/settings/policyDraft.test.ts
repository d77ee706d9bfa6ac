import { describe, expect, test } from 'vitest';
import { type ContextData, emptyContext } from '$lib/context/records';
import { factsOf, policyOf } from '$lib/context/snapshot';
import { parsePolicy } from '$lib/edge/gate/parseContext';
import { defaultPolicy, policyHash } from '$lib/edge/gate/policy';
import { rules } from '$lib/edge/gate/rules/index';
import {
  amountHint,
  changedRules,
  checkDraft,
  defaultBudgetSeconds,
  documentOf,
  draftOf,
  fieldOfPath,
  type PolicyDraft,
  readBudget,
  sameDraft,
  withDraft,
  withProfile,
  withRow,
} from './policyDraft';

const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const ALICE = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045' as const;

/** A draft of the defaults with `change` applied. */
function draft(change: Partial<PolicyDraft> = {}): PolicyDraft {
  return { ...draftOf(undefined), ...change };
}

/** The errors of a draft, as field → message key. */
function errorsOf(d: PolicyDraft): Record<string, string> {
  const check = checkDraft(d);
  return check.ok ? {} : Object.fromEntries(Object.entries(check.errors).map(([k, v]) => [k, v.key]));
}

describe('draftOf', () => {
  test('no saved policy: the balanced defaults, every rule on at its own severity, a one-day window', () => {
    const d = draftOf(undefined);
    expect(d).toMatchObject({
      name: '',
      profile: 'balanced',
      tauConf: 0.7,
      tauRisk: 0.4,
      perAsset: [],
      perCounterparty: [],
      exposureWindowDays: 1,
      otherRules: {},
    });
    expect(Object.keys(d.rules)).toEqual(rules.map((r) => r.id));
    expect(Object.values(d.rules).every((r) => r.enabled && r.severity === 'default')).toBe(true);
  });

  test('a saved document round-trips to the same policy', () => {
    const document = {
      name: 'mine',
      profile: 'conservative',
      tauRisk: 0.25,
      rules: {
        'recipient.new': { severity: 'high' },
        'approval.long-expiry': { threshold: 7 },
        'signature.blind': { enabled: false },
        'future.rule': { severity: 'low' },
      },
      limits: { perAsset: { [USDC.toLowerCase()]: '0x10', native: '5' }, perCounterparty: { native: '7' } },
    };
    const d = draftOf({ document, exposureWindowDays: 30 });
    expect(d.name).toBe('mine');
    expect(d.profile).toBe('conservative');
    expect(d.tauConf).toBe(0.9);
    expect(d.tauRisk).toBe(0.25);
    expect(d.rules['recipient.new']).toEqual({ enabled: true, severity: 'high' });
    expect(d.rules['approval.long-expiry']).toEqual({ enabled: true, severity: 'default', threshold: 7 });
    expect(d.rules['signature.blind']).toEqual({ enabled: false, severity: 'default' });
    expect(d.otherRules).toEqual({ 'future.rule': { severity: 'low' } });
    expect(d.perAsset.map((r) => [r.asset, r.amount])).toEqual([
      [USDC, '16'],
      ['native', '5'],
    ]);
    expect(d.exposureWindowDays).toBe(30);
    const check = checkDraft(d);
    expect(check.ok).toBe(true);
    if (check.ok) expect(policyHash(check.policy)).toBe(policyHash(parsePolicy(document)));
  });

  test('a document that no longer reads gives the defaults', () => {
    const d = draftOf({ document: { profile: 'reckless' }, exposureWindowDays: 3 });
    expect(d.profile).toBe('balanced');
    expect(d.exposureWindowDays).toBe(3);
  });

  test('the default name for the profile shows as empty', () => {
    expect(
      draftOf({ document: { name: 'vigil-default-expert', profile: 'expert' }, exposureWindowDays: 1 }).name,
    ).toBe('');
  });
});

describe('withProfile', () => {
  test('picking a profile resets both thresholds to its defaults', () => {
    expect(withProfile(draft({ tauConf: 0.1, tauRisk: 0.95 }), 'expert')).toMatchObject({
      profile: 'expert',
      tauConf: 0.4,
      tauRisk: 0.7,
    });
  });
});

describe('changedRules', () => {
  test('rules turned off or given another severity', () => {
    const d = draft();
    expect(changedRules(d)).toBe(0);
    d.rules['recipient.new'] = { enabled: false, severity: 'default' };
    d.rules['approval.all'] = { enabled: true, severity: 'low' };
    d.rules['approval.long-expiry'] = { enabled: true, severity: 'default', threshold: 7 };
    expect(changedRules(d)).toBe(2);
  });
});

describe('withRow', () => {
  test('adds an empty row with an unused key', () => {
    const rows = withRow([{ key: 'perAsset-2', asset: 'native', amount: '1' }], 'perAsset');
    expect(rows).toEqual([
      { key: 'perAsset-2', asset: 'native', amount: '1' },
      { key: 'perAsset-3', asset: '', amount: '' },
    ]);
  });
});

describe('documentOf', () => {
  test('only the overrides, limits keyed by checksummed asset, blank rows left out, no lists', () => {
    const d = draft({
      perAsset: [
        { key: 'a', asset: ` ${USDC.toLowerCase()} `, amount: ' 50000000 ' },
        { key: 'b', asset: '', amount: '' },
        { key: 'c', asset: 'NATIVE', amount: '1' },
      ],
    });
    d.rules['recipient.new'] = { enabled: false, severity: 'medium' };
    expect(documentOf(d)).toEqual({
      profile: 'balanced',
      tauConf: 0.7,
      tauRisk: 0.4,
      rules: { 'recipient.new': { severity: 'medium', enabled: false } },
      limits: { perAsset: { [USDC]: '50000000', native: '1' }, perCounterparty: {} },
    });
  });

  test('the defaults: no rules, no limits', () => {
    expect(documentOf(draft())).toEqual({ profile: 'balanced', tauConf: 0.7, tauRisk: 0.4 });
  });
});

describe('checkDraft', () => {
  test('a valid draft gives the document and its policy', () => {
    const check = checkDraft(
      draft({ name: ' mine ', perAsset: [{ key: 'a', asset: USDC, amount: '50000000' }] }),
    );
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.document).not.toHaveProperty('allowlist');
    expect(check.document.name).toBe('mine');
    expect(check.policy.name).toBe('mine');
    expect(check.policy.limits.perAsset).toEqual({ [USDC]: '50000000' });
  });

  test('τ outside 0–1 or empty', () => {
    expect(errorsOf(draft({ tauRisk: 1.5 }))).toEqual({ tauRisk: 'settings.error.unit' });
    expect(errorsOf(draft({ tauConf: -0.1 }))).toEqual({ tauConf: 'settings.error.unit' });
    expect(errorsOf(draft({ tauConf: null }))).toEqual({ tauConf: 'settings.error.unit' });
    expect(errorsOf(draft({ tauConf: Number.NaN }))).toEqual({ tauConf: 'settings.error.unit' });
    expect(errorsOf(draft({ tauConf: 0, tauRisk: 1 }))).toEqual({});
  });

  test('the exposure window is 1 to 365 whole days', () => {
    for (const days of [0, 366, 1.5, null])
      expect(errorsOf(draft({ exposureWindowDays: days }))).toEqual({
        exposureWindowDays: 'settings.error.window',
      });
    expect(errorsOf(draft({ exposureWindowDays: 365 }))).toEqual({});
  });

  test('limit rows: each asset and amount checked, every error at once', () => {
    const d = draft({
      tauRisk: 1.5,
      perAsset: [
        { key: 'neg', asset: 'native', amount: '-5' },
        { key: 'bad', asset: '0x1234', amount: '10' },
        { key: 'frac', asset: USDC, amount: '1.5' },
        { key: 'big', asset: ALICE, amount: (1n << 256n).toString() },
        { key: 'noAsset', asset: '', amount: '10' },
        { key: 'noAmount', asset: 'native', amount: ' ' },
        { key: 'blank', asset: ' ', amount: '' },
      ],
      perCounterparty: [
        { key: 'one', asset: USDC, amount: '1' },
        { key: 'two', asset: USDC.toLowerCase(), amount: '2' },
      ],
    });
    expect(errorsOf(d)).toEqual({
      tauRisk: 'settings.error.unit',
      'perAsset.neg.amount': 'settings.error.amountNegative',
      'perAsset.bad.asset': 'settings.error.asset',
      'perAsset.frac.amount': 'settings.error.amount',
      'perAsset.big.amount': 'settings.error.amountTooLarge',
      'perAsset.noAsset.asset': 'settings.error.assetRequired',
      'perAsset.noAmount.amount': 'settings.error.amountRequired',
      'perAsset.noAmount.asset': 'settings.error.duplicateAsset',
      'perCounterparty.two.asset': 'settings.error.duplicateAsset',
    });
  });

  test('a hex amount is refused: the editor takes decimal base units', () => {
    expect(errorsOf(draft({ perAsset: [{ key: 'a', asset: 'native', amount: '0x10' }] }))).toEqual({
      'perAsset.a.amount': 'settings.error.amount',
    });
  });

  test('the largest amount is accepted', () => {
    const max = ((1n << 256n) - 1n).toString();
    expect(errorsOf(draft({ perAsset: [{ key: 'a', asset: 'native', amount: max }] }))).toEqual({});
  });
});

describe('fieldOfPath', () => {
  const d = draft({ perAsset: [{ key: 'usdc', asset: USDC.toLowerCase(), amount: '1' }] });

  test('scalar fields', () => {
    expect(fieldOfPath('tauRisk', d)).toBe('tauRisk');
    expect(fieldOfPath('exposureWindowDays', d)).toBe('exposureWindowDays');
  });

  test('a rule, by its quoted id', () => {
    expect(fieldOfPath('rules["approval.unlimited"].severity', d)).toBe('rules.approval.unlimited.severity');
    expect(fieldOfPath('rules["no.such"].severity', d)).toBeUndefined();
  });

  test('a limit, by its asset in any case', () => {
    expect(fieldOfPath(`limits.perAsset["${USDC}"]`, d)).toBe('perAsset.usdc.amount');
    expect(fieldOfPath('limits.perAsset.native', d)).toBeUndefined();
  });

  test('anything else', () => {
    expect(fieldOfPath('allowlist', d)).toBeUndefined();
  });
});

describe('sameDraft', () => {
  test('blank rows and row order do not count; a changed amount does', () => {
    const a = draft({
      perAsset: [
        { key: '1', asset: 'native', amount: '1' },
        { key: '2', asset: USDC, amount: '2' },
      ],
    });
    const b = draft({
      perAsset: [
        { key: '2', asset: USDC.toLowerCase(), amount: '2' },
        { key: '1', asset: 'native', amount: '1' },
        { key: '3', asset: '', amount: '' },
      ],
    });
    expect(sameDraft(a, b)).toBe(true);
    expect(sameDraft(a, draft({ perAsset: [{ key: '1', asset: 'native', amount: '1' }] }))).toBe(false);
    expect(sameDraft(a, { ...a, exposureWindowDays: 2 })).toBe(false);
  });
});

describe('amountHint', () => {
  test('a bundled token, in whole units', () => {
    expect(amountHint(USDC.toLowerCase(), '50000000')).toEqual({ symbol: 'USDC', value: '50' });
  });

  test('the native currency has 18 decimals', () => {
    expect(amountHint('native', '1500000000000000000')).toEqual({ value: '1.5' });
  });

  test('an unknown token, or an amount that is not base units', () => {
    expect(amountHint(ALICE, '1')).toBeUndefined();
    expect(amountHint(USDC, '1.5')).toBeUndefined();
    expect(amountHint('0x12', '1')).toBeUndefined();
  });
});

describe('withDraft', () => {
  test('the draft policy keeps the lists; the draft window sets the exposure facts', () => {
    const now = Date.UTC(2026, 10, 20, 12);
    const data: ContextData = {
      ...emptyContext,
      lists: [{ id: 'l', list: 'allow', address: ALICE, note: '', addedAt: 0 }],
      exposure: [{ id: 'x', day: '2026-11-18', asset: 'native', counterparty: ALICE, amount: '5', count: 1 }],
    };
    const next = withDraft(data, { profile: 'expert' }, 3);
    expect(policyOf(next)).toMatchObject({ profile: 'expert', allowlist: [ALICE] });
    expect(factsOf(next, { now }).exposure).toHaveLength(1);
    expect(factsOf(withDraft(data, {}, 1), { now }).exposure).toHaveLength(0);
    expect(policyHash(policyOf(withDraft(emptyContext, {}, 1)))).toBe(policyHash(defaultPolicy()));
  });
});

describe('signing settings', () => {
  test('defaults write no signing section; changes round-trip through the document', () => {
    const draft = draftOf(undefined);
    expect(draft.allowOverride).toBe(false);
    expect(draft.walletMayFill).toEqual(['gas', 'fees', 'nonce']);
    expect(documentOf(draft)).not.toHaveProperty('signing');
    const changed = { ...draft, allowOverride: true, walletMayFill: ['nonce' as const] };
    const document = documentOf(changed);
    expect(document.signing).toEqual({ allowOverride: true, walletMayFill: ['nonce'] });
    expect(parsePolicy(document).signing).toEqual({ allowOverride: true, walletMayFill: ['nonce'] });
    const again = draftOf({ document, exposureWindowDays: 1 });
    expect(again.allowOverride).toBe(true);
    expect(again.walletMayFill).toEqual(['nonce']);
  });
});

describe('latency budget', () => {
  /** A policy saved before budgets existed, and its hash then (computed by the code before `routing`). */
  const older = {
    name: 'mine',
    profile: 'conservative',
    tauRisk: 0.25,
    limits: { perAsset: { native: '5' } },
  };
  const olderHash = '0x405571ddf2707c5bc91cbbc4d38b094b7355a85320b047973e615ec440bc353c';

  test('an unset budget writes no routing key: a saved policy keeps its document and its hash', () => {
    const d = draftOf({ document: older, exposureWindowDays: 1 });
    expect(d.budgetSeconds).toBe('');
    const check = checkDraft(d);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.document).not.toHaveProperty('routing');
    expect(check.policy.routing).toBeUndefined();
    expect(policyHash(check.policy)).toBe(olderHash);
    expect(documentOf(draft({ budgetSeconds: '  ' }))).not.toHaveProperty('routing');
  });

  test('a set budget writes routing.budgetMs in whole milliseconds and reads back as typed', () => {
    const d = { ...draftOf({ document: older, exposureWindowDays: 1 }), budgetSeconds: ' 5 ' };
    const check = checkDraft(d);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.document.routing).toEqual({ budgetMs: 5000 });
    expect(check.policy.routing).toEqual({ budgetMs: 5000 });
    expect(policyHash(check.policy)).not.toBe(olderHash);
    const again = draftOf({ document: check.document, exposureWindowDays: 1 });
    expect(again.budgetSeconds).toBe('5');
    expect(sameDraft(again, d)).toBe(true);
    expect(sameDraft(again, { ...d, budgetSeconds: '' })).toBe(false);
  });

  test('seconds to milliseconds from the digits, not floating point', () => {
    expect(readBudget('1.1')).toEqual({ ok: true, ms: 1100 });
    expect(readBudget('0.1')).toEqual({ ok: true, ms: 100 });
    expect(readBudget('.25')).toEqual({ ok: true, ms: 250 });
    expect(readBudget('2.')).toEqual({ ok: true, ms: 2000 });
    expect(readBudget('1.2340')).toEqual({ ok: true, ms: 1234 });
    expect(readBudget('600')).toEqual({ ok: true, ms: 600_000 });
    expect(readBudget('')).toEqual({ ok: true, ms: undefined });
    for (const ms of [100, 1234, 4567, 30_000, 599_999])
      expect(
        readBudget(draftOf({ document: { routing: { budgetMs: ms } }, exposureWindowDays: 1 }).budgetSeconds),
      ).toEqual({ ok: true, ms });
  });

  test('out of range, finer than a millisecond, or not a number: an error on the field, nothing to save', () => {
    for (const text of ['0.09', '0', '-5', '600.001', '99999999999999999999', '0.00001'])
      expect(errorsOf(draft({ budgetSeconds: text })), text).toEqual({
        budgetSeconds: 'settings.error.budgetRange',
      });
    expect(readBudget('0')).toEqual({
      ok: false,
      error: { key: 'settings.error.budgetRange', params: { min: 0.1, max: 600 } },
    });
    expect(errorsOf(draft({ budgetSeconds: '1.2345' }))).toEqual({
      budgetSeconds: 'settings.error.budgetPrecision',
    });
    for (const text of ['abc', '5 s', '1,5', '.', '1.2.3', '+5', '1e3', 'NaN', 'Infinity'])
      expect(errorsOf(draft({ budgetSeconds: text })), text).toEqual({
        budgetSeconds: 'settings.error.budget',
      });
    // As typed, an invalid budget gives a document the gate's parser refuses too.
    expect(() => parsePolicy(documentOf(draft({ budgetSeconds: '1.2345' })))).toThrow('routing.budgetMs');
    expect(() => parsePolicy(documentOf(draft({ budgetSeconds: 'abc' })))).toThrow('routing.budgetMs');
  });

  test('changing the profile keeps an explicit budget; the default follows the profile', () => {
    expect(withProfile(draft({ budgetSeconds: '5' }), 'expert').budgetSeconds).toBe('5');
    expect(withProfile(draft(), 'conservative').budgetSeconds).toBe('');
    expect(defaultBudgetSeconds('conservative')).toBe(60);
    expect(defaultBudgetSeconds('balanced')).toBe(30);
    expect(defaultBudgetSeconds('expert')).toBe(10);
  });

  test("the parser's and the store's error path goes to the budget field", () => {
    expect(fieldOfPath('routing.budgetMs', draft())).toBe('budgetSeconds');
    expect(fieldOfPath('routing', draft())).toBe('budgetSeconds');
  });
});
