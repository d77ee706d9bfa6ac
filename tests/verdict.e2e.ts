import { expect, test } from '@playwright/test';
import { input, openInspector, waitForContext } from './fixtures';

const ethTransfer = '{"chainId":1,"to":"0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045","value":"1"}';

test('an unlimited approve leads with a Step-up banner listing what to check', async ({ page }) => {
  await openInspector(page);
  await page.locator('[data-example="approve"]').click();

  const banner = page.getByTestId('verdict');
  await expect(banner).toHaveAttribute('data-verdict', 'stepup');
  await expect(banner).toHaveAttribute('role', 'status');
  await expect(banner.getByRole('heading', { level: 2 })).toHaveText(/Step up.*Check before signing/);
  await expect(banner.getByRole('heading', { name: 'What to check before signing' })).toBeVisible();

  const unlimited = banner.locator('[data-testid="findings"] li[data-rule="approval.unlimited"]');
  await expect(unlimited).toContainText('spend every token of this kind');
  await expect(unlimited.locator('[lang="en"]')).toBeVisible();
  await expect(unlimited.locator('[data-severity="medium"]')).toHaveText(/medium/);

  await expect(banner.getByTestId('decision-confidence')).toHaveText('Decode confidence 70%');
  await expect(banner.getByTestId('policy')).toContainText('vigil-default-balanced');
  await expect(banner.getByTestId('policy').locator('code')).toHaveText(/^0x[0-9a-f]{8}…$/);
  await expect(banner.getByTestId('payload-hash').locator('code')).toHaveText(/^0x[0-9a-f]{8}…$/);

  // The banner comes before the intent summary.
  const order = await page.evaluate(() => {
    const verdict = document.querySelector('[data-testid="verdict"]');
    const action = document.querySelector('[data-testid="action"]');
    return verdict && action ? verdict.compareDocumentPosition(action) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
  });
  expect(order).toBeTruthy();
  // A Step up is no alarm.
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the copy buttons copy the full hashes', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await openInspector(page);
  await page.locator('[data-example="approve"]').click();
  const banner = page.getByTestId('verdict');
  await banner.getByRole('button', { name: 'Copy policy hash' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^0x[0-9a-f]{64}$/);
  await banner.getByRole('button', { name: 'Copy Payload hash' }).click();
  const payload = await page.evaluate(() => navigator.clipboard.readText());
  expect(payload).toMatch(/^0x[0-9a-f]{64}$/);
  expect(payload.slice(0, 10)).toBe(
    (await banner.getByTestId('payload-hash').locator('code').textContent())?.slice(0, 10),
  );
});

test('unreadable input gets a Block banner above the error, and Why? shows the trace', async ({ page }) => {
  await openInspector(page);
  await input(page).fill('0xzz12');

  const banner = page.getByTestId('verdict');
  await expect(banner).toHaveAttribute('data-verdict', 'block');
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText('Do not sign');
  await expect(
    banner.getByTestId('findings').locator('li[data-rule="input.malformed"] [data-severity="critical"]'),
  ).toBeVisible();
  await expect(banner.getByTestId('decision-confidence')).toHaveText('Decode confidence 0%');
  const error = page.locator('[role="alert"][data-code]');
  await expect(error).toHaveAttribute('data-code', 'invalidHex');
  const above = await banner.evaluate(
    (el) => !!(el.compareDocumentPosition(document.querySelector('[data-code]') as Node) & 4),
  );
  expect(above).toBe(true);

  // Why? opens with the keyboard and lists every rule in order.
  const trace = banner.getByTestId('trace');
  const rules = trace.locator('li[data-rule]');
  await expect(rules.first()).toBeHidden();
  await trace.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(trace).toHaveAttribute('open', '');
  const malformed = trace.locator('li[data-rule="input.malformed"]');
  await expect(malformed).toBeVisible();
  await expect(malformed).toHaveAttribute('data-outcome', 'fired');
  await expect(malformed).toContainText('critical');
  await expect(malformed).toContainText('fired');
  await expect(rules.first()).toHaveAttribute('data-rule', 'input.malformed');
  await expect(trace.locator('li[data-rule="decode.failed"]')).toContainText('clear');
  // The page knows the user's history (empty here), so history rules run; whether a spender has
  // code is never looked up in the page, so that rule is skipped and says why.
  await expect(trace.locator('li[data-rule="recipient.new"]')).toHaveAttribute('data-outcome', 'clear');
  await expect(trace.locator('li[data-rule="approval.to-eoa"]')).toHaveAttribute('data-outcome', 'skipped');
  await expect(trace.locator('li[data-rule="approval.to-eoa"]')).toContainText('missing: hasCode');
  expect(await rules.count()).toBeGreaterThan(5);
});

test('a plain ETH transfer is allowed; to a new user every recipient is new (low)', async ({ page }) => {
  await openInspector(page);
  await waitForContext(page);
  await input(page).fill(ethTransfer);
  const banner = page.getByTestId('verdict');
  await expect(banner).toHaveAttribute('data-verdict', 'allow');
  const findings = banner.getByTestId('findings').locator('li[data-rule]');
  await expect(findings).toHaveCount(1);
  await expect(findings.first()).toHaveAttribute('data-rule', 'recipient.new');
  await expect(findings.first().locator('[data-severity="low"]')).toBeVisible();
  await expect(banner.getByTestId('decision-confidence')).toHaveText('Decode confidence 100%');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the banner is translated', async ({ page }) => {
  await openInspector(page);
  await page.getByLabel('Language').selectOption('zh');
  await page.locator('[data-example="approve"]').click();
  const banner = page.getByTestId('verdict');
  await expect(banner.getByTestId('verdict-lead')).toHaveText('签名前请核实');
  await expect(banner).toContainText('签名前需核实的事项');
  await expect(banner.getByTestId('decision-confidence')).toHaveText('解码置信度 70%');
  // The edge's messages stay English, marked as such.
  await expect(banner.locator('li[data-rule="approval.unlimited"] [lang="en"]')).toBeVisible();
  await expect(banner.locator('summary')).toContainText('为什么？');

  await input(page).fill('0xzz12');
  await expect(banner.getByTestId('verdict-lead')).toHaveText('请勿签名');
});
