/**
 * Gate latency in headless Chromium: serves the built app (run `npm run build` first), opens /bench
 * and times parse + decode + intent + gate over the benign corpus cases in the page itself.
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { isBenign, readCorpus } from './corpus';

const port = 4175;
const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
const inputs = readCorpus().filter(isBenign);

const server = spawn(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  {
    stdio: 'ignore',
  },
);
try {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  const page = await browser.newPage();
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(`http://127.0.0.1:${port}/bench`);
      break;
    } catch (error) {
      if (attempt > 150) throw error; // the preview server takes a moment to listen
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  await page.getByTestId('bench-status').filter({ hasText: 'ready' }).waitFor();
  const result = await page.evaluate(
    ([lines, n]) =>
      (window as unknown as { vigilBench: (i: string[], r: number) => Record<string, number> }).vigilBench(
        lines as string[],
        n as number,
      ),
    [inputs, rounds] as const,
  );
  const version = browser.version();
  await browser.close();
  const ms = (v: number | undefined) => `${((v ?? Number.NaN) * 1000).toFixed(0)} µs`;
  console.log(
    `\nVigil gate in headless Chromium ${version} (this machine; parse + decode + intent + clear-sign + gate)`,
  );
  console.table({
    'browser, whole path': {
      samples: result.samples,
      p50: ms(result.p50),
      p95: ms(result.p95),
      p99: ms(result.p99),
      'p99.9': ms(result.p999),
      max: ms(result.max),
    },
  });
  console.log(
    'Budget: p99 ≤ 5 ms in the browser. Chromium coarsens performance.now() (≈100 µs), so small figures are rounded.',
  );
} finally {
  server.kill();
}
