import { describe, expect, test } from 'vitest';
import { en } from './en';
import { interpolate, localeFromLanguages } from './i18n.svelte';
import { zh } from './zh';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('catalogues', () => {
  test('en and zh have the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  test('no empty strings', () => {
    for (const [locale, messages] of Object.entries({ en, zh })) {
      for (const [key, value] of Object.entries(messages)) {
        expect(value.trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  test('the same {placeholders} per key', () => {
    for (const [key, value] of Object.entries(en)) {
      expect(placeholders(zh[key as keyof typeof en]), key).toEqual(placeholders(value));
    }
  });

  test('braces are only used for placeholders', () => {
    for (const messages of [en, zh]) {
      for (const [key, value] of Object.entries(messages)) {
        const stripped = value.replace(/\{\w+\}/g, '');
        expect(stripped, key).not.toMatch(/[{}]/);
      }
    }
  });
});

describe('interpolate', () => {
  test('fills placeholders', () => {
    expect(interpolate('Copy {label}', { label: 'To' })).toBe('Copy To');
  });

  test('keeps unknown placeholders', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

describe('localeFromLanguages', () => {
  test('zh-CN → zh', () => {
    expect(localeFromLanguages(['zh-CN', 'en'])).toBe('zh');
  });

  test('zh-Hant-TW → zh', () => {
    expect(localeFromLanguages(['zh-Hant-TW'])).toBe('zh');
  });

  test('de → en', () => {
    expect(localeFromLanguages(['de-DE'])).toBe('en');
  });

  test('first known tag wins', () => {
    expect(localeFromLanguages(['en-GB', 'zh'])).toBe('en');
  });
});
