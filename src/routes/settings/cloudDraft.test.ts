import { describe, expect, test } from 'vitest';
import type { CloudPrefs } from '$lib/context/records';
import { en, type MessageKey } from '$lib/i18n/en';
import { interpolate, type MessageParams } from '$lib/i18n/i18n.svelte';
import { zh } from '$lib/i18n/zh';
import {
  draftOf,
  hostOf,
  inputOf,
  keyState,
  LOOPBACK_DEMO,
  problemsOf,
  testSetupOf,
  timeoutOf,
  withDemo,
} from './cloudDraft';
import { outcomeWords, problemWords } from './cloudWords';

const saved: CloudPrefs = {
  id: 'cloud',
  enabled: true,
  baseUrl: 'https://api.example.com/v1',
  model: 'dmind-3',
  apiKey: 'sk-saved',
  profile: 'override',
  override: { amount: 'exact', counterparty: 'hide', freeText: 'shape', timing: 'month' },
  timeoutMs: 3_000,
  updatedAt: 5,
};

const tEn = (key: MessageKey, params?: MessageParams) => interpolate(en[key], params);
const tZh = (key: MessageKey, params?: MessageParams) => interpolate(zh[key], params);

describe('the cloud settings draft', () => {
  test('a first setup: off, strict, 2000 ms; a saved record: as saved, without its key', () => {
    expect(draftOf(undefined)).toEqual({
      enabled: false,
      baseUrl: '',
      model: '',
      apiKey: '',
      clearKey: false,
      timeout: '2000',
      profile: 'strict',
      override: { amount: 'bucket', counterparty: 'pseudonym', freeText: 'shape', timing: 'month' },
    });
    const draft = draftOf(saved);
    expect(draft).toMatchObject({ enabled: true, baseUrl: saved.baseUrl, timeout: '3000', apiKey: '' });
    expect(JSON.stringify(draft)).not.toContain('sk-saved');
    expect(draft.override).not.toBe(saved.override);
  });

  test('the timeout field: digits with separators, anything else is not a number', () => {
    expect(timeoutOf(' 2000 ')).toBe(2_000);
    expect(timeoutOf('2,500')).toBe(2_500);
    expect(timeoutOf('2 500')).toBe(2_500);
    for (const text of ['', '2e3', '-1', '1.5', '0x10', 'abc', '9999999999'])
      expect(timeoutOf(text), text).toBeNaN();
  });

  test('what is saved: a typed key, an empty one to remove, none to keep; the override only under override', () => {
    const draft = draftOf(saved);
    expect(inputOf(draft)).toEqual({
      enabled: true,
      baseUrl: saved.baseUrl,
      model: 'dmind-3',
      timeoutMs: 3_000,
      profile: 'override',
      override: saved.override,
    });
    expect(inputOf({ ...draft, apiKey: ' sk-new ' }).apiKey).toBe('sk-new');
    expect(inputOf({ ...draft, clearKey: true }).apiKey).toBe('');
    expect(inputOf({ ...draft, profile: 'strict' })).not.toHaveProperty('override');
  });

  test('the key’s state: kept for the same server, never carried to another', () => {
    const draft = draftOf(saved);
    expect(keyState(draft, saved)).toBe('kept');
    expect(keyState({ ...draft, apiKey: 'sk-new' }, saved)).toBe('replaced');
    expect(keyState({ ...draft, clearKey: true }, saved)).toBe('removed');
    expect(keyState({ ...draft, baseUrl: 'https://other.example/v1' }, saved)).toBe('otherServer');
    expect(keyState(draftOf(undefined), undefined)).toBe('none');
    expect(keyState(draft, { ...saved, apiKey: '' })).toBe('none');
  });

  test('the demo: the loopback URL and model, and the saved key is not sent to it', () => {
    const demo = withDemo(draftOf(saved));
    expect(demo).toMatchObject({ ...LOOPBACK_DEMO, apiKey: '', clearKey: true });
    const setup = testSetupOf(demo, saved);
    expect(setup.ok && setup.config).toEqual({ ...LOOPBACK_DEMO, timeoutMs: 3_000 });
    expect(keyState(demo, saved)).toBe('removed');
  });

  test('a test uses the saved key only for its own server', () => {
    const same = testSetupOf(draftOf(saved), saved);
    expect(same.ok && same.config.apiKey).toBe('sk-saved');
    expect(same.ok && same.override).toEqual(saved.override);
    const moved = testSetupOf({ ...draftOf(saved), baseUrl: 'http://127.0.0.1:9999/v1' }, saved);
    expect(moved.ok && moved.config).not.toHaveProperty('apiKey');
  });

  test('problems by field, in both languages', () => {
    const problems = problemsOf(
      { ...draftOf(undefined), baseUrl: 'http://example.com/v1', timeout: 'soon', profile: 'override' },
      undefined,
    );
    expect(Object.keys(problems)).toEqual(['baseUrl', 'model', 'timeoutMs']);
    expect(problemWords(problems.baseUrl as never, tEn)).toMatch(/must use https/);
    expect(problemWords(problems.timeoutMs as never, tEn)).toBe(
      'Enter a whole number of milliseconds from 250 to 300000.',
    );
    expect(problemWords(problems.timeoutMs as never, tZh)).toBe('请输入 250 到 300000 之间的整数毫秒数。');
    expect(problemWords({ field: 'apiKey', kind: 'long' }, tEn)).toBe(
      'An API key has at most 4096 characters.',
    );
    const bad = testSetupOf({ ...draftOf(undefined), baseUrl: 'ftp://x' }, undefined);
    expect(bad.ok).toBe(false);
  });

  test('the host for the status line', () => {
    expect(hostOf('https://api.example.com:8443/v1')).toBe('api.example.com:8443');
    expect(hostOf('not a url')).toBe('not a url');
  });
});

describe('a test’s outcome in words', () => {
  const context = { ms: 123.4, timeoutMs: 2_000, locale: 'en' };
  test('advice: latency, reputation, risk and the suggested verdict', () => {
    const outcome = outcomeWords(
      {
        kind: 'advice',
        source: 'cloud',
        mode: 'foresight',
        reputation: 'known',
        incidents: [],
        context: 'c',
        risk: 0.2,
        suggested: 'allow',
        explanation: 'Fine.',
      },
      context,
      tEn,
    );
    expect(outcome).toEqual({
      tone: 'ok',
      reason: 'advice',
      line: 'Advice received in 123 ms: reputation “known”, risk 0.20, suggests “Allow”.',
      explanation: 'Fine.',
    });
  });

  test('no advice: each reason in words, with its detail', () => {
    const none = (reason: 'late' | 'unavailable' | 'failed' | 'malformed' | 'aborted', detail?: string) =>
      outcomeWords({ kind: 'none', reason, ...(detail && { detail }) }, context, tEn);
    expect(none('late').line).toMatch(/^Late: no answer within 2000 ms/);
    expect(none('unavailable', 'fetch failed').line).toMatch(/^Unavailable: .*\(fetch failed\)/);
    expect(none('failed', 'HTTP 500').line).toBe('Failed: HTTP 500.');
    expect(none('malformed', 'not JSON').line).toMatch(/^Malformed answer: .*\(not JSON\)/);
    expect(none('aborted').line).toBe('Test cancelled.');
    expect(none('unavailable').reason).toBe('unavailable');
  });
});
