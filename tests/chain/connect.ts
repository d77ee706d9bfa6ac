import { expect, type Page } from '@playwright/test';
import { waitForApp, waitForContext } from '../fixtures';
import { installTestWallet, type TestWalletOptions } from './wallet';

/**
 * Opens `path` (the inspector by default) in English with the test wallet installed, and connects
 * it through Vigil's wallet button, as a user would.
 */
export async function openConnected(page: Page, options: TestWalletOptions = {}, path = '/'): Promise<void> {
  await installTestWallet(page, options);
  await page.addInitScript(() => {
    if (localStorage.getItem('vigil.locale') === null) localStorage.setItem('vigil.locale', 'en');
  });
  await page.goto(path);
  await waitForApp(page);
  await waitForContext(page);
  await page.getByTestId('wallet').getByRole('button', { name: 'Connect wallet' }).click();
  await page.getByRole('button', { name: 'Connect Anvil Test Wallet' }).click();
  await expect(page.getByTestId('wallet')).toContainText('0xf39F');
}
