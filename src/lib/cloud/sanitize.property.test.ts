import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { encodeFunctionData, getAddress, type Hex, parseAbi, stringToHex } from 'viem';
import { expect, test } from 'vitest';
import { inspect } from '../edge/inspect';
import { auditCase } from './auditCase';
import { findLeaks, forbiddenNeedles } from './leakSearch';
import { corpusCases, privacyCase, seededDraw } from './privacyCases';
import type { ProfileChoices } from './profiles';
import { isSanitized, sanitize } from './sanitize';
import type { PrivacyProfile } from './sanitized';

const corpus = corpusCases(readFileSync('tests/fixtures/corpus-sample.jsonl', 'utf8').split('\n'));
const signed = Object.values(
  (
    JSON.parse(readFileSync('tests/fixtures/signed-transactions.json', 'utf8')) as {
      transactions: Record<string, Hex>;
    }
  ).transactions,
);
const profiles: readonly PrivacyProfile[] = ['strict', 'default', 'override'];
const choicesArb: fc.Arbitrary<ProfileChoices> = fc.record({
  amount: fc.constantFrom('hide', 'magnitude', 'bucket', 'exact'),
  counterparty: fc.constantFrom('hide', 'pseudonym', 'exact'),
  freeText: fc.constantFrom('hide', 'shape', 'exact'),
  timing: fc.constantFrom('hide', 'month', 'exact'),
});
const addressArb = fc
  .uint8Array({ minLength: 20, maxLength: 20 })
  .map((b) => getAddress(`0x${Buffer.from(b).toString('hex')}`));
const saltArb = fc.uint8Array({ minLength: 16, maxLength: 32 });

test('generated corpus and synthetic requests: no forbidden value under any profile or override', () => {
  fc.assert(
    fc.property(
      fc.integer(),
      fc.constantFrom(...profiles),
      choicesArb,
      saltArb,
      (seed, profile, override, salt) => {
        const testCase = privacyCase(seededDraw(seed), corpus, signed);
        const outcome = auditCase({ testCase, profile, salt, ...(profile === 'override' && { override }) });
        if (outcome.status === 'checked') expect(outcome.leaks.map((l) => l.what)).toEqual([]);
      },
    ),
    { numRuns: Number(process.env.PROP_RUNS ?? 400) },
  );
}, 120_000);

const abi = parseAbi(['function transfer(address to, uint256 amount)']);

test('arbitrary amounts, nonces and free text from fast-check never leak where forbidden', () => {
  fc.assert(
    fc.property(
      addressArb,
      addressArb,
      fc.bigInt({ min: 10n ** 9n, max: 2n ** 256n - 1n }),
      fc.bigInt({ min: 10n ** 9n, max: 2n ** 64n - 2n }),
      fc.string({ minLength: 6, maxLength: 80, unit: 'grapheme' }),
      fc.constantFrom(...profiles),
      saltArb,
      (self, recipient, amount, nonce, words, profile, salt) => {
        const data = encodeFunctionData({ abi, functionName: 'transfer', args: [recipient, amount] });
        const tx = {
          chainId: '0x1',
          from: self,
          to: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
          data,
          nonce: `0x${nonce.toString(16)}`,
        };
        const sign = { method: 'personal_sign', params: [stringToHex(`note:${words} ${self}`) as Hex, self] };
        for (const input of [
          JSON.stringify({ method: 'eth_sendTransaction', params: [tx] }),
          JSON.stringify(sign),
        ]) {
          const result = inspect(input);
          if (!result.ok) continue;
          const request = sanitize({ result, profile, salt });
          expect(isSanitized(request)).toBe(true);
          const text = JSON.stringify(request.body);
          const exposure = { counterparty: false, amount: false, timing: false, freeText: false };
          const needles = forbiddenNeedles(
            {
              private: [self],
              names: [],
              numbers: [nonce],
              hex: [],
              counterparties: [recipient],
              amounts: [{ value: amount, decimals: 6 }],
              timings: [],
              // `note:` makes the text impossible to confuse with the body's own keys and values.
              texts: [`note:${words}`],
            },
            exposure,
          );
          expect(findLeaks(text, needles).map((l) => l.what)).toEqual([]);
        }
      },
    ),
    { numRuns: Number(process.env.PROP_RUNS ?? 200) },
  );
}, 120_000);
