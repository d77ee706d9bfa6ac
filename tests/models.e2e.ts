import { expect, type Page, test } from '@playwright/test';
import { input, openInspector, waitForApp, waitForContext } from './fixtures';

const role = (page: Page, name: 'nano' | 'verifier') => page.getByTestId(`model-role-${name}`);

test.describe('without a GPU adapter (headless Chromium as is)', () => {
  test('Settings says local models are unavailable and why; the inspector still decides', async ({
    page,
  }) => {
    await openInspector(page, '/settings');
    const panel = page.getByTestId('models-panel');
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Local models');
    for (const name of ['nano', 'verifier'] as const) {
      await expect(page.getByTestId(`model-status-${name}`)).toContainText('Unavailable here.');
      await expect(page.getByTestId(`model-reason-${name}`)).toHaveText(
        'WebGPU is present but the browser gave no GPU adapter: there is no usable GPU, it is blocked, or software rendering is disabled.',
      );
      await expect(role(page, name).getByRole('button')).toHaveCount(0);
    }
    await expect(page.getByTestId('models-without')).toHaveText(
      'Vigil works fully without them: the deterministic gate decides every request, and a model can only add caution, never remove it.',
    );
    await expect(page.getByTestId('models-gpu')).toHaveCount(0);

    await openInspector(page);
    await input(page).fill('{"chainId":1,"to":"0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045","value":"1"}');
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', /^(allow|stepup|block)$/);
  });

  test('in Chinese too', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('vigil.locale', 'zh'));
    await openInspector(page, '/settings');
    await expect(page.getByTestId('model-reason-nano')).toContainText('没有提供 GPU 适配器');
  });
});

test.describe('with the replay engine (the explicit vigil.llm.engine setting)', () => {
  const setting = {
    kind: 'replay',
    loadMs: 2500,
    recordings: [{ task: 'explain', text: 'It lets the spender take every token of this kind.' }],
  };

  test('Load shows progress, then ready, labelled as replay', async ({ page }) => {
    await page.addInitScript(
      (value) => localStorage.setItem('vigil.llm.engine', value),
      JSON.stringify(setting),
    );
    await openInspector(page, '/settings');
    await expect(page.getByTestId('models-replay')).toContainText(
      'Replay engine (test setting) — not a real model.',
    );
    const nano = role(page, 'nano');
    await expect(page.getByTestId('model-status-nano')).toContainText('Not loaded.');
    await nano.getByRole('button', { name: 'Load the Nano model' }).click();

    await expect(page.getByTestId('model-status-nano')).toContainText('Loading…');
    const bar = nano.getByRole('progressbar', { name: 'Loading the Nano model' });
    await expect(bar).toBeVisible();
    await expect(nano.getByTestId('model-progress-facts')).toContainText(/\d+ MB of \d+ MB · \d+ %/);
    await expect(nano.getByRole('button', { name: 'Cancel loading the Nano model' })).toBeVisible();

    await expect(page.getByTestId('model-status-nano')).toContainText('Ready.', { timeout: 10_000 });
    await expect(page.getByTestId('model-status-nano')).toContainText('Qwen3 0.6B · q4f16_1');
    await expect(
      nano.getByRole('button', { name: 'Unload the Nano model (free its GPU memory)' }),
    ).toBeVisible();
    await expect(page.getByTestId('model-status-verifier')).toContainText('Not loaded.');

    await nano.getByRole('button', { name: 'Unload the Nano model (free its GPU memory)' }).click();
    await expect(page.getByTestId('model-status-nano')).toContainText('Not loaded.');
    await expect(page.getByTestId('model-status-nano')).toContainText('The Nano model was unloaded.');
    await expect(nano).toContainText('Its files are in this browser’s storage.');
    await nano
      .getByRole('button', { name: 'Delete the Nano model’s downloaded weights from this browser' })
      .click();
    await expect(nano).toContainText('Not downloaded yet.');
    await expect(page.getByTestId('model-status-nano')).toContainText(
      'The Nano model’s downloaded weights were deleted.',
    );
  });

  test('Cancel stops a load at once', async ({ page }) => {
    await page.addInitScript(
      (value) => localStorage.setItem('vigil.llm.engine', value),
      JSON.stringify({ ...setting, loadMs: 60_000 }),
    );
    await openInspector(page, '/settings');
    const verifier = role(page, 'verifier');
    await verifier.getByRole('button', { name: 'Load the Verifier model' }).click();
    await expect(verifier.getByRole('progressbar')).toBeVisible();
    await verifier.getByRole('button', { name: 'Cancel loading the Verifier model' }).click();
    await expect(page.getByTestId('model-status-verifier')).toContainText('Not loaded.');
    await expect(page.getByTestId('model-status-verifier')).toContainText('was cancelled');
    await expect(verifier.getByRole('progressbar')).toHaveCount(0);
  });

  test('“Load the models when Vigil starts” is saved, and the next start loads both', async ({ page }) => {
    await page.addInitScript(
      (value) => localStorage.setItem('vigil.llm.engine', value),
      JSON.stringify({ ...setting, loadMs: 400 }),
    );
    await openInspector(page, '/settings');
    await waitForContext(page);
    const toggle = page.getByRole('checkbox', {
      name: 'Load the models when Vigil starts (otherwise on first use)',
    });
    await expect(toggle).not.toBeChecked();
    await toggle.check();
    await expect(page.getByTestId('models-panel')).toContainText('Saved.');
    await page.reload();
    await waitForApp(page);
    await expect(toggle).toBeChecked();
    await expect(page.getByTestId('model-status-nano')).toContainText('Ready.');
    await expect(page.getByTestId('model-status-verifier')).toContainText('Ready.');
  });

  test('the manifest is kept for offline use (network first)', async ({ page, context }) => {
    await page.addInitScript(
      (value) => localStorage.setItem('vigil.llm.engine', value),
      JSON.stringify(setting),
    );
    await openInspector(page, '/settings');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // Once the service worker controls the page, the manifest's fetch goes through it.
    await page.reload();
    await waitForApp(page);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.reload();
    await waitForApp(page);
    await expect
      .poll(() =>
        page.evaluate(async () =>
          (await (await caches.open('vigil-model-manifest')).keys()).map((r) => new URL(r.url).pathname),
        ),
      )
      .toEqual(['/models/manifest.json']);

    await context.setOffline(true);
    try {
      await page.reload();
      await waitForApp(page);
      await expect(page.getByTestId('model-build-nano')).toHaveAttribute(
        'data-model',
        'Qwen3-0.6B-q4f16_1-MLC',
      );
      await expect(page.getByTestId('model-status-nano')).toContainText('Not loaded.');
    } finally {
      await context.setOffline(false);
    }
  });

  test('a bad setting turns local models off and says why', async ({ page }) => {
    await page.addInitScript(() =>
      localStorage.setItem('vigil.llm.engine', '{"kind":"replay","recordings":{}}'),
    );
    await openInspector(page, '/settings');
    await expect(page.getByTestId('models-setting-invalid')).toContainText(
      'The test setting vigil.llm.engine is not valid, so local models are off: $.recordings: expected an array',
    );
    await expect(page.getByTestId('model-status-nano')).toContainText('Unavailable here.');
    await expect(role(page, 'nano').getByRole('button')).toHaveCount(0);
  });
});
