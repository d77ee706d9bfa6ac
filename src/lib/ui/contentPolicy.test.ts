import { describe, expect, test } from 'vitest';
import { CspUrlError } from '$lib/cloud/csp';
import { cloudAllowedHere, documentPolicy } from './contentPolicy';

/** A document with these CSP meta tags, as far as contentPolicy reads one. */
function page(origin: string, ...metas: string[]): Document {
  return {
    location: { origin },
    querySelectorAll: (selector: string) => {
      expect(selector).toBe('meta[http-equiv="content-security-policy" i]');
      return metas.map((content) => ({ content }));
    },
  } as unknown as Document;
}

describe('without a document (vitest, Node)', () => {
  test('there is no policy to ask', () => {
    expect(globalThis.document).toBeUndefined();
    expect(documentPolicy()).toBeUndefined();
    expect(cloudAllowedHere('https://api.example.com/v1/chat/completions')).toBeUndefined();
  });
});

describe('a page without a CSP meta tag', () => {
  test('says nothing either way', () => {
    const doc = page('http://127.0.0.1:4173');
    expect(documentPolicy(doc)).toBeUndefined();
    expect(cloudAllowedHere('https://api.example.com/v1', doc)).toBeUndefined();
  });
});

describe('a page with a policy', () => {
  const policy = "default-src 'self'; connect-src 'self' http://127.0.0.1:* https://api.example.com";
  const doc = page('http://127.0.0.1:4173', policy);

  test('documentPolicy is the meta tag’s content', () => {
    expect(documentPolicy(doc)).toBe(policy);
  });

  test.each([
    ['https://api.example.com/v1/chat/completions', true],
    ['http://127.0.0.1:8000/v1/chat/completions', true],
    ['https://other.example.com/v1/chat/completions', false],
    ['http://[::1]:8000/v1/chat/completions', false],
  ])('%s → %s', (url, expected) => {
    expect(cloudAllowedHere(url, doc)).toBe(expected);
  });

  test('every meta policy must allow it (browsers enforce them all)', () => {
    const two = page('http://127.0.0.1:4173', policy, "connect-src 'self'");
    expect(documentPolicy(two)).toBe(policy);
    expect(cloudAllowedHere('https://api.example.com/v1', two)).toBe(false);
    expect(cloudAllowedHere('http://127.0.0.1:4173/models/manifest.json', two)).toBe(true);
  });

  test('a URL that is not one is refused with a clear error', () => {
    expect(() => cloudAllowedHere('api.example.com/v1', doc)).toThrow(CspUrlError);
  });
});
