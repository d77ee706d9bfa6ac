import { expect, type Page, test } from '@playwright/test';
import { input, openInspector, transferCalldata, waitForApp } from './fixtures';
import { serveBuild } from './serveBuild';

type ManifestIcon = { src: string; sizes: string; type: string; purpose?: string };

/** Waits for an active service worker and, if this page is not yet controlled, reloads once. */
async function waitForController(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!controlled) {
    await page.reload();
    await waitForApp(page);
  }
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('the web app manifest is complete and its icons are served', async ({ page }) => {
  await openInspector(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const response = await page.request.get(new URL(href ?? '', page.url()).href);
  expect(response.status()).toBe(200);
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    display: string;
    start_url: string;
    icons: ManifestIcon[];
  };
  expect(manifest.name).toContain('Vigil');
  expect(manifest.short_name).toBe('Vigil');
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBe('/');
  const any = (size: string) =>
    manifest.icons.find((i) => i.sizes === size && (i.purpose ?? 'any').includes('any'));
  expect(any('192x192')).toBeDefined();
  expect(any('512x512')).toBeDefined();
  expect(manifest.icons.find((i) => i.purpose?.includes('maskable'))).toBeDefined();

  for (const icon of manifest.icons) {
    const res = await page.request.get(new URL(icon.src, page.url()).href);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()['content-type'], icon.src).toContain('image/png');
    const body = await res.body();
    expect(body.subarray(1, 4).toString('ascii')).toBe('PNG');
  }

  const scriptURL = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.scriptURL ?? null;
  });
  expect(scriptURL).toMatch(/\/sw\.js$/);
});

test('works offline once the service worker controls the page', async ({ page, context }) => {
  await openInspector(page);
  await waitForController(page);

  await context.setOffline(true);
  try {
    await page.reload();
    await waitForApp(page);
    await expect(page.getByTestId('status')).toContainText('Offline');
    await input(page).fill(transferCalldata);
    await expect(page.getByTestId('kind')).toHaveAttribute('data-kind', 'calldata');
    await expect(page.getByTestId('signature')).toHaveText('transfer(address,uint256)');
  } finally {
    await context.setOffline(false);
  }
});

test('the install button appears only after beforeinstallprompt and calls prompt()', async ({ page }) => {
  await openInspector(page);
  const install = page.getByRole('button', { name: 'Install Vigil as an app on this device' });
  await expect(install).toHaveCount(0);
  await page.evaluate(() => {
    const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & {
      prompt: () => Promise<void>;
      userChoice: Promise<unknown>;
    };
    event.prompt = async () => {
      (window as unknown as { prompted: boolean }).prompted = true;
    };
    event.userChoice = Promise.resolve({ outcome: 'dismissed', platform: 'web' });
    window.dispatchEvent(event);
  });
  await expect(install).toBeVisible();
  await expect(install).toHaveText('Install Vigil');
  await install.click();
  expect(await page.evaluate(() => (window as unknown as { prompted?: boolean }).prompted)).toBe(true);
  await expect(install).toHaveCount(0);
});

test('the service worker precaches the app shell and never model weights', async ({ page }) => {
  await openInspector(page);
  const script = await (await page.request.get('/sw.js')).text();
  const urls = [...script.matchAll(/url:"([^"]+)"/g)].map((m) => m[1] ?? '');
  expect(urls).toContain('/');
  expect(urls).toContain('manifest.webmanifest');
  expect(urls.some((u) => u.startsWith('_app/immutable/entry/'))).toBe(true);
  expect(urls.filter((u) => u.includes('models/'))).toEqual([]);
});

test('a new deployment shows "Update available — reload", and reloading activates it', async ({ page }) => {
  // A server of our own for the built app, so the test can deploy a new version mid-session
  // without disturbing the shared preview server.
  const deployment = await serveBuild();
  try {
    await openInspector(page, deployment.url);
    await waitForController(page);
    const first = await page.evaluate(async () => (await navigator.serviceWorker.ready).active);
    expect(first).not.toBeNull();

    deployment.deployNextVersion();
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const prompt = page.getByRole('alert').filter({ hasText: 'Update available' });
    await expect(prompt).toBeVisible({ timeout: 15_000 });

    await prompt.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Update available' })).toHaveCount(0);
    // The page reloads into the new version meanwhile: a check that lands mid-navigation is retried.
    await expect
      .poll(() =>
        page
          .evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)
          .catch(() => 'navigating'),
      )
      .toBeNull();
    expect(deployment.served()).toContain('next');
  } finally {
    await deployment.close();
  }
});
