import { describe, expect, test } from 'vitest';
import { promptHash } from './provenance';

describe('promptHash', () => {
  test('the SHA-256 of the messages: stable, and any change in role or content changes it', () => {
    const m = [
      { role: 'system' as const, content: 'a' },
      { role: 'user' as const, content: 'b' },
    ];
    expect(promptHash(m)).toMatch(/^0x[0-9a-f]{64}$/);
    expect(promptHash(m)).toBe(promptHash(JSON.parse(JSON.stringify(m))));
    expect(promptHash([m[0] as (typeof m)[0], { role: 'user', content: 'b ' }])).not.toBe(promptHash(m));
    expect(promptHash([{ role: 'user', content: 'a' }, m[1] as (typeof m)[1]])).not.toBe(promptHash(m));
    // No ambiguity from concatenation.
    expect(promptHash([{ role: 'user', content: 'ab' }])).not.toBe(
      promptHash([
        { role: 'user', content: 'a' },
        { role: 'user', content: 'b' },
      ]),
    );
  });
});
