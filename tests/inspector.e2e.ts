import { expect, test } from '@playwright/test';
import { input, openInspector, recipient, transactionJson, transferCalldata } from './fixtures';

test('ERC-20 transfer calldata is decoded', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await openInspector(page);
  await input(page).fill(transferCalldata);

  await expect(page.getByTestId('kind')).toHaveText(/calldata/i);
  await expect(page.getByTestId('kind')).toHaveAttribute('data-kind', 'calldata');
  await expect(page.locator('[data-field="selector"] .value')).toHaveText('0xa9059cbb');
  await expect(page.getByTestId('signature')).toHaveText('transfer(address,uint256)');
  await expect(page.locator('[data-arg="to"]')).toContainText(recipient);
  await expect(page.locator('[data-arg="value"]')).toContainText('1000000000');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('an unknown selector is called out; at most its layout is guessed', async ({ page }) => {
  await openInspector(page);
  await input(page).fill('0x12345678');
  await expect(page.getByTestId('kind')).toHaveAttribute('data-kind', 'calldata');
  const note = page.getByRole('note');
  await expect(note).toHaveAttribute('data-issue', 'unknownSelector');
  await expect(note).toContainText('No known function has the selector 0x12345678');
  await expect(page.getByTestId('action')).toHaveText('Unknown action');
  // Nothing names the function: at best the argument layout is guessed from the bytes.
  await expect(page.getByTestId('provenance')).toHaveAttribute('data-source', /^(guess|none)$/);
  await expect(page.getByTestId('confidence')).toContainText('with unknown function');
});

test('garbage shows a clear error, the input is kept, and the page keeps working', async ({ page }) => {
  await openInspector(page);
  const cases = [
    { text: '0xzz12', code: 'invalidHex', sentence: /not a hex digit/i },
    { text: '{"to": 5', code: 'invalidJson', sentence: /JSON is malformed/i },
    { text: 'hello', code: 'unrecognized', sentence: /does not recognize/i },
  ];
  for (const { text, code, sentence } of cases) {
    await input(page).fill(text);
    // The parse error's box (the Block banner above it is an alert too).
    const alert = page.locator('[role="alert"][data-code]');
    await expect(alert).toBeVisible();
    await expect(alert).toHaveAttribute('data-code', code);
    await expect(alert).toContainText(sentence);
    await expect(input(page)).toHaveValue(text);
  }
  // The position from the edge is shown for the hex error.
  await input(page).fill('0xzz12');
  await expect(page.locator('[role="alert"][data-code]')).toContainText('At character 2');

  await input(page).fill(transferCalldata);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('signature')).toHaveText('transfer(address,uint256)');
});

test('?input= prefills the textarea and inspects it', async ({ page }) => {
  await openInspector(page, `/?input=${encodeURIComponent(transferCalldata)}`);
  await expect(input(page)).toHaveValue(transferCalldata);
  await expect(page.getByTestId('signature')).toHaveText('transfer(address,uint256)');
});

test('share-target text falls back to the url param', async ({ page }) => {
  await openInspector(page, `/?title=x&url=${encodeURIComponent(transferCalldata)}`);
  await expect(input(page)).toHaveValue(transferCalldata);
  await expect(page.getByTestId('kind')).toHaveAttribute('data-kind', 'calldata');
});

test('Inspect and Clear buttons', async ({ page }) => {
  await openInspector(page);
  await input(page).fill(transferCalldata);
  await page.getByRole('button', { name: 'Inspect', exact: true }).click();
  await expect(page.getByTestId('kind')).toHaveAttribute('data-kind', 'calldata');
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(input(page)).toHaveValue('');
  await expect(page.getByRole('heading', { name: 'Paste something to inspect' })).toBeVisible();
});

test('every example parses', async ({ page }) => {
  await openInspector(page);
  const ids = await page
    .locator('[data-example]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-example')));
  expect(ids.length).toBeGreaterThanOrEqual(3);
  for (const id of ids) {
    await page.locator(`[data-example="${id}"]`).click();
    await expect(page.getByTestId('kind')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(input(page)).toBeFocused();
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
  }
});

test('copy button copies the exact value', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await openInspector(page);
  await input(page).fill(transactionJson);
  const row = page.locator('[data-field="to"]');
  await expect(row).toBeVisible();
  const button = row.getByRole('button', { name: 'Copy To' });
  await button.click();
  await expect(button).toHaveText('Copied');
  await expect(row.getByRole('status')).toHaveText('To copied to the clipboard');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe('0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48');
});

test('dropping a text file loads it; an oversized file is refused', async ({ page }) => {
  await openInspector(page);
  const drop = (name: string, content: string | number) =>
    input(page).evaluate(
      (el, { name, content }) => {
        const body = typeof content === 'number' ? new Uint8Array(content) : content;
        const transfer = new DataTransfer();
        transfer.items.add(
          new File([body], name, { type: name.endsWith('.json') ? 'application/json' : 'text/plain' }),
        );
        el.dispatchEvent(
          new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
        el.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      { name, content },
    );

  await drop('tx.txt', transferCalldata);
  await expect(input(page)).toHaveValue(transferCalldata);
  await expect(page.getByTestId('signature')).toHaveText('transfer(address,uint256)');

  await drop('huge.json', 4 * 1024 * 1024 + 1);
  await expect(page.getByText(/the limit is 4 MiB/)).toBeVisible();
  await expect(input(page)).toHaveValue(transferCalldata);
});

test('keyboard: Ctrl+K and / focus the textarea', async ({ page }) => {
  await openInspector(page);
  await expect(page.getByText(/Press Ctrl\+K or \//)).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await expect(input(page)).not.toBeFocused();
  await page.keyboard.press('Control+K');
  await expect(input(page)).toBeFocused();

  await page.getByRole('button', { name: 'Inspect', exact: true }).focus();
  await page.keyboard.press('/');
  await expect(input(page)).toBeFocused();
  // Typing "/" inside the textarea types it.
  await page.keyboard.type('/');
  await expect(input(page)).toHaveValue('/');
});

test('a11y basics: every button and control has an accessible name', async ({ page }) => {
  await openInspector(page);
  const check = async () => {
    const snapshot = await page.locator('body').ariaSnapshot();
    expect(snapshot).not.toMatch(/^\s*- (button|textbox|combobox)\s*(:|$)/m);
    for (const button of await page.getByRole('button').all()) {
      await expect(button).toHaveAccessibleName(/\S/);
    }
  };
  await check();
  await input(page).fill(transactionJson);
  await expect(page.getByTestId('kind')).toBeVisible();
  await check();
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await page.locator('[data-example="safe"]').click();
  await expect(page.getByTestId('tree')).toBeVisible();
  await check();
  await expect(page.getByRole('meter', { name: 'Decoding confidence' })).toHaveAttribute(
    'aria-valuenow',
    '70',
  );
  await expect(page.getByLabel('Calldata, transaction, typed data or URI')).toBeVisible();
  await expect(page.getByLabel('Language')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
