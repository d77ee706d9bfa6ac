import { defineConfig, devices } from '@playwright/test';
import { anvilCommand, anvilUrl } from './tests/chain/config';

// VIGIL_E2E_PORT lets several checkouts (git worktrees) run their suites side by side.
const port = Number(process.env.VIGIL_E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;
// End-to-end files that use the anvil chain (VIGIL_ANVIL_PORT, default 8545).
const chainTests = ['**/chain.e2e.ts', '**/*.chain.e2e.ts'];

export default defineConfig({
  testDir: 'tests',
  // Only end-to-end files: vitest owns src/**/*.test.ts and never sees these.
  testMatch: '**/*.e2e.ts',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  timeout: 30_000,
  expect: { timeout: 7_500 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      // Debian's Chromium: `npx playwright install` cannot download browsers on these machines.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-default-apps',
        '--disable-domain-reliability',
        '--disable-breakpad',
        '--metrics-recording-only',
      ],
    },
  },
  projects: [
    { name: 'app', testIgnore: chainTests },
    // Files that touch the shared anvil chain run one at a time: a snapshot revert in one would
    // undo another's transactions. Name such files `*.chain.e2e.ts`.
    { name: 'chain', testMatch: chainTests, workers: 1 },
  ],
  webServer: [
    {
      name: 'app',
      command: `npm run build && node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port ${port} --strictPort`,
      url: baseURL,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // A real local chain (chain id 31337, ten unlocked dev accounts); see tests/chain/anvil.ts.
      name: 'anvil',
      command: anvilCommand,
      // Anvil answers a GET with 400, which Playwright counts as up (any status below 404).
      url: anvilUrl,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
