import { expect, test } from '@playwright/test';
import { input, openInspector, transferCalldata, waitForApp } from './fixtures';

test('switching to 中文 translates the UI and survives a reload', async ({ page }) => {
  await openInspector(page);
  await expect(page.getByText('Calldata, transaction, typed data or URI')).toBeVisible();

  await page.getByLabel('Language').selectOption('zh');
  await expect(page.locator('label[for="vigil-input"]')).toHaveText('调用数据、交易、类型化数据或 URI');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await input(page).fill(transferCalldata);
  await expect(page.getByTestId('kind')).toHaveText('调用数据');
  await expect(page.locator('[data-field="selector"] dt')).toHaveText('选择器');
  await expect(page.getByTestId('action')).toHaveText('转账代币');
  await expect(page.getByTestId('provenance')).toContainText('仅签名');
  await expect(page.getByTestId('confidence')).toContainText('置信度 70% — 已知函数签名（合约未验证）');
  await expect(page.getByRole('heading', { name: '原始字段' })).toBeVisible();

  await page.reload();
  await waitForApp(page);
  await expect(page.locator('label[for="vigil-input"]')).toHaveText('调用数据、交易、类型化数据或 URI');
  await expect(page.getByLabel('语言')).toHaveValue('zh');
  expect(await page.evaluate(() => localStorage.getItem('vigil.locale'))).toBe('zh');

  await page.getByLabel('语言').selectOption('en');
  await expect(page.locator('label[for="vigil-input"]')).toHaveText(
    'Calldata, transaction, typed data or URI',
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('errors are translated too', async ({ page }) => {
  await openInspector(page);
  await page.getByLabel('Language').selectOption('zh');
  await input(page).fill('0xabc');
  await expect(page.locator('[role="alert"][data-code]')).toContainText('十六进制位数为奇数');
});

test.describe('browser language', () => {
  test.use({ locale: 'zh-CN' });

  test('a zh browser starts in Chinese when nothing is saved', async ({ page }) => {
    await page.goto('/');
    await waitForApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.locator('label[for="vigil-input"]')).toHaveText('调用数据、交易、类型化数据或 URI');
  });
});
