import { expect, type Page, test } from '@playwright/test';
import config from '../playwright.config';
import { watchCsp } from './csp';
import { openInspector } from './fixtures';

// Headless Chromium gives no WebGPU adapter; with --enable-unsafe-webgpu it gives SwiftShader's
// software adapter (no shader-f16). Launch options force a worker of their own, so they are set
// for this whole file (Playwright refuses them inside a describe).
test.use({
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [...(config.use?.launchOptions?.args ?? []), '--enable-unsafe-webgpu'],
  },
});

const role = (page: Page, name: 'nano' | 'verifier') => page.getByTestId(`model-role-${name}`);

test.describe('with --enable-unsafe-webgpu (a SwiftShader adapter)', () => {
  test('the probe reports the software adapter without shader-f16 and picks q4f32_1 for each role', async ({
    page,
  }) => {
    await openInspector(page, '/settings');
    const gpu = page.getByTestId('models-gpu');
    await expect(gpu).toHaveAttribute('data-software', 'true');
    await expect(gpu).toHaveAttribute('data-f16', 'false');
    await expect(gpu).toContainText('swiftshader');
    await expect(gpu).toContainText('a software renderer');
    await expect(page.getByTestId('model-build-nano')).toHaveAttribute(
      'data-model',
      'Qwen3-0.6B-q4f32_1-MLC',
    );
    await expect(page.getByTestId('model-build-verifier')).toHaveAttribute(
      'data-model',
      'Qwen3-4B-q4f32_1-MLC',
    );
    for (const name of ['nano', 'verifier'] as const) {
      await expect(page.getByTestId(`model-status-${name}`)).toContainText('Not loaded.');
      await expect(role(page, name).locator('[data-note="software"]')).toBeVisible();
      await expect(role(page, name).locator('[data-note="f32Fallback"]')).toContainText('q4f16_1');
    }
  });

  test('Load runs web-llm in the worker: it asks this site for /models/<id>/ and reports the missing files', async ({
    page,
    context,
    baseURL,
  }) => {
    // No network here: the public fallback is routed to a failure, and must be reported as one.
    const publicRequests: string[] = [];
    for (const host of ['https://huggingface.co/**', 'https://raw.githubusercontent.com/**']) {
      await context.route(host, (route) => {
        publicRequests.push(route.request().url());
        return route.abort('internetdisconnected');
      });
    }
    const csp = await watchCsp(page);
    await openInspector(page, '/settings');
    const nano = role(page, 'nano');
    await expect(page.getByTestId('model-status-nano')).toContainText('Not loaded.');

    const selfHosted = `${baseURL}/models/Qwen3-0.6B-q4f32_1-MLC/`;
    // GET: web-llm's own request (Vigil's later check of the missing files uses HEAD).
    const configRequest = page.waitForRequest((r) => r.url().startsWith(selfHosted) && r.method() === 'GET');
    await nano.getByRole('button', { name: 'Load the Nano model' }).click();
    // web-llm's first request of a load: the build's config, from this site.
    expect((await configRequest).url()).toBe(`${selfHosted}resolve/main/mlc-chat-config.json`);

    await expect(page.getByTestId('model-status-nano')).toContainText('Could not be loaded.', {
      timeout: 20_000,
    });
    const failure = page.getByTestId('model-failure');
    const self = failure.locator('li[data-source="self-hosted"]');
    await expect(self).toContainText('This site (/models/Qwen3-0.6B-q4f32_1-MLC/):');
    await expect(self).toContainText('mlc-chat-config.json is missing (HTTP 404).');
    await expect(self).toContainText('tensor-cache.json is missing (HTTP 404).');
    await expect(self).toContainText('Qwen3-0.6B-q4f32_1_cs1k-webgpu.wasm is missing (HTTP 404).');
    const pub = failure.locator('li[data-source="public"]');
    await expect(pub).toContainText('The public build (huggingface.co):');
    await expect(pub).toContainText('mlc-chat-config.json is missing (could not be reached');
    await expect(failure).toContainText('npm run models:fetch -- Qwen3-0.6B-q4f32_1-MLC');
    // Words, not a stack trace.
    await expect(failure).not.toContainText(/\bat \S+:\d+|\.js:\d+/);
    expect(
      publicRequests.some((u) => u.startsWith('https://huggingface.co/mlc-ai/Qwen3-0.6B-q4f32_1-MLC/')),
    ).toBe(true);
    // The page's Content Security Policy let the worker and the check of the missing files through.
    expect(csp.violations).toEqual([]);
    // The page stayed responsive, and the button offers another try.
    await expect(nano.getByRole('button', { name: 'Load the Nano model' })).toHaveText('Try again');
    await expect(page.getByTestId('model-status-verifier')).toContainText('Not loaded.');

    // Deleting runs web-llm's cache deletion in the worker: nothing was cached, nothing is fetched.
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
    await nano
      .getByRole('button', { name: 'Delete the Nano model’s downloaded weights from this browser' })
      .click();
    await expect(page.getByTestId('model-status-nano')).toContainText(
      'The Nano model’s downloaded weights were deleted.',
    );
    await expect(page.getByTestId('model-status-nano')).toContainText('Not loaded.');
    await expect(nano).toContainText('Not downloaded yet.');
    expect(requests.filter((r) => r.includes('/models/Qwen3') || r.includes('huggingface.co'))).toEqual([]);
  });
});

test('the web-llm worker is not in the install, and is kept for offline use once a model is loaded', async ({
  page,
}) => {
  await openInspector(page, '/settings');
  const precached = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const keys: string[] = [];
    for (const name of await caches.keys())
      for (const request of await (await caches.open(name)).keys()) keys.push(request.url);
    return keys;
  });
  expect(precached.some((u) => u.includes('/_app/'))).toBe(true);
  expect(precached.filter((u) => u.includes('llm.worker'))).toEqual([]);

  // Once the service worker controls the page, the worker's script goes through it.
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(page.getByTestId('model-status-nano')).toContainText('Not loaded.');
  await role(page, 'nano').getByRole('button', { name: 'Load the Nano model' }).click();
  await expect(page.getByTestId('model-status-nano')).toContainText('Could not be loaded.', {
    timeout: 20_000,
  });
  const kept = await page.evaluate(async () =>
    (await (await caches.open('vigil-llm-worker')).keys()).map((r) => new URL(r.url).pathname),
  );
  expect(kept).toEqual([expect.stringMatching(/^\/_app\/immutable\/workers\/llm\.worker-[^/]+\.js$/)]);
});
