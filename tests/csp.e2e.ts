import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { cspDirectives, readCloudOrigins, serializePolicy } from '../csp.config.js';
import { bundleForPage, watchCsp } from './csp';
import { openInspector, waitForContext } from './fixtures';

/*
 * The Content Security Policy of the built app (csp.config.js, written by SvelteKit as a <meta>
 * into every prerendered page), in Chromium: every page carries it and loads without a violation;
 * a request elsewhere is blocked by the policy itself (the tests answer such requests with routes,
 * so only the policy can stop them); this machine's servers stay reachable; injected script does
 * not run. The policy is never turned off (no bypassCSP).
 */

// The build under test read VIGIL_CLOUD_ORIGINS from the same environment.
const expected = cspDirectives({ cloudOrigins: readCloudOrigins(process.env.VIGIL_CLOUD_ORIGINS) });

/** A policy's directives, name → sources. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

/** The content of the page's CSP meta tags. */
const metaPolicies = (page: Page) =>
  page
    .locator('meta[http-equiv="content-security-policy"]')
    .evaluateAll((metas) => metas.map((m) => (m as HTMLMetaElement).content));

/** Answers every request to `hosts` with 200 and open CORS, recording it: only the policy can stop one. */
async function answerElsewhere(context: BrowserContext, test: (url: URL) => boolean): Promise<string[]> {
  const seen: string[] = [];
  await context.route(test, (route) => {
    seen.push(route.request().url());
    return route.fulfill({
      status: 200,
      contentType: 'text/plain',
      headers: { 'access-control-allow-origin': '*' },
      body: 'answered by the test route',
    });
  });
  return seen;
}

type Probe = { readonly outcome: 'ok' | 'error'; readonly text: string };

/** fetch(url) from the page: its body, or the error's text. */
const fetchFromPage = (page: Page, url: string): Promise<Probe> =>
  page.evaluate(
    (u) =>
      fetch(u, { cache: 'no-store' }).then(
        async (r) => ({ outcome: 'ok' as const, text: await r.text() }),
        (e: unknown) => ({ outcome: 'error' as const, text: String(e) }),
      ),
    url,
  );

/** A plain HTTP server on 127.0.0.1 (a free port) that answers anything, with CORS, and records what it got. */
async function startServer(): Promise<{
  url: string;
  requests: { path: string; headers: IncomingHttpHeaders }[];
  server: Server;
}> {
  const requests: { path: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((request, response) => {
    requests.push({ path: request.url ?? '', headers: request.headers });
    const html = request.url === '/page';
    response.writeHead(200, {
      'content-type': html ? 'text/html' : 'application/json',
      'access-control-allow-origin': '*',
    });
    response.end(html ? '<!doctype html><title>no policy here</title>' : '{"server":"127.0.0.1"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, server };
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

test.describe('every page carries the policy and loads without a violation', () => {
  for (const path of ['/', '/settings', '/history', '/compose', '/bench']) {
    test(path, async ({ page }) => {
      const watch = await watchCsp(page);
      await openInspector(page, path);
      if (path !== '/bench') await waitForContext(page);
      await page.waitForLoadState('networkidle');

      const policies = await metaPolicies(page);
      expect(policies).toHaveLength(1);
      const got = directives(policies[0] as string);
      const want = directives(serializePolicy(expected));
      expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
      for (const [name, sources] of want) {
        if (name === 'script-src') continue;
        expect(got.get(name), name).toEqual(sources);
      }
      // SvelteKit adds the hash of its inline bootstrap script, and nothing else.
      const scripts = got.get('script-src') ?? [];
      expect(scripts.slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(scripts.slice(2)).toEqual([expect.stringMatching(/^'sha256-[A-Za-z0-9+/]{43}='$/)]);
      expect(got.get('style-src')?.some((s) => /^'(sha|nonce)/.test(s))).toBe(false);

      // The policy comes before every script, style sheet and preload of the page.
      const order = await page.evaluate(() => {
        const head = [...document.head.children];
        const meta = head.findIndex((e) => e.matches('meta[http-equiv="content-security-policy"]'));
        const first = head.findIndex((e) =>
          e.matches('script, link[rel="modulepreload"], link[rel="stylesheet"]'),
        );
        return { meta, first };
      });
      expect(order.meta).toBeGreaterThanOrEqual(0);
      expect(order.meta).toBeLessThan(order.first);

      // Client-side navigation loads more of the app's chunks, under the same policy.
      if (path === '/') {
        await page
          .getByRole('navigation', { name: 'Sections' })
          .getByRole('link', { name: 'Settings' })
          .click();
        await expect(page).toHaveURL(/\/settings$/);
        await waitForContext(page);
        await page.waitForLoadState('networkidle');
      }
      expect(watch.violations).toEqual([]);
      expect(watch.errors).toEqual([]);
    });
  }
});

test('a fetch to another site is blocked by the policy, not by the network', async ({ page, context }) => {
  const answered = await answerElsewhere(context, (url) => url.hostname === 'example.com');
  const other = await startServer();
  try {
    // Control: from a page without a policy, the route answers the same request.
    await page.goto(`${other.url}/page`);
    expect(await fetchFromPage(page, 'https://example.com/')).toEqual({
      outcome: 'ok',
      text: 'answered by the test route',
    });
    expect(answered).toEqual(['https://example.com/']);
    answered.length = 0;

    const watch = await watchCsp(page);
    await openInspector(page, '/');
    const probe = await fetchFromPage(page, 'https://example.com/');
    expect(probe.outcome).toBe('error');
    expect(probe.text).toContain('TypeError');
    await expect
      .poll(() => watch.violations)
      .toEqual([{ directive: 'connect-src', blocked: 'https://example.com/' }]);
    expect(answered).toEqual([]);
    // Chromium says so in the console too.
    await expect
      .poll(() => watch.errors.join('\n'))
      .toMatch(/'https:\/\/example\.com\/' violates .*Content Security Policy/);
  } finally {
    await close(other.server);
  }
});

test('a server on 127.0.0.1 (a vLLM, the cloud stand-in, anvil) stays reachable', async ({ page }) => {
  const local = await startServer();
  try {
    const watch = await watchCsp(page);
    await openInspector(page, '/');
    expect(await fetchFromPage(page, `${local.url}/v1/models`)).toEqual({
      outcome: 'ok',
      text: '{"server":"127.0.0.1"}',
    });
    expect(local.requests.map((r) => r.path)).toEqual(['/v1/models']);
    expect(local.requests[0]?.headers.origin).toBe(new URL(page.url()).origin);
    expect(watch.violations).toEqual([]);
    expect(watch.errors).toEqual([]);
  } finally {
    await close(local.server);
  }
});

test('injected script does not run: inline, inline handlers, other origins', async ({ page, context }) => {
  const answered = await answerElsewhere(context, (url) => url.hostname === 'example.com');
  const watch = await watchCsp(page);
  await openInspector(page, '/');
  const ran = await page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>;
    const inline = document.createElement('script');
    inline.textContent = 'window.vigilInjected = "inline"';
    document.body.append(inline);
    // What an HTML injection would try: an event handler attribute.
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="/favicon.svg?csp" onload="window.vigilInjected = \'handler\'">';
    document.body.append(holder);
    const external = document.createElement('script');
    external.src = 'https://example.com/x.js';
    const loaded = new Promise((resolve) => {
      external.onload = () => resolve('loaded');
      external.onerror = () => resolve('error');
    });
    document.body.append(external);
    const image = holder.querySelector('img') as HTMLImageElement;
    // A listener, not `onload =`, which would replace the attribute's handler.
    if (!image.complete) await new Promise((resolve) => image.addEventListener('load', resolve));
    return { injected: w.vigilInjected ?? null, external: await loaded };
  });
  expect(ran).toEqual({ injected: null, external: 'error' });
  expect(answered).toEqual([]);
  await expect
    .poll(() => [...watch.violations].sort((a, b) => a.directive.localeCompare(b.directive)))
    .toEqual([
      { directive: 'script-src-attr', blocked: 'inline' },
      { directive: 'script-src-elem', blocked: 'inline' },
      { directive: 'script-src-elem', blocked: 'https://example.com/x.js' },
    ]);
});

test('a script of this site may compile WebAssembly (wasm-unsafe-eval) but not eval strings', async ({
  page,
  baseURL,
}) => {
  // Served from the app's origin, so 'self' lets it run; code Playwright evaluates would be
  // exempt from the eval check, so the probe runs as the page's own script.
  await page.route(`${baseURL}/csp-probe.js`, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: `
        let evaluated;
        try { evaluated = String(new Function('return "eval ran"')()); } catch (e) { evaluated = e.name; }
        // The smallest module: the magic number and version 1.
        WebAssembly.compile(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))
          .then(() => 'compiled', (e) => e.name)
          .then((wasm) => { window.vigilProbe = { evaluated, wasm }; });
      `,
    }),
  );
  const watch = await watchCsp(page);
  await openInspector(page, '/');
  await page.evaluate(() => {
    const probe = document.createElement('script');
    probe.src = '/csp-probe.js';
    document.body.append(probe);
  });
  const result = await page.waitForFunction(() => (window as unknown as { vigilProbe?: unknown }).vigilProbe);
  expect(await result.jsonValue()).toEqual({ evaluated: 'EvalError', wasm: 'compiled' });
  await expect.poll(() => watch.violations).toEqual([{ directive: 'script-src', blocked: 'eval' }]);
});

/** src/lib/ui/contentPolicy.ts, bundled into the page. */
type WithCsp = {
  vigilCsp: { cloudAllowedHere(url: string): boolean | undefined; documentPolicy(): string | undefined };
};

test('connectAllowed reads the page’s policy as Chromium enforces it', async ({ page, context, baseURL }) => {
  const app = new URL(baseURL ?? '').origin;
  // Everything not on the app's origin is answered by the route once the policy lets it through.
  const answered = await answerElsewhere(context, (url) => url.origin !== app);
  const watch = await watchCsp(page);
  await openInspector(page, '/');
  await page.evaluate(
    await bundleForPage(
      "import { cloudAllowedHere, documentPolicy } from '$lib/ui/contentPolicy'; (globalThis as any).vigilCsp = { cloudAllowedHere, documentPolicy };",
    ),
  );
  expect(await page.evaluate(() => (globalThis as unknown as WithCsp).vigilCsp.documentPolicy())).toBe(
    (await metaPolicies(page))[0],
  );

  const cases: [string, boolean][] = [
    [`${app}/models/manifest.json`, true],
    ['http://127.0.0.1:8000/v1/chat/completions', true],
    ['http://localhost:30000/v1/chat/completions', true],
    ['https://127.0.0.1:8443/v1/chat/completions', true],
    ['http://127.0.0.2:8000/v1/chat/completions', false],
    ['http://[::1]:8000/v1/chat/completions', false],
    ['https://huggingface.co/mlc-ai/Qwen3-0.6B-q4f32_1-MLC/resolve/main/mlc-chat-config.json', true],
    ['http://huggingface.co/mlc-ai/x', false],
    ['https://cdn-lfs.huggingface.co/x', false],
    ['https://mainnet.base.org/', true],
    ['https://arb1.arbitrum.io/rpc', true],
    ['https://rpc.walletconnect.org/v1/?chainId=eip155:1&projectId=x', true],
    ['https://pulse.walletconnect.org/batch', false],
    ['https://api.example.com/v1/chat/completions', false],
    ['data:text/plain,hi', false],
  ];
  for (const [url, allowed] of cases) {
    const predicted = await page.evaluate(
      (u) => (globalThis as unknown as WithCsp).vigilCsp.cloudAllowedHere(u),
      url,
    );
    watch.violations.length = 0;
    answered.length = 0;
    const probe = await fetchFromPage(page, url);
    if (allowed) {
      expect(probe.outcome, url).toBe('ok');
      if (!url.startsWith(app)) expect(answered, url).toEqual([url]);
    } else {
      expect(probe.outcome, url).toBe('error');
      await expect
        .poll(() => watch.violations.map((v) => v.directive), { message: url })
        .toEqual(['connect-src']);
      expect(answered, url).toEqual([]);
    }
    expect(predicted, url).toBe(allowed);
  }
});

test('a same-origin worker (as web-llm’s) runs under its own response’s policy, not the page’s', async ({
  page,
  context,
  baseURL,
}) => {
  const answered = await answerElsewhere(context, (url) => url.hostname === 'example.com');
  // A worker script from this site served without a CSP header, as vite preview and static hosts
  // serve the web-llm worker: it fetches from another site and compiles WebAssembly.
  await page.route(`${baseURL}/csp-probe.worker.js`, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: `
        const wasm = WebAssembly.compile(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])).then(() => 'compiled', (e) => String(e));
        const fetched = fetch('https://example.com/weights').then((r) => r.text(), (e) => String(e));
        Promise.all([fetched, wasm]).then(([f, w]) => postMessage({ fetched: f, wasm: w }));
      `,
    }),
  );
  const watch = await watchCsp(page);
  await openInspector(page, '/');
  const result = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const worker = new Worker('/csp-probe.worker.js', { type: 'module' });
        worker.onmessage = (event) => resolve(event.data);
        worker.onerror = (event) => resolve({ error: event.message });
      }),
  );
  expect(result).toEqual({ fetched: 'answered by the test route', wasm: 'compiled' });
  expect(answered).toEqual(['https://example.com/weights']);
  expect(watch.violations).toEqual([]);
  // The page itself may not make that request.
  expect((await fetchFromPage(page, 'https://example.com/weights')).outcome).toBe('error');
});
