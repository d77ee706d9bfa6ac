import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ContextError } from './errors';
import { checkProjectId, PROJECT_ID_PATTERN, savedProjectId, toProjectId } from './projectId';

const valid = '0123456789abcdef0123456789abcdef';

function refusal(text: string): ContextError {
  try {
    toProjectId(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ContextError);
    return error as ContextError;
  }
  throw new Error(`expected ${JSON.stringify(text.slice(0, 40))} to be refused`);
}

describe('toProjectId', () => {
  test('32 hex characters', () => {
    expect(toProjectId(valid)).toBe(valid);
  });

  test('whitespace around it is dropped, upper case is lowered', () => {
    expect(toProjectId(`  \t${valid.toUpperCase()}\n `)).toBe(valid);
  });

  test('empty and blank', () => {
    for (const text of ['', '   ', '\n\t']) {
      const error = refusal(text);
      expect(error.code).toBe('invalidInput');
      expect(error.path).toBe('projectId');
      expect(error.message).toMatch(/Enter a WalletConnect project id/);
    }
  });

  test('31 and 33 characters', () => {
    expect(refusal(valid.slice(1)).message).toBe(
      'A WalletConnect project id has 32 hexadecimal characters; this one has 31.',
    );
    expect(refusal(`${valid}0`).message).toMatch(/this one has 33\.$/);
  });

  test('non-hex characters are named', () => {
    expect(refusal(`${valid.slice(0, 31)}g`).message).toMatch(/"g" is not one of them/);
    expect(refusal(`0x${valid.slice(2)}`).message).toMatch(/"x" is not one of them/);
    expect(refusal(`${valid.slice(0, 16)} ${valid.slice(16)}`).message).toMatch(/U\+0020 is not one of them/);
  });

  test('hostile strings are refused and quoted safely', () => {
    for (const text of [
      `<script>alert(1)</script>${valid}`,
      `${valid}"; DROP TABLE prefs; --`,
      `${valid}\u0000`,
      `\u202e${valid}`,
      `${valid.slice(0, 31)}\u{1F600}`,
      'javascript:alert(1)',
      `${valid}\r\nX-Injected: 1`,
    ]) {
      const error = refusal(text);
      expect(error.path).toBe('projectId');
      expect(error.message.length).toBeLessThan(200);
      // Control characters appear escaped, never raw.
      expect([...error.message].some((c) => (c.codePointAt(0) ?? 0) < 0x20 || c === '\u202e')).toBe(false);
    }
    expect(refusal(`${valid.slice(0, 31)}\u{1F600}`).message).toContain('"\u{1F600}"');
    expect(refusal(`\u202e${valid}`).message).toContain('U+202E is not one of them');
    expect(refusal(`${valid}\u0000`).message).toContain('U+0000 is not one of them');
  });

  test('huge strings are refused with a short message', () => {
    const hex = 'a'.repeat(5_000_000);
    expect(refusal(hex).message).toMatch(/this one has 5000000\.$/);
    const junk = `${'a'.repeat(1_000_000)}z`;
    expect(refusal(junk).message).toMatch(/"z" is not one of them/);
  });

  test('property: accepted means 32 lowercase hex, and every 32-hex string is accepted', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 64 }), (text) => {
        const check = checkProjectId(text);
        if (check.ok) {
          expect(check.projectId).toMatch(PROJECT_ID_PATTERN);
          expect(check.projectId).toBe(text.trim().toLowerCase());
        } else expect(() => toProjectId(text)).toThrow(ContextError);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-fA-F]{32}$/), (id) => {
        expect(toProjectId(id)).toBe(id.toLowerCase());
      }),
    );
  });
});

describe('savedProjectId', () => {
  const record = { id: 'walletconnect', projectId: valid } as const;
  test('ready: the saved id, or null', () => {
    expect(savedProjectId({ status: 'ready', data: { prefs: [record] } })).toBe(valid);
    expect(savedProjectId({ status: 'ready', data: { prefs: [] } })).toBeNull();
    expect(
      savedProjectId({ status: 'ready', data: { prefs: [{ id: 'models', loadAtStart: true }] } }),
    ).toBeNull();
  });

  test('a stored value that is not a project id counts as none', () => {
    expect(
      savedProjectId({ status: 'ready', data: { prefs: [{ ...record, projectId: 'wss://x' }] } }),
    ).toBeNull();
  });

  test('not ready (locked, opening, unavailable): not known', () => {
    for (const status of ['locked', 'opening', 'unavailable', 'stale'])
      expect(savedProjectId({ status, data: { prefs: [record] } })).toBeUndefined();
  });
});
