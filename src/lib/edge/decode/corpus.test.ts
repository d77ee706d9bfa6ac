import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { intentOfPayload } from '../intent/intentOfPayload';
import { parsePayload } from '../parse/parsePayload';
import { decodePayloadCalls } from './decodePayloadCalls';

/** Regression floor over the vendored ERC-7730 corpus cases: recognition may never drop below what it is. */
const cases = readFileSync('tests/fixtures/corpus-sample.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => ({
    line,
    c: JSON.parse(line) as { id: string; kind: string; expect: { function?: string } },
  }))
  .filter(({ c }) => c.kind === 'tx' && c.expect.function);

test(`every corpus transaction's top-level function is recognized (${cases.length} cases)`, () => {
  const misses: string[] = [];
  for (const { line, c } of cases) {
    const parsed = parsePayload(line);
    if (!parsed.ok) throw new Error(`${c.id}: ${parsed.error.message}`);
    const intent = intentOfPayload(parsed.payload, decodePayloadCalls(parsed.payload));
    if (intent.function !== c.expect.function)
      misses.push(`${c.id}: ${intent.function} ≠ ${c.expect.function}`);
    expect(intent.confidence, c.id).toBeGreaterThan(0);
  }
  expect(misses).toEqual([]);
});
