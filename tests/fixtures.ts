import { expect, type Page } from '@playwright/test';

/** `transfer(0xd8dA…6045, 1000000000)` — ERC-20 transfer calldata. */
export const transferCalldata =
  '0xa9059cbb000000000000000000000000d8da6bf26964af9d7eed9e03e53415d37aa96045000000000000000000000000000000000000000000000000000000003b9aca00';

export const recipient = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';

/** A transaction request as JSON, with a `to` field. */
export const transactionJson = JSON.stringify({
  from: recipient,
  to: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  value: '0x0',
  data: transferCalldata,
  chainId: '0x1',
});

/** Opens the inspector in English (whatever the browser language) once the app has hydrated. */
export async function openInspector(page: Page, path = '/'): Promise<void> {
  await page.addInitScript(() => {
    if (localStorage.getItem('vigil.locale') === null) localStorage.setItem('vigil.locale', 'en');
  });
  await page.goto(path);
  await waitForApp(page);
}

/** Waits until the layout has mounted (the language has been applied to <html>). */
export async function waitForApp(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', /^(en|zh-CN)$/);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
}

/** The inspector's textarea. */
export const input = (page: Page) => page.locator('#vigil-input');

/** Waits until the private context store reports `status` (`ready` by default). */
export async function waitForContext(page: Page, status = 'ready'): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-context', status);
}

/** The raw records of a store of the `vigil` database, read in the page. */
export async function records(page: Page, store: string): Promise<unknown[]> {
  return page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('vigil');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction(name, 'readonly').objectStore(name).getAll();
          get.onsuccess = () => {
            db.close();
            resolve(get.result);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    store,
  );
}
