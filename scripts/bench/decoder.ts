/**
 * Decoder benchmark over the vendored corpus (tests/fixtures/corpus-sample.jsonl): function
 * recognition %, argument-extraction exact match %, and decode latency percentiles in Node.
 * Run with `npm run bench` (after the vitest benches) or `npx tsx scripts/bench/decoder.ts`.
 */
import { performance } from 'node:perf_hooks';
import { decodePayloadCalls } from '../../src/lib/edge/decode/decodePayloadCalls';
import { intentOfPayload } from '../../src/lib/edge/intent/intentOfPayload';
import type { IntentArgValue } from '../../src/lib/edge/intent/types';
import { parsePayload } from '../../src/lib/edge/parse/parsePayload';
import type { Payload } from '../../src/lib/edge/payload';
import { readCorpus } from './corpus';
import { summarize } from './percentile';

type Case = {
  id: string;
  kind: string;
  rawTx?: string;
  typedData?: unknown;
  expect: { function?: string; primaryType?: string };
  derived?: { args?: unknown[] };
};

const rounds = Number(process.env.BENCH_ROUNDS ?? 30);
const cases = readCorpus()
  .map((line) => ({ line, c: JSON.parse(line) as Case }))
  .filter(({ c }) => c.kind === 'tx' || c.kind === 'typedData');

const normalize = (value: unknown): unknown => {
  if (typeof value === 'string') return value.toLowerCase();
  if (typeof value === 'number' || typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') return Object.values(value).map(normalize);
  return value;
};

let txCases = 0;
let recognized = 0;
let argCases = 0;
let argExact = 0;
let typedCases = 0;
let typedRecognized = 0;
const payloads: Payload[] = [];
for (const { line, c } of cases) {
  const parsed = parsePayload(line);
  if (!parsed.ok) throw new Error(`${c.id}: ${parsed.error.message}`);
  payloads.push(parsed.payload);
  const intent = intentOfPayload(parsed.payload, decodePayloadCalls(parsed.payload));
  if (c.kind === 'typedData') {
    typedCases++;
    if (intent.primaryType === c.expect.primaryType) typedRecognized++;
    continue;
  }
  if (!c.expect.function) continue;
  txCases++;
  if (intent.function === c.expect.function) recognized++;
  if (c.derived?.args) {
    argCases++;
    const ours = normalize(Object.values(intent.args as Record<string, IntentArgValue>));
    if (JSON.stringify(ours) === JSON.stringify(normalize(c.derived.args))) argExact++;
  }
}

// One unrecorded round first: the registry builds its selector index on first use.
for (const payload of payloads) intentOfPayload(payload, decodePayloadCalls(payload));
const samples: number[] = [];
for (let round = 0; round < rounds; round++)
  for (const payload of payloads) {
    const start = performance.now();
    intentOfPayload(payload, decodePayloadCalls(payload));
    samples.push(performance.now() - start);
  }
const stats = summarize(samples);
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
const percent = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)}% (${n}/${d})`;

console.log('\nVigil decoder over tests/fixtures/corpus-sample.jsonl (Node, this machine)');
console.table({
  'function recognition (tx: intent.function = expect.function)': percent(recognized, txCases),
  'argument extraction exact match (vs corpus derived.args)': percent(argExact, argCases),
  'typed data primary type recognized': percent(typedRecognized, typedCases),
});
console.table({
  'decode + intent latency': {
    samples: stats.n,
    p50: us(stats.p50),
    p95: us(stats.p95),
    p99: us(stats.p99),
    'p99.9': us(stats.p999),
    max: us(stats.max),
  },
});
