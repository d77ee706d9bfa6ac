import { describe, expect, test } from 'vitest';
import type { CloudPrefs, PrefsRecord } from '../context/records';
import { emptyContext } from '../context/records';
import type { ContextSnapshot } from '../context/store';
import { cloudSetup, savedCloudPrefs } from './setup';

const prefs: CloudPrefs = {
  id: 'cloud',
  enabled: true,
  baseUrl: 'https://api.example.com/v1',
  model: 'dmind-3',
  apiKey: 'sk-test',
  profile: 'strict',
  timeoutMs: 2_000,
  updatedAt: 1,
};

const override = { amount: 'exact', counterparty: 'pseudonym', freeText: 'hide', timing: 'month' } as const;

describe('cloudSetup', () => {
  test('an enabled, usable record: the config and the profile', () => {
    expect(cloudSetup(prefs)).toEqual({
      config: {
        baseUrl: 'https://api.example.com/v1',
        model: 'dmind-3',
        apiKey: 'sk-test',
        timeoutMs: 2_000,
      },
      profile: 'strict',
    });
  });

  test('no key: the config has none (not an empty one)', () => {
    const setup = cloudSetup({ ...prefs, apiKey: '', baseUrl: 'http://127.0.0.1:8787/v1' });
    expect(setup?.config).toEqual({
      baseUrl: 'http://127.0.0.1:8787/v1',
      model: 'dmind-3',
      timeoutMs: 2_000,
    });
    expect(setup?.config).not.toHaveProperty('apiKey');
  });

  test('the override profile carries its choices; the others never do', () => {
    expect(cloudSetup({ ...prefs, profile: 'override', override })).toEqual({
      config: expect.objectContaining({ model: 'dmind-3' }),
      profile: 'override',
      override,
    });
    const setup = cloudSetup({ ...prefs, profile: 'default', override });
    expect(setup?.profile).toBe('default');
    expect(setup).not.toHaveProperty('override');
  });

  test('none saved, or disabled: undefined', () => {
    expect(cloudSetup(undefined)).toBeUndefined();
    expect(cloudSetup({ ...prefs, enabled: false })).toBeUndefined();
  });

  test('unusable records: undefined, never a guess', () => {
    const unusable: Record<string, unknown>[] = [
      { baseUrl: 'http://example.com/v1' },
      { baseUrl: '' },
      { baseUrl: 'https://user:pw@example.com/v1' },
      { model: '' },
      { model: 'm'.repeat(257) },
      { apiKey: 'has spaces in it' },
      { timeoutMs: 0 },
      { timeoutMs: 300_001 },
      { timeoutMs: Number.NaN },
      { profile: 'lax' },
      { profile: 'override' },
      { profile: 'override', override: { ...override, amount: 'all' } },
      { profile: 'override', override: { amount: 'exact' } },
      { enabled: 'true' },
      { id: 'models' },
      { baseUrl: 42 },
    ];
    for (const change of unusable)
      expect(cloudSetup({ ...prefs, ...change } as CloudPrefs), JSON.stringify(change)).toBeUndefined();
  });

  test('a record from before the timeout existed runs with the default', () => {
    const { timeoutMs: _, ...old } = prefs;
    expect(cloudSetup(old as CloudPrefs)?.config.timeoutMs).toBe(2_000);
  });

  test('the result is a copy: changing it does not change the record', () => {
    const record = { ...prefs, profile: 'override' as const, override: { ...override } };
    const setup = cloudSetup(record);
    expect(setup?.override).not.toBe(record.override);
  });
});

describe('savedCloudPrefs', () => {
  const snapshot = (status: ContextSnapshot['status'], records: readonly PrefsRecord[]): ContextSnapshot => ({
    status,
    data: { ...emptyContext, prefs: records },
  });

  test('ready: the cloud record among the others, or undefined', () => {
    const models = { id: 'models', loadAtStart: false } as const;
    const wc = { id: 'walletconnect', projectId: '0123456789abcdef0123456789abcdef' } as const;
    expect(savedCloudPrefs(snapshot('ready', [models, prefs, wc]))).toEqual(prefs);
    expect(savedCloudPrefs(snapshot('ready', [models, wc]))).toBeUndefined();
    expect(savedCloudPrefs(snapshot('ready', []))).toBeUndefined();
  });

  test('not ready (locked, opening, unavailable…): undefined, so no cloud', () => {
    for (const status of [
      'opening',
      'blocked',
      'locked',
      'unavailable',
      'stale',
      'newerVersion',
      'closed',
    ] as const)
      expect(savedCloudPrefs(snapshot(status, [prefs]))).toBeUndefined();
  });

  test('an old record comes back with the default timeout, and cloudSetup takes it', () => {
    const { timeoutMs: _, ...old } = prefs;
    const saved = savedCloudPrefs(snapshot('ready', [old as CloudPrefs]));
    expect(saved).toEqual({ ...old, timeoutMs: 2_000 });
    expect(cloudSetup(saved)?.config.timeoutMs).toBe(2_000);
  });
});
