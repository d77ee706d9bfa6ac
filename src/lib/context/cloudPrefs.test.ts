import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkCloudConfig } from '$lib/cloud/config';
import {
  type CloudInput,
  type CloudProblem,
  checkCloudInput,
  DEFAULT_CLOUD_TIMEOUT_MS,
  describeCloudProblem,
  MIN_CLOUD_TIMEOUT_MS,
  toCloudPrefs,
  upgradeCloudPrefs,
} from './cloudPrefs';
import { ContextError } from './errors';
import type { CloudPrefs } from './records';

const good: CloudInput = {
  enabled: true,
  baseUrl: 'https://api.example.com/v1',
  model: 'dmind-3',
  apiKey: 'sk-test',
  timeoutMs: 2_000,
  profile: 'default',
};

const problems = (input: unknown): readonly CloudProblem[] => {
  const check = checkCloudInput(input);
  return check.ok ? [] : check.problems;
};

describe('checkCloudInput', () => {
  test('a good input gives the record, text trimmed', () => {
    expect(checkCloudInput({ ...good, baseUrl: ' https://api.example.com/v1/ ', model: '\tm ' })).toEqual({
      ok: true,
      prefs: {
        id: 'cloud',
        enabled: true,
        baseUrl: 'https://api.example.com/v1/',
        model: 'm',
        apiKey: 'sk-test',
        profile: 'default',
        timeoutMs: 2_000,
      },
    });
  });

  test('base URLs: https anywhere, http only to this machine', () => {
    for (const url of [
      'https://api.example.com/v1',
      'https://api.example.com:8443',
      'http://127.0.0.1:8787/v1',
      'http://localhost:8000/v1',
      'http://[::1]:30000/v1',
    ])
      expect(problems({ ...good, baseUrl: url }), url).toEqual([]);
    const kind = (baseUrl: unknown) => problems({ ...good, baseUrl })[0];
    expect(kind('http://example.com/v1')).toEqual({ field: 'baseUrl', kind: 'https' });
    expect(kind('http://127.0.0.2/v1')).toEqual({ field: 'baseUrl', kind: 'https' });
    expect(kind('http://localhost.evil.com/v1')).toEqual({ field: 'baseUrl', kind: 'https' });
    expect(kind('ws://127.0.0.1/v1')).toEqual({ field: 'baseUrl', kind: 'https' });
    expect(kind('javascript:alert(1)')).toEqual({ field: 'baseUrl', kind: 'https' });
    expect(kind('file:///etc/passwd')).toEqual({ field: 'baseUrl', kind: 'https' });
    expect(kind('http://example.com/v1?x=1')).toEqual({ field: 'baseUrl', kind: 'https' });
    expect(kind('https://a:b@api.example.com/v1')).toEqual({ field: 'baseUrl', kind: 'credentials' });
    expect(kind('https://api.example.com/v1?key=sk')).toEqual({ field: 'baseUrl', kind: 'query' });
    expect(kind('https://api.example.com/v1#x')).toEqual({ field: 'baseUrl', kind: 'query' });
    expect(kind('')).toEqual({ field: 'baseUrl', kind: 'empty' });
    expect(kind('   ')).toEqual({ field: 'baseUrl', kind: 'empty' });
    expect(kind('api.example.com/v1')).toEqual({ field: 'baseUrl', kind: 'notUrl' });
    expect(kind('https://api.example .com/v1')).toEqual({ field: 'baseUrl', kind: 'notUrl' });
    expect(kind('https://api.exam\tple.com/v1')).toEqual({ field: 'baseUrl', kind: 'notUrl' });
    expect(kind('https://api.example.com/\u202ev1')).toEqual({ field: 'baseUrl', kind: 'notUrl' });
    expect(kind(`https://x.example/${'a'.repeat(2_000)}`)).toEqual({ field: 'baseUrl', kind: 'long' });
    expect(kind(42)).toEqual({ field: 'baseUrl', kind: 'notUrl' });
  });

  test('model, key and timeout as the cloud client checks them', () => {
    expect(problems({ ...good, model: '' })).toEqual([{ field: 'model', kind: 'empty' }]);
    expect(problems({ ...good, model: 'm'.repeat(257) })).toEqual([{ field: 'model', kind: 'long' }]);
    expect(problems({ ...good, model: 'm'.repeat(256) })).toEqual([]);
    expect(problems({ ...good, model: 'a\u0000b' })).toEqual([{ field: 'model', kind: 'chars' }]);
    expect(problems({ ...good, apiKey: '' })).toEqual([]);
    expect(problems({ ...good, apiKey: 'sk test' })).toEqual([{ field: 'apiKey', kind: 'chars' }]);
    expect(problems({ ...good, apiKey: 'sk-\u00e9' })).toEqual([{ field: 'apiKey', kind: 'chars' }]);
    expect(problems({ ...good, apiKey: 'k'.repeat(4_096) })).toEqual([]);
    expect(problems({ ...good, apiKey: 'k'.repeat(4_097) })).toEqual([{ field: 'apiKey', kind: 'long' }]);
    for (const timeoutMs of [MIN_CLOUD_TIMEOUT_MS, 2_000, 300_000])
      expect(problems({ ...good, timeoutMs })).toEqual([]);
    for (const timeoutMs of [
      0,
      -1,
      249,
      300_001,
      2_000.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '2000',
      null,
    ])
      expect(problems({ ...good, timeoutMs }), String(timeoutMs)).toEqual([
        { field: 'timeoutMs', kind: 'range' },
      ]);
  });

  test('profiles and the override', () => {
    const override = { amount: 'exact', counterparty: 'hide', freeText: 'shape', timing: 'month' } as const;
    expect(problems({ ...good, profile: 'override', override })).toEqual([]);
    expect(problems({ ...good, profile: 'override' })).toEqual([{ field: 'override', kind: 'invalid' }]);
    expect(problems({ ...good, profile: 'override', override: { ...override, timing: undefined } })).toEqual([
      { field: 'override', kind: 'invalid' },
    ]);
    expect(
      problems({ ...good, profile: 'override', override: { ...override, privateContext: 'exact' } }),
    ).toEqual([{ field: 'override', kind: 'invalid' }]);
    expect(problems({ ...good, profile: 'lax' })).toEqual([{ field: 'profile', kind: 'unknown' }]);
    // With another profile a valid override is not saved; an invalid one is still refused.
    const strict = checkCloudInput({ ...good, profile: 'strict', override });
    expect(strict.ok && strict.prefs).not.toHaveProperty('override');
    expect(problems({ ...good, profile: 'strict', override: 'exact' })).toEqual([
      { field: 'override', kind: 'invalid' },
    ]);
  });

  test('the key: left out keeps the saved one for the same origin only; empty removes it', () => {
    const { apiKey: _, ...noKey } = good;
    const saved = { apiKey: 'sk-saved', baseUrl: 'https://api.example.com/v1' };
    const key = (input: object) => {
      const check = checkCloudInput(input, saved);
      return check.ok ? check.prefs.apiKey : check.problems;
    };
    expect(key(noKey)).toBe('sk-saved');
    expect(key({ ...noKey, baseUrl: 'https://api.example.com:443/v2/' })).toBe('sk-saved');
    // Another server never receives the saved key.
    expect(key({ ...noKey, baseUrl: 'https://api.example.org/v1' })).toBe('');
    expect(key({ ...noKey, baseUrl: 'https://api.example.com:8443/v1' })).toBe('');
    expect(key({ ...noKey, baseUrl: 'http://127.0.0.1:8787/v1' })).toBe('');
    expect(key({ ...good, baseUrl: 'http://127.0.0.1:8787/v1' })).toBe('sk-test');
    expect(key({ ...good, apiKey: '  ' })).toBe('');
    const none = checkCloudInput(noKey);
    expect(none.ok && none.prefs.apiKey).toBe('');
  });

  test('every problem is listed, in field order', () => {
    expect(
      problems({
        enabled: 1,
        baseUrl: 'http://x.example',
        model: '',
        apiKey: ' a b ',
        timeoutMs: 1,
        profile: 'x',
      }).map((p) => p.field),
    ).toEqual(['enabled', 'baseUrl', 'model', 'apiKey', 'timeoutMs', 'profile']);
  });

  test('property: never throws; what it accepts the cloud client accepts', () => {
    let accepted = 0;
    const valid = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ arbitrary, weight: 9 }, fc.anything());
    fc.assert(
      fc.property(
        fc.record(
          {
            enabled: valid(fc.boolean()),
            baseUrl: valid(
              fc.oneof(
                fc.constantFrom(
                  'https://api.example.com/v1',
                  'http://127.0.0.1:8787/v1',
                  'http://example.com',
                ),
                fc.webUrl(),
                fc.string({ maxLength: 40 }),
              ),
            ),
            model: valid(fc.string({ maxLength: 40 })),
            apiKey: valid(fc.oneof(fc.stringMatching(/^[\x21-\x7e]{0,40}$/), fc.string({ maxLength: 40 }))),
            timeoutMs: valid(fc.oneof(fc.integer({ min: 0, max: 400_000 }), fc.double())),
            profile: valid(fc.constantFrom('strict', 'default', 'override')),
            override: fc.oneof(
              fc.constant(undefined),
              fc.record({
                amount: fc.constantFrom('hide', 'magnitude', 'bucket', 'exact'),
                counterparty: fc.constantFrom('hide', 'pseudonym', 'exact'),
                freeText: fc.constantFrom('hide', 'shape', 'exact'),
                timing: fc.constantFrom('hide', 'month', 'exact'),
              }),
              fc.anything(),
            ),
          },
          { requiredKeys: ['enabled', 'baseUrl', 'model', 'timeoutMs', 'profile'] },
        ),
        (input) => {
          const check = checkCloudInput(input);
          if (!check.ok) {
            expect(check.problems.length).toBeGreaterThan(0);
            for (const problem of check.problems) expect(describeCloudProblem(problem)).not.toBe('');
            return;
          }
          accepted++;
          const { baseUrl, model, apiKey, timeoutMs } = check.prefs;
          expect(() => checkCloudConfig({ baseUrl, model, apiKey, timeoutMs })).not.toThrow();
        },
      ),
      { numRuns: 500 },
    );
    expect(accepted).toBeGreaterThan(0);
  });
});

describe('toCloudPrefs', () => {
  test('stamps the time; refuses with invalidInput at the first bad field, never echoing the key', () => {
    expect(toCloudPrefs(good, 7)).toMatchObject({ id: 'cloud', updatedAt: 7, apiKey: 'sk-test' });
    let error: unknown;
    try {
      toCloudPrefs({ ...good, apiKey: 'sk-very secret', model: '' }, 7);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContextError);
    expect(error).toMatchObject({ code: 'invalidInput', path: 'model' });
    expect(() => toCloudPrefs({ ...good, apiKey: 'sk-very secret' }, 7)).toThrow(
      'An API key has only printable ASCII characters, without spaces.',
    );
    expect(() => toCloudPrefs(null as never, 7)).toThrow(ContextError);
  });

  test('keeps the saved key when none is typed', () => {
    const saved = toCloudPrefs(good, 1);
    const { apiKey: _, ...noKey } = good;
    expect(toCloudPrefs(noKey, 2, saved).apiKey).toBe('sk-test');
  });

  test('the English sentence for each problem', () => {
    expect(describeCloudProblem({ field: 'baseUrl', kind: 'https' })).toBe(
      'The base URL must use https (plain http only to 127.0.0.1 or localhost, for a server on this machine).',
    );
    expect(describeCloudProblem({ field: 'timeoutMs', kind: 'range' })).toBe(
      'The timeout is a whole number of milliseconds from 250 to 300000.',
    );
  });
});

describe('upgradeCloudPrefs', () => {
  test('an old record gets the default timeout; a current one is returned as it is', () => {
    const old = { id: 'cloud', enabled: true, baseUrl: 'x', model: 'm', apiKey: '', profile: 'strict' };
    expect(upgradeCloudPrefs(old as CloudPrefs)).toEqual({ ...old, timeoutMs: DEFAULT_CLOUD_TIMEOUT_MS });
    const current = { ...old, timeoutMs: 900 } as CloudPrefs;
    expect(upgradeCloudPrefs(current)).toBe(current);
  });
});
