import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ParseError } from '../errors';
import { parsePayload } from './parsePayload';

const signed = Object.values(
  (
    JSON.parse(readFileSync('tests/fixtures/signed-transactions.json', 'utf8')) as {
      transactions: Record<string, string>;
    }
  ).transactions,
);
const corpusLines = readFileSync('tests/fixtures/corpus-sample.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(0, 60);
const seeds = [
  ...signed,
  ...corpusLines,
  '0xa9059cbb000000000000000000000000d8da6bf26964af9d7eed9e03e53415d37aa960450000000000000000000000000000000000000000000000000000000005f5e100',
  'ethereum:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48@1/transfer?address=0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045&uint256=1e6',
  '{"method":"personal_sign","params":["0x48656c6c6f","0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045"]}',
];

/** Every outcome is a payload or a typed ParseError; never a throw, never an untyped failure. */
function checkTotal(input: string): void {
  const result = parsePayload(input);
  if (result.ok) expect(typeof result.payload.kind).toBe('string');
  else {
    expect(result.error).toBeInstanceOf(ParseError);
    expect(result.error.code).toMatch(/^[a-zA-Z]+$/);
    // An unexpected internal exception surfaces as 'unrecognized' with a cause that is not a ParseError;
    // none must happen on any input.
    expect(
      result.error.cause instanceof Error &&
        !(result.error.cause instanceof ParseError) &&
        result.error.code === 'unrecognized',
    ).toBe(false);
  }
}

/** Mutations a paste can suffer: a character changed, dropped, inserted, or the text cut short. */
const mutated = fc
  .record({
    seed: fc.constantFrom(...seeds),
    op: fc.constantFrom('replace', 'delete', 'insert', 'truncate'),
    at: fc.nat(),
    char: fc.constantFrom(
      '0',
      'f',
      'g',
      'x',
      ' ',
      '"',
      '{',
      '}',
      '[',
      ',',
      ':',
      '\\',
      '\u0000',
      '\u202e',
      '9',
      'e',
    ),
  })
  .map(({ seed, op, at, char }) => {
    const i = at % Math.max(seed.length, 1);
    if (op === 'replace') return seed.slice(0, i) + char + seed.slice(i + 1);
    if (op === 'delete') return seed.slice(0, i) + seed.slice(i + 1);
    if (op === 'insert') return seed.slice(0, i) + char + seed.slice(i);
    return seed.slice(0, i);
  });

describe('parsePayload never throws and every failure is typed', () => {
  test('random strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), checkTotal), { numRuns: 2000 });
  });

  test('random hex', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (bytes, prefix) => {
        const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
        checkTotal(prefix ? `0x${hex}` : hex);
      }),
      { numRuns: 2000 },
    );
  });

  test('random JSON values', () => {
    fc.assert(fc.property(fc.json({ maxDepth: 6 }), checkTotal), { numRuns: 1500 });
  });

  test('mutated real inputs', () => {
    fc.assert(fc.property(mutated, checkTotal), { numRuns: 3000 });
  });
});

describe('nothing accepted that should not be', () => {
  test('a signed transaction with any single byte changed never recovers the original sender', () => {
    const raw = signed[2] as string;
    const sender = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: raw.length - 1 }),
        fc.constantFrom(...'0123456789abcdef'),
        (i, c) => {
          if (raw[i] === c) return;
          const result = parsePayload(raw.slice(0, i) + c + raw.slice(i + 1));
          if (result.ok && result.payload.kind === 'rawTransaction')
            expect(result.payload.tx.from).not.toBe(sender);
        },
      ),
      { numRuns: 800 },
    );
    // 800 secp256k1 recoveries: about 3 s on an idle 2-core machine, more under load.
  }, 30_000);

  test('accepted hex calldata is exactly the input bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 200 }), (bytes) => {
        const hex = `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
        const result = parsePayload(hex);
        if (result.ok && result.payload.kind === 'calldata') expect(result.payload.data).toBe(hex);
      }),
      { numRuns: 1000 },
    );
  });

  test('accepted JSON quantities are exact', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 256n) - 1n }), fc.boolean(), (value, asHex) => {
        const text = asHex ? `0x${value.toString(16)}` : value.toString();
        const result = parsePayload(
          JSON.stringify({ to: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045', value: text }),
        );
        expect(result.ok && result.payload.kind === 'transaction' && result.payload.tx.value).toBe(value);
      }),
      { numRuns: 500 },
    );
  });
});
