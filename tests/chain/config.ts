import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the test chain listens. Kept free of viem so that `playwright.config.ts` can import it.
 * VIGIL_ANVIL_PORT lets several checkouts (git worktrees) run their suites side by side, as
 * VIGIL_E2E_PORT does for the app.
 */
export const anvilPort = Number(process.env.VIGIL_ANVIL_PORT ?? 8545);
export const anvilHost = '127.0.0.1';
export const anvilUrl = `http://${anvilHost}:${anvilPort}`;
export const anvilChainId = 31337;

/**
 * The anvil binary itself, never `npx anvil`: npx does not forward a kill to its child, so
 * Playwright could not stop it. Resolved through the platform package so it works from any checkout.
 */
export function anvilBinary(): string {
  const require = createRequire(import.meta.url);
  try {
    const binary = join(
      dirname(require.resolve('@foundry-rs/anvil-linux-amd64/package.json')),
      'bin',
      'anvil',
    );
    if (existsSync(binary)) return binary;
  } catch {
    // Not this platform's package: fall back to the npm bin shim below.
  }
  return 'node_modules/.bin/anvil';
}

/** The command line Playwright's webServer runs (from the repository root). */
export const anvilCommand = `"${anvilBinary()}" --host ${anvilHost} --port ${anvilPort} --chain-id ${anvilChainId} --silent`;
