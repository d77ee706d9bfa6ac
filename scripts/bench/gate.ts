/**
 * Gate benchmark (DMind-3 Table 2 / Table 5 style) over the vendored corpus and the multi-turn
 * scenarios: protocol adherence (schema-valid decisions), multi-turn success, verdict distribution
 * on the benign ERC-7730 cases, and edge-gate latency in Node. Run by `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Ajv2020 from 'ajv/dist/2020';
import { decodePayloadCalls } from '../../src/lib/edge/decode/decodePayloadCalls';
import { evaluateGate } from '../../src/lib/edge/gate/evaluateGate';
import { noFacts } from '../../src/lib/edge/gate/facts';
import { defaultPolicy } from '../../src/lib/edge/gate/policy';
import { inspect } from '../../src/lib/edge/inspect';
import { intentOfPayload } from '../../src/lib/edge/intent/intentOfPayload';
import { parsePayload } from '../../src/lib/edge/parse/parsePayload';
import { loadScenarios, runScenario } from '../../tests/scenarios/runScenario';
import { isBenign, readCorpus } from './corpus';
import { summarize } from './percentile';

const rounds = Number(process.env.BENCH_ROUNDS ?? 30);
const validate = new Ajv2020({ strict: true }).compile(
  JSON.parse(readFileSync('schemas/decision.schema.json', 'utf8')),
);
const lines = readCorpus();
const benign = lines.filter(isBenign);
const garbage = ['', '0xzz', 'hello', '{"to":5', '0xabc', '[1,2]', '{"method":"eth_getBalance"}'];

let valid = 0;
const all = [...lines, ...garbage];
for (const input of all) if (validate(JSON.parse(JSON.stringify(inspect(input).decision)))) valid++;

const counts = { allow: 0, stepup: 0, block: 0 };
for (const input of benign) counts[inspect(input).decision.verdict]++;

const scenarios = loadScenarios();
const passed = scenarios.filter((s) => runScenario(s).length === 0).length;

// Gate alone (the signing-time decision on an already decoded request), and the whole path.
const policy = defaultPolicy();
const prepared = benign.map((input) => {
  const parsed = parsePayload(input);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const calls = decodePayloadCalls(parsed.payload);
  return { payload: parsed.payload, calls, intent: intentOfPayload(parsed.payload, calls) };
});
const gateSamples: number[] = [];
const fullSamples: number[] = [];
for (const p of prepared) evaluateGate({ ...p, policy, facts: noFacts });
for (let r = 0; r < rounds; r++) {
  for (const p of prepared) {
    const start = performance.now();
    evaluateGate({ ...p, policy, facts: noFacts });
    gateSamples.push(performance.now() - start);
  }
  for (const input of benign) {
    const start = performance.now();
    inspect(input);
    fullSamples.push(performance.now() - start);
  }
}
const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
const row = (samples: number[]) => {
  const { n, p50, p95, p99, p999 } = summarize(samples);
  return { samples: n, p50: us(p50), p95: us(p95), p99: us(p99), 'p99.9': us(p999) };
};
const percent = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)}% (${n}/${d})`;

console.log('\nVigil gate (Node, this machine; balanced policy, no user facts)');
console.table({
  'protocol adherence: decisions valid against schemas/decision.schema.json': percent(valid, all.length),
  'multi-turn success (tests/scenarios, every step right)': percent(passed, scenarios.length),
  'benign ERC-7730 cases: Allow': percent(counts.allow, benign.length),
  'benign ERC-7730 cases: StepUp': percent(counts.stepup, benign.length),
  'benign ERC-7730 cases: Block': percent(counts.block, benign.length),
});
console.table({
  'edge gate (rules + verdict)': row(gateSamples),
  'parse + decode + intent + clear-sign + gate': row(fullSamples),
});
