import { expect, type Page, test } from '@playwright/test';
import { type Loopback, startLoopback } from '../scripts/cloud/loopback';
import { bundleForPage, watchCsp } from './csp';
import { waitForApp } from './fixtures';

/*
 * The real cloud client (src/lib/cloud/client.ts, bundled here as it is) running in Chromium on the
 * app's origin, talking to the loopback stand-in on another origin (another port): proves the CORS
 * preflight (an Authorization header forces one), that the page's cookies and referrer stay home
 * even though cookies for 127.0.0.1 would match the stand-in's host, and the timeout in a browser.
 */

let bundle: string;
let server: Loopback | undefined;

test.beforeAll(async () => {
  bundle = await bundleForPage(
    "import { askCloud } from './src/lib/cloud/client'; (globalThis as any).vigilAskCloud = askCloud;",
  );
});

test.afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function openWithClient(page: Page): Promise<void> {
  await page.goto('/');
  await waitForApp(page);
  // Cookies do not depend on the port: this one would match the stand-in's host too.
  const { hostname } = new URL(page.url());
  await page
    .context()
    .addCookies([{ name: 'vigil-e2e', value: 'must-not-leave', domain: hostname, path: '/' }]);
  // Evaluated by the test driver: the app's Content Security Policy forbids an inline <script>
  // (addScriptTag), and stays on.
  await page.evaluate(bundle);
}

type Ask = { baseUrl: string; apiKey?: string; timeoutMs: number; body: Record<string, unknown> };

function ask(page: Page, args: Ask) {
  return page.evaluate(({ baseUrl, apiKey, timeoutMs, body }) => {
    const askCloud = (globalThis as unknown as { vigilAskCloud: (...a: unknown[]) => Promise<unknown> })
      .vigilAskCloud;
    const request = { profile: 'default', body, classes: ['public'] };
    return askCloud({ baseUrl, model: 'dmind-3', timeoutMs, ...(apiKey && { apiKey }) }, request, {
      verify: () => true,
    });
  }, args);
}

test('askCloud from the page reaches a cross-origin stand-in; only the sanitized body leaves', async ({
  page,
}) => {
  server = await startLoopback();
  const csp = await watchCsp(page);
  await openWithClient(page);
  const body = { chainId: 1, to: { protocol: 'Uniswap' } };
  const result = await ask(page, { baseUrl: server.url, apiKey: 'sk-e2e', timeoutMs: 5_000, body });
  expect(result).toMatchObject({ kind: 'advice', source: 'cloud', mode: 'foresight', reputation: 'known' });
  expect(server.exchanges).toHaveLength(1);
  const { headers } = server.exchanges[0] as NonNullable<Loopback['exchanges'][0]>;
  expect(headers.origin).toBe(new URL(page.url()).origin);
  expect(headers.authorization).toBe('Bearer sk-e2e');
  expect(headers.cookie).toBeUndefined();
  expect(headers.referer).toBeUndefined();
  const sent = server.requests[0] as { messages: { content: string }[] };
  expect(sent.messages[1]?.content).toContain(JSON.stringify(body));
  // The page's Content Security Policy lets it reach this machine (connect-src http://127.0.0.1:*).
  expect(csp.violations).toEqual([]);
});

test('a slow stand-in is late in the browser too', async ({ page }) => {
  server = await startLoopback({ delayMs: 3_000 });
  await openWithClient(page);
  const result = await ask(page, { baseUrl: server.url, timeoutMs: 200, body: { a: 1 } });
  expect(result).toEqual({ kind: 'none', reason: 'late', detail: 'no answer within 200 ms' });
});

test('a stand-in that is down is unavailable', async ({ page }) => {
  const down = await startLoopback();
  await down.close();
  await openWithClient(page);
  const result = await ask(page, { baseUrl: down.url, timeoutMs: 2_000, body: { a: 1 } });
  expect(result).toMatchObject({ kind: 'none', reason: 'unavailable' });
});
