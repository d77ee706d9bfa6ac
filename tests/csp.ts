import type { Page } from '@playwright/test';
import { build } from 'esbuild';

/** One `securitypolicyviolation` event, as the page reported it. */
export type CspViolation = {
  /** The directive that blocked it (`connect-src`, `script-src-elem`, …). */
  readonly directive: string;
  /** What was blocked: a URL, or `inline` / `eval` / `wasm-eval`. */
  readonly blocked: string;
};

/** What {@link watchCsp} records. */
export type CspWatch = {
  /** Every violation any document of the page reported, in order, across navigations. */
  readonly violations: CspViolation[];
  /** Every console error and uncaught exception of the page. */
  readonly errors: string[];
};

/**
 * Records the page's Content Security Policy violations (an init script listens for
 * `securitypolicyviolation` in every document before the page's own scripts run) and its console
 * errors (Chromium logs each violation there too). Call before the first navigation.
 */
export async function watchCsp(page: Page): Promise<CspWatch> {
  const watch: CspWatch = { violations: [], errors: [] };
  await page.exposeBinding('vigilCspViolation', (_, violation: CspViolation) => {
    watch.violations.push(violation);
  });
  await page.addInitScript(() => {
    const report = (window as unknown as { vigilCspViolation: (v: unknown) => void }).vigilCspViolation;
    document.addEventListener(
      'securitypolicyviolation',
      (event) => report({ directive: event.effectiveDirective, blocked: event.blockedURI }),
      true,
    );
  });
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(String(error)));
  return watch;
}

/**
 * Bundles TypeScript (with the `$lib` alias) into one script to run in the page with
 * `page.evaluate(script)`: evaluated by the test driver, so the page's policy, which forbids inline
 * scripts, stays on.
 */
export async function bundleForPage(contents: string): Promise<string> {
  const out = await build({
    stdin: { contents, loader: 'ts', resolveDir: process.cwd() },
    alias: { $lib: './src/lib' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const script = out.outputFiles[0]?.text;
  if (!script) throw new Error('esbuild produced no output');
  return script;
}
