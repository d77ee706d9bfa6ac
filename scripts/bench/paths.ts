/**
 * Latency by path (DMind-3 Table 5) over the evaluation corpus, in Node: the edge path alone, and
 * edge → cloud over real HTTP to the loopback stand-in (scripts/cloud/loopback.ts) from the input
 * text to the merged verdict, with the sanitize step and the HTTP round trip timed on their own.
 * The local tier cannot run here and is reported as not measurable, never simulated. Run by
 * `npm run bench`, or `npx tsx scripts/bench/paths.ts [--json]`. Sample counts:
 * BENCH_EDGE_SAMPLES (default 5000), BENCH_CLOUD_SAMPLES (default 2000); each is rounded up to
 * whole passes over the corpus, after one unrecorded warm-up pass.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { askCloud } from '../../src/lib/cloud/client';
import type { CloudConfig } from '../../src/lib/cloud/config';
import { isSanitized, sanitize } from '../../src/lib/cloud/sanitize';
import type { CloudResult } from '../../src/lib/cloud/types';
import type { Verdict } from '../../src/lib/edge/gate/decision';
import { inspect } from '../../src/lib/edge/inspect';
import { mergeVerdict } from '../../src/lib/verifier/merge';
import { DEMO_FORESIGHT, startLoopback } from '../cloud/loopback';
import { CORPUS_PATH, readCorpus } from './corpus';
import { formatMs, type Percentiles, summarize } from './percentile';

/** More cloud requests without advice than this, and the benchmark fails: it would be timing errors. */
const MAX_CLOUD_FAILURES = 5;
const SALT_BYTES = 32;

const USAGE = 'usage: tsx scripts/bench/paths.ts [--json]';
const args = process.argv.slice(2);
for (const arg of args)
  if (arg !== '--json') {
    console.error(`paths.ts: unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
    process.exit(2);
  }
const asJson = args.includes('--json');

function sampleCount(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(Number.isSafeInteger(value) && value > 0))
    throw new RangeError(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  return value;
}

const edgeTarget = sampleCount('BENCH_EDGE_SAMPLES', 5000);
const cloudTarget = sampleCount('BENCH_CLOUD_SAMPLES', 2000);
const cases = readCorpus();
const passes = (target: number) => Math.ceil(target / cases.length);
const started = performance.now();

// ── edge: parse → decode → intent → clear-sign → gate, as scripts/bench/gate.ts times it ──
for (const text of cases) inspect(text);
const edgeSamples: number[] = [];
for (let pass = 0; pass < passes(edgeTarget); pass++)
  for (const text of cases) {
    const start = performance.now();
    inspect(text);
    edgeSamples.push(performance.now() - start);
  }

// ── edge → cloud over HTTP to the in-process loopback stand-in (its default answer) ──
const RANK: Readonly<Record<Verdict, number>> = { allow: 0, stepup: 1, block: 2 };

type CloudTiming = {
  readonly total: number;
  readonly sanitize: number;
  readonly ask: number;
  readonly http: number;
  readonly cloud: CloudResult;
};

const loopback = await startLoopback();
const config: CloudConfig = { baseUrl: loopback.url, model: 'loopback', timeoutMs: 10_000 };

/** One request from its input text to the merged verdict, with the time of each step. */
async function edgeToCloud(text: string): Promise<CloudTiming> {
  const t0 = performance.now();
  const inspected = inspect(text);
  if (!inspected.ok) throw new Error(`a corpus case does not parse: ${inspected.error.message}`);
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const t1 = performance.now();
  const request = sanitize({ result: inspected, profile: 'default', salt });
  const t2 = performance.now();
  let http = Number.NaN;
  const cloud = await askCloud(config, request, {
    verify: isSanitized,
    // Times the exchange itself: from the request leaving to the response's headers (the loopback
    // writes headers and its small body at once).
    fetcher: (input, init) => {
      const sent = performance.now();
      return fetch(input, init).then((response) => {
        http = performance.now() - sent;
        return response;
      });
    },
  });
  const t3 = performance.now();
  const merged = mergeVerdict(inspected.decision, [cloud]);
  const t4 = performance.now();
  if (RANK[merged.verdict] < RANK[inspected.decision.verdict])
    throw new Error(`the merged verdict ${merged.verdict} is below the edge's ${inspected.decision.verdict}`);
  return { total: t4 - t0, sanitize: t2 - t1, ask: t3 - t2, http, cloud };
}

const failures = new Map<string, number>();
let advised = 0;
const totalSamples: number[] = [];
const sanitizeSamples: number[] = [];
const askSamples: number[] = [];
const httpSamples: number[] = [];
let sent = 0;
try {
  for (const text of cases) {
    await edgeToCloud(text);
    sent++;
  }
  for (let pass = 0; pass < passes(cloudTarget); pass++)
    for (const text of cases) {
      const timing = await edgeToCloud(text);
      sent++;
      const { cloud } = timing;
      // The stand-in's default answer is DEMO_FORESIGHT: anything else is not the advice it sent.
      const faithful =
        cloud.kind === 'advice' &&
        cloud.suggested === DEMO_FORESIGHT.suggested &&
        cloud.risk === DEMO_FORESIGHT.risk &&
        cloud.reputation === DEMO_FORESIGHT.reputation;
      if (!faithful) {
        const why =
          cloud.kind === 'none' ? `${cloud.reason}: ${cloud.detail ?? ''}` : 'advice other than sent';
        failures.set(why, (failures.get(why) ?? 0) + 1);
        continue;
      }
      advised++;
      totalSamples.push(timing.total);
      sanitizeSamples.push(timing.sanitize);
      askSamples.push(timing.ask);
      httpSamples.push(timing.http);
    }
} finally {
  await loopback.close();
}
const failed = [...failures.values()].reduce((a, b) => a + b, 0);
if (loopback.requests.length !== sent)
  throw new Error(`the loopback saw ${loopback.requests.length} requests, ${sent} were sent`);
if (failed > MAX_CLOUD_FAILURES) {
  console.error(`\nedge → cloud: ${failed} of ${advised + failed} requests got no advice:`);
  for (const [why, count] of failures) console.error(`  ${count} × ${why}`);
  throw new Error(`more than ${MAX_CLOUD_FAILURES} cloud requests failed: the timings would measure errors`);
}

// ── report ──
const NOT_MEASURABLE =
  'not measurable here: Node has no WebGPU, no model weights can be downloaded on this machine, and ' +
  'the local tier runs web-llm in a browser worker (no replay engine stands in for it)';

type Row = { readonly path: string; readonly stats?: Percentiles; readonly note?: string };
const rows: Row[] = [
  { path: 'edge (parse → decode → intent → clear-sign → gate)', stats: summarize(edgeSamples) },
  { path: 'edge → cloud (loopback HTTP), text → merged verdict', stats: summarize(totalSamples) },
  { path: '  of which: sanitize (default profile, 32-byte salt)', stats: summarize(sanitizeSamples) },
  { path: '  of which: askCloud (isSanitized, POST, parseForesight)', stats: summarize(askSamples) },
  { path: '    of which: HTTP round trip (send → headers)', stats: summarize(httpSamples) },
  { path: 'edge → local', note: NOT_MEASURABLE },
  { path: 'edge → cloud → local', note: NOT_MEASURABLE },
];

const cpus = os.cpus();
const machine = {
  cpu: cpus[0]?.model.trim() ?? 'unknown',
  cores: cpus.length,
  node: process.version,
  os: `${os.platform()} ${os.release()}`,
  loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
};

const header = ['path', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'];
const table = rows.map((row) =>
  row.stats
    ? [
        row.path,
        String(row.stats.n),
        formatMs(row.stats.p50),
        formatMs(row.stats.p95),
        formatMs(row.stats.p99),
        formatMs(row.stats.max),
      ]
    : [row.path, '—', 'not measurable here', '', '', ''],
);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? '').length)));
const line = (cells: readonly string[]) =>
  `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;

console.log(
  `\nVigil latency by path (DMind-3 Table 5) over ${CORPUS_PATH} (${cases.length} cases), Node, this machine`,
);
console.log(line(header));
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const r of table) console.log(line(r));
console.log(
  `edge → cloud: ${advised}/${advised + failed} requests got the stand-in's advice` +
    (failed > 0 ? `; ${failed} without (${[...failures].map(([w, c]) => `${c} × ${w}`).join('; ')})` : '') +
    `; ${sent - advised - failed} more unrecorded warm-up requests.`,
);
console.log(
  'The loopback server runs in the same Node process (one event loop, same cores): the cloud row is ' +
    "Vigil's own cost on that path, with no network distance and no model; a hosted model adds both.",
);
console.log(`edge → local, edge → cloud → local: ${NOT_MEASURABLE}.`);
console.log(
  `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.os}, ` +
    `load average ${machine.loadAverage.join(' / ')} (other jobs may be running). ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s.`,
);

/** Percentiles to the tenth of a microsecond, which is all performance.now() is worth here. */
function rounded(stats: Percentiles): Percentiles {
  const r = (ms: number) => Math.round(ms * 10_000) / 10_000;
  return {
    n: stats.n,
    p50: r(stats.p50),
    p95: r(stats.p95),
    p99: r(stats.p99),
    p999: r(stats.p999),
    max: r(stats.max),
  };
}

if (asJson)
  console.log(
    JSON.stringify(
      {
        corpus: { path: CORPUS_PATH, cases: cases.length },
        machine,
        unit: 'ms',
        paths: rows.map((row) =>
          row.stats
            ? { path: row.path.trim(), measured: true, ...rounded(row.stats) }
            : { path: row.path, measured: false, reason: row.note },
        ),
        cloud: { advised, failed, failures: Object.fromEntries(failures), warmUp: sent - advised - failed },
      },
      null,
      2,
    ),
  );
