import { expect, type Locator, type Page, test } from '@playwright/test';
import { type Loopback, startLoopback } from '../scripts/cloud/loopback';
import { SAMPLE } from '../src/lib/cloud/sampleInput';
import { parseDataBlocks } from '../src/lib/verifier/fence';
import { openInspector, records, waitForApp, waitForContext } from './fixtures';

/*
 * Settings → Cloud tier: saving, validation, the privacy override, removal, the loopback demo, and
 * "Test connection" against a real loopback stand-in (scripts/cloud/loopback.ts) on another port:
 * what the panel shows is exactly what the server received.
 */

let server: Loopback | undefined;

test.afterEach(async () => {
  await server?.close();
  server = undefined;
});

const panel = (page: Page) => page.getByTestId('cloud-panel');
const field = (page: Page, name: string) => panel(page).getByRole('textbox', { name, exact: true });
const baseUrl = (page: Page) => field(page, 'Base URL');
const model = (page: Page) => field(page, 'Model');
const timeout = (page: Page) => field(page, 'Timeout (ms)');
/** The key is a password field (no textbox role while hidden). */
const apiKey = (page: Page) => panel(page).getByTestId('cloud-api-key');
const enabled = (page: Page) => panel(page).getByRole('checkbox', { name: 'Use the cloud tier' });
const save = (page: Page) => panel(page).getByRole('button', { name: 'Save cloud settings' });
const savedLine = (page: Page) => panel(page).getByTestId('cloud-saved');
const errorAt = (page: Page, name: string) => panel(page).locator(`p.error[data-field="${name}"]`);
const profile = (page: Page, name: 'Strict' | 'Default' | 'Your choice') =>
  panel(page).getByRole('radio', { name: new RegExp(`^${name}`) });
const override = (page: Page) => panel(page).getByTestId('cloud-override');
const testButton = (page: Page) => panel(page).getByRole('button', { name: 'Test connection' });
const outcome = (page: Page) => panel(page).getByTestId('cloud-test-outcome');

async function openSettings(page: Page): Promise<void> {
  await openInspector(page, '/settings');
  await waitForContext(page);
  await expect(savedLine(page)).toBeVisible();
}

async function fill(page: Page, values: { url: string; model: string; key?: string; timeout?: string }) {
  await baseUrl(page).fill(values.url);
  await model(page).fill(values.model);
  if (values.key !== undefined) await apiKey(page).fill(values.key);
  if (values.timeout !== undefined) await timeout(page).fill(values.timeout);
}

async function cloudRecords(page: Page): Promise<unknown[]> {
  return (await records(page, 'prefs')).filter((r) => (r as { id: string }).id === 'cloud');
}

/** The JSON the loopback received for the one request, and the sanitized data inside its prompt. */
function received(loopback: Loopback): { text: string; data: unknown } {
  expect(loopback.requests).toHaveLength(1);
  const body = loopback.requests[0] as { messages: { role: string; content: string }[] };
  const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
  const blocks = parseDataBlocks(user);
  expect(blocks.map((b) => b.name)).toEqual(['request']);
  return { text: JSON.stringify(body), data: JSON.parse(blocks[0]?.text ?? 'null') };
}

async function shownData(page: Page): Promise<unknown> {
  return JSON.parse((await panel(page).getByTestId('cloud-test-data').textContent()) ?? 'null');
}

test('a configuration is saved, survives a reload, and its key is never shown again', async ({ page }) => {
  await openSettings(page);
  await expect(savedLine(page)).toHaveText('Nothing saved: the cloud tier is off.');
  await expect(profile(page, 'Strict')).toBeChecked();
  await expect(timeout(page)).toHaveValue('2000');
  await enabled(page).check();
  await fill(page, {
    url: ' https://api.example.com/v1 ',
    model: 'dmind-3',
    key: 'sk-e2e-secret',
    timeout: '3000',
  });
  await profile(page, 'Default').check();
  await save(page).click();
  await expect(panel(page).getByRole('status').filter({ hasText: 'Cloud settings saved.' })).toHaveCount(1);
  const summary =
    'Saved: on · api.example.com · model dmind-3 · API key set · Default profile · timeout 3,000 ms';
  await expect(savedLine(page)).toHaveText(summary);
  expect(await cloudRecords(page)).toEqual([
    {
      id: 'cloud',
      enabled: true,
      baseUrl: 'https://api.example.com/v1',
      model: 'dmind-3',
      apiKey: 'sk-e2e-secret',
      profile: 'default',
      timeoutMs: 3_000,
      updatedAt: expect.any(Number),
    },
  ]);
  await expect(apiKey(page)).toHaveValue('');
  await expect(panel(page).getByTestId('cloud-key-state')).toHaveAttribute('data-state', 'kept');
  expect(await page.content()).not.toContain('sk-e2e-secret');

  await page.reload();
  await waitForApp(page);
  await waitForContext(page);
  await expect(savedLine(page)).toHaveText(summary);
  await expect(enabled(page)).toBeChecked();
  await expect(baseUrl(page)).toHaveValue('https://api.example.com/v1');
  await expect(model(page)).toHaveValue('dmind-3');
  await expect(timeout(page)).toHaveValue('3000');
  await expect(profile(page, 'Default')).toBeChecked();
  await expect(apiKey(page)).toHaveValue('');
  await expect(apiKey(page)).toHaveAttribute('type', 'password');
  await expect(panel(page).getByTestId('cloud-key-state')).toHaveText(/A key is saved \(it is never shown\)/);
  expect(await page.content()).not.toContain('sk-e2e-secret');
  // The store says whether the key is encrypted at rest: the lock is off here.
  await expect(panel(page).getByTestId('cloud-key-storage')).toHaveText(
    /lock is off: the key is stored in plain text/,
  );

  // Saved again without typing a key: the key stays; pointed at another server: it does not follow.
  await timeout(page).fill('2500');
  await save(page).click();
  await expect(savedLine(page)).toContainText('API key set · Default profile · timeout 2,500 ms');
  await baseUrl(page).fill('https://other.example.org/v1');
  await expect(panel(page).getByTestId('cloud-key-state')).toHaveText(
    /belongs to https:\/\/api\.example\.com and is never sent to another server/,
  );
  await save(page).click();
  await expect(savedLine(page)).toContainText('other.example.org · model dmind-3 · no API key');
  expect(await cloudRecords(page)).toEqual([expect.objectContaining({ apiKey: '', timeoutMs: 2_500 })]);
});

test('a bad URL is refused at its field, in words, and nothing is saved', async ({ page }) => {
  await openSettings(page);
  await fill(page, { url: 'http://example.com/v1', model: 'dmind-3' });
  await save(page).click();
  const error = errorAt(page, 'baseUrl');
  await expect(error).toHaveText(
    'The base URL must use https. Plain http is allowed only to this machine (127.0.0.1 or localhost), for your own server.',
  );
  await expect(baseUrl(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(baseUrl(page)).toBeFocused();
  const describedBy = (await baseUrl(page).getAttribute('aria-describedby')) ?? '';
  expect(describedBy.split(' ')).toContain(await error.getAttribute('id'));
  expect(await cloudRecords(page)).toEqual([]);
  await expect(savedLine(page)).toHaveText('Nothing saved: the cloud tier is off.');

  // Several bad fields: each says why, and the focus goes to the first.
  await fill(page, {
    url: 'https://api.example.com/v1?key=1',
    model: ' ',
    key: 'sk with spaces',
    timeout: '100',
  });
  await save(page).click();
  await expect(errorAt(page, 'baseUrl')).toContainText('must not have a query');
  await expect(errorAt(page, 'model')).toHaveText('Enter the model name the server knows.');
  await expect(errorAt(page, 'apiKey')).toHaveText(
    'An API key has only printable ASCII characters, without spaces.',
  );
  await expect(errorAt(page, 'timeoutMs')).toHaveText(
    'Enter a whole number of milliseconds from 250 to 300000.',
  );
  await expect(baseUrl(page)).toBeFocused();
  // Fixing a field clears its error as the user types.
  await baseUrl(page).fill('https://api.example.com/v1');
  await expect(errorAt(page, 'baseUrl')).toHaveCount(0);
  await expect(baseUrl(page)).not.toHaveAttribute('aria-invalid', 'true');
  expect(await cloudRecords(page)).toEqual([]);
});

test('the override selects appear only under "Your choice", and their choices are saved', async ({
  page,
}) => {
  await openSettings(page);
  await expect(override(page)).toHaveCount(0);
  await profile(page, 'Default').check();
  await expect(override(page)).toHaveCount(0);
  await profile(page, 'Your choice').check();
  await expect(override(page)).toBeVisible();
  const select = (name: string) => override(page).getByRole('combobox', { name });
  await expect(select('Amounts')).toHaveValue('bucket');
  await expect(select('Amounts').locator('option')).toHaveText([
    'Removed',
    'Order of magnitude (1e3..1e4)',
    'Range (1000..2000)',
    'Exact amount',
  ]);
  await select('Amounts').selectOption('exact');
  await select('Other addresses (counterparties)').selectOption('hide');
  await select('Free text (messages, names of unknown contracts)').selectOption('exact');
  await select('Dates and deadlines').selectOption('hide');
  await expect(panel(page)).toContainText(
    'your private context — address book, history, allow and deny lists',
  );
  await fill(page, { url: 'http://localhost:8000/v1', model: 'qwen3-4b' });
  await save(page).click();
  await expect(savedLine(page)).toContainText('Your choice profile');
  expect(await cloudRecords(page)).toEqual([
    expect.objectContaining({
      profile: 'override',
      override: { amount: 'exact', counterparty: 'hide', freeText: 'exact', timing: 'hide' },
    }),
  ]);

  await page.reload();
  await waitForApp(page);
  await waitForContext(page);
  await expect(profile(page, 'Your choice')).toBeChecked();
  await expect(select('Amounts')).toHaveValue('exact');
  await expect(select('Dates and deadlines')).toHaveValue('hide');
  await profile(page, 'Strict').check();
  await expect(override(page)).toHaveCount(0);
  await save(page).click();
  await expect(savedLine(page)).toContainText('Strict profile');
  const [record] = await cloudRecords(page);
  expect(record).toMatchObject({ profile: 'strict' });
  expect(record).not.toHaveProperty('override');
});

test('remove asks first, then forgets the settings and the key', async ({ page }) => {
  await openSettings(page);
  await fill(page, { url: 'https://api.example.com/v1', model: 'dmind-3', key: 'sk-to-remove' });
  await save(page).click();
  await expect(savedLine(page)).toContainText('API key set');
  await panel(page).getByRole('button', { name: 'Remove cloud settings' }).click();
  const ask = panel(page).getByRole('group', { name: 'Remove the cloud settings, API key included?' });
  await ask.getByRole('button', { name: 'Cancel' }).click();
  expect(await cloudRecords(page)).toHaveLength(1);
  await panel(page).getByRole('button', { name: 'Remove cloud settings' }).click();
  await ask.getByRole('button', { name: 'Confirm' }).click();
  await expect(savedLine(page)).toHaveText('Nothing saved: the cloud tier is off.');
  await expect(panel(page).getByRole('status').filter({ hasText: 'Cloud settings removed.' })).toHaveCount(1);
  expect(await cloudRecords(page)).toEqual([]);
  await expect(baseUrl(page)).toHaveValue('');
  await expect(panel(page).getByTestId('cloud-key-state')).toHaveAttribute('data-state', 'none');
});

test('the loopback demo fills in its URL and model, no key, and says how to start it', async ({ page }) => {
  await openSettings(page);
  await fill(page, { url: 'https://api.example.com/v1', model: 'dmind-3', key: 'sk-real' });
  await save(page).click();
  await expect(savedLine(page)).toContainText('API key set');
  await panel(page).getByRole('button', { name: 'Use the loopback demo' }).click();
  await expect(baseUrl(page)).toHaveValue('http://127.0.0.1:8787/v1');
  await expect(model(page)).toHaveValue('loopback');
  await expect(apiKey(page)).toHaveValue('');
  // The real key is not sent to the stand-in, and saving the demo removes it.
  await expect(panel(page).getByTestId('cloud-key-state')).toHaveAttribute('data-state', 'removed');
  await expect(panel(page).getByRole('status').filter({ hasText: 'npm run cloud:loopback' })).toHaveCount(1);
  await expect(panel(page)).toContainText('start it first, in a checkout of Vigil: npm run cloud:loopback');
  await save(page).click();
  await expect(savedLine(page)).toContainText('127.0.0.1:8787 · model loopback · no API key');
  expect(await cloudRecords(page)).toEqual([
    expect.objectContaining({ baseUrl: 'http://127.0.0.1:8787/v1', model: 'loopback', apiKey: '' }),
  ]);
});

test('Test connection sends exactly the data shown, sanitized under strict, and names the advice', async ({
  page,
}) => {
  server = await startLoopback();
  await openSettings(page);
  await fill(page, { url: server.url, model: 'loopback', key: 'sk-loopback-test' });
  await testButton(page).click();
  await expect(outcome(page)).toHaveAttribute('data-reason', 'advice');
  await expect(outcome(page)).toContainText(
    /Advice received in \d+ ms: reputation “known”, risk 0\.20, suggests “Allow”\./,
  );
  await expect(outcome(page)).toContainText('This answer comes from the local loopback stand-in');

  const { text, data } = received(server);
  expect(data).toEqual(await shownData(page));
  expect(JSON.parse((await panel(page).getByTestId('cloud-test-body').textContent()) ?? '')).toEqual(
    server.requests[0],
  );
  // Strict: neither the owner nor the recipient, in any case, nor the amount's digits.
  const lower = text.toLowerCase();
  for (const address of [SAMPLE.owner, SAMPLE.recipient])
    expect(lower).not.toContain(address.slice(2).toLowerCase());
  expect(text).not.toMatch(/1234|123456/);
  expect(data).toMatchObject({ profile: 'strict', schema: 'vigil.sanitized/1' });
  expect(JSON.stringify(data)).toContain('"ref":"hidden"');
  expect(server.exchanges[0]?.headers.authorization).toBe('Bearer sk-loopback-test');
  // Testing saves nothing.
  expect(await cloudRecords(page)).toEqual([]);

  // Under the override with exact counterparties, the recipient is sent: what is shown says so too.
  await profile(page, 'Your choice').check();
  await override(page)
    .getByRole('combobox', { name: 'Other addresses (counterparties)' })
    .selectOption('exact');
  await testButton(page).click();
  await expect(outcome(page)).toHaveAttribute('data-reason', 'advice');
  expect(server.requests).toHaveLength(2);
  const second = JSON.stringify(await shownData(page));
  expect(second).toContain(SAMPLE.recipient.toLowerCase());
  expect(JSON.stringify(server.requests[1])).toContain(SAMPLE.recipient.toLowerCase());
});

test('Test connection: a stopped server is unavailable, a slow one is late, and a test can be cancelled', async ({
  page,
}) => {
  const down = await startLoopback();
  await down.close();
  await openSettings(page);
  await fill(page, { url: down.url, model: 'loopback', timeout: '2000' });
  await testButton(page).click();
  await expect(outcome(page)).toHaveAttribute('data-reason', 'unavailable');
  await expect(outcome(page)).toContainText(
    /Unavailable: the server could not be reached or refused the request/,
  );

  server = await startLoopback({ delayMs: 3_000 });
  await fill(page, { url: server.url, model: 'loopback', timeout: '400' });
  await testButton(page).click();
  await expect(outcome(page)).toHaveAttribute('data-reason', 'late');
  await expect(outcome(page)).toContainText('Late: no answer within 400 ms, so it would be ignored.');
  expect(server.requests).toHaveLength(1);

  await timeout(page).fill('20000');
  await testButton(page).click();
  await expect(testButton(page)).toBeDisabled();
  await expect(outcome(page)).toContainText('Testing… waiting up to 20,000 ms.');
  await panel(page).getByRole('button', { name: 'Cancel test' }).click();
  await expect(outcome(page)).toHaveAttribute('data-reason', 'aborted');
  await expect(outcome(page)).toHaveText('Test cancelled.');
  // Cancelling withdrew the request: the server saw the client go away.
  await expect.poll(() => server?.exchanges[1]?.abortedByClient).toBe(true);
  await expect(testButton(page)).toBeEnabled();
  await expect(testButton(page)).toBeFocused();
});

test('a bad form is not tested: the problem is shown at its field', async ({ page }) => {
  server = await startLoopback();
  await openSettings(page);
  await fill(page, { url: server.url.replace('127.0.0.1', 'example.com'), model: 'loopback' });
  await testButton(page).click();
  await expect(errorAt(page, 'baseUrl')).toContainText('must use https');
  await expect(baseUrl(page)).toBeFocused();
  expect(server.requests).toHaveLength(0);
});

test('keyboard only: fill, show the key, pick the override, save', async ({ page }) => {
  await openSettings(page);
  await enabled(page).focus();
  const expectFocus = async (locator: Locator) => expect(locator).toBeFocused();
  await page.keyboard.press('Space');
  await expect(enabled(page)).toBeChecked();
  await page.keyboard.press('Tab');
  await expectFocus(baseUrl(page));
  await page.keyboard.type('https://api.example.com/v1');
  await page.keyboard.press('Tab');
  await expectFocus(panel(page).getByRole('button', { name: 'Use the loopback demo' }));
  await page.keyboard.press('Tab');
  await expectFocus(model(page));
  await page.keyboard.type('dmind-3');
  await page.keyboard.press('Tab');
  await expectFocus(apiKey(page));
  await page.keyboard.type('sk-keyboard');
  await page.keyboard.press('Tab');
  const show = panel(page).getByRole('button', { name: 'Show key' });
  await expectFocus(show);
  await page.keyboard.press('Enter');
  await expect(show).toHaveAttribute('aria-pressed', 'true');
  await expect(apiKey(page)).toHaveAttribute('type', 'text');
  await expect(apiKey(page)).toHaveValue('sk-keyboard');
  await page.keyboard.press('Enter');
  await expect(apiKey(page)).toHaveAttribute('type', 'password');
  await page.keyboard.press('Tab');
  await expectFocus(timeout(page));
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('5000');
  await page.keyboard.press('Tab');
  await expectFocus(profile(page, 'Strict'));
  await page.keyboard.press('ArrowDown');
  await expect(profile(page, 'Default')).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(profile(page, 'Your choice')).toBeChecked();
  await expect(override(page)).toBeVisible();
  await page.keyboard.press('Tab');
  const amounts = override(page).getByRole('combobox', { name: 'Amounts' });
  await expectFocus(amounts);
  await page.keyboard.press('ArrowDown');
  await expect(amounts).toHaveValue('exact');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expectFocus(override(page).getByRole('combobox', { name: 'Dates and deadlines' }));
  await page.keyboard.press('Tab');
  await expectFocus(save(page));
  await page.keyboard.press('Enter');
  await expect(savedLine(page)).toHaveText(
    'Saved: on · api.example.com · model dmind-3 · API key set · Your choice profile · timeout 5,000 ms',
  );
  expect(await cloudRecords(page)).toEqual([
    expect.objectContaining({
      apiKey: 'sk-keyboard',
      timeoutMs: 5_000,
      override: { amount: 'exact', counterparty: 'pseudonym', freeText: 'shape', timing: 'month' },
    }),
  ]);
  // On to the test, still by keyboard.
  await page.keyboard.press('Tab');
  await expectFocus(testButton(page));
});

test('390 px wide, dark: no horizontal overflow with everything open; the panel uses the dark colours', async ({
  page,
}) => {
  server = await startLoopback();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await openSettings(page);
  await fill(page, { url: server.url, model: 'loopback' });
  await profile(page, 'Your choice').check();
  await save(page).click();
  await expect(savedLine(page)).toContainText('model loopback');
  await testButton(page).click();
  await expect(outcome(page)).toHaveAttribute('data-reason', 'advice');
  for (const summary of await panel(page).locator('summary').all()) await summary.click();
  await expect(panel(page).getByTestId('cloud-test-body')).toBeVisible();
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    view: document.documentElement.clientWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.view);
  const box = await panel(page).boundingBox();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
  const background = await panel(page).evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe('rgb(17, 26, 44)');
});

test('in Chinese', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('vigil.locale', 'zh'));
  await page.goto('/settings');
  await waitForApp(page);
  await waitForContext(page);
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText('云端层（可选）');
  await panel(page).getByRole('button', { name: '保存云端设置' }).click();
  await expect(errorAt(page, 'baseUrl')).toHaveText(
    '请输入端点的基础 URL，例如 https://api.example.com/v1。',
  );
});
