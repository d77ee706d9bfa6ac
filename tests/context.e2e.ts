import { expect, type Page, test } from '@playwright/test';
import { input, openInspector, records, waitForApp, waitForContext } from './fixtures';

const ALICE = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
/** Same first four and last four hex digits as Alice: an address-poisoning look-alike. */
const LOOKALIKE = '0xd8da000000000000000000000000000000006045';

/** 100 USDC from the user to `to`, on mainnet. */
const usdcTransfer = (to: string): string =>
  JSON.stringify({
    chainId: 1,
    from: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    to: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
    data: `0xa9059cbb000000000000000000000000${to.slice(2).toLowerCase()}0000000000000000000000000000000000000000000000000000000005f5e100`,
    value: '0',
  });

const verdict = (page: Page) => page.getByTestId('verdict');
const finding = (page: Page, rule: string) =>
  verdict(page).locator(`[data-testid="findings"] li[data-rule="${rule}"]`);

test('a signed payment is remembered: the next payment to its look-alike is blocked as address poisoning', async ({
  page,
}) => {
  await openInspector(page);
  await waitForContext(page);
  await input(page).fill(usdcTransfer(ALICE));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'allow');
  await page.getByRole('button', { name: 'I signed it' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Recorded as signed' })).toBeVisible();

  // Stored: the log entry, the history and the exposure ledger.
  const log = (await records(page, 'decisions')) as { userAction: string; verdict: string }[];
  expect(log).toEqual([expect.objectContaining({ userAction: 'signed', verdict: 'allow' })]);
  expect(await records(page, 'history')).toEqual([expect.objectContaining({ address: ALICE, count: 1 })]);
  expect(await records(page, 'exposure')).toEqual([
    expect.objectContaining({ counterparty: ALICE, amount: '100000000' }),
  ]);

  // The next day (a new page load), a payment to the look-alike.
  await page.reload();
  await waitForApp(page);
  await waitForContext(page);
  await input(page).fill(usdcTransfer(LOOKALIKE));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'block');
  await expect(finding(page, 'recipient.lookalike')).toBeVisible();
  await expect(finding(page, 'recipient.lookalike')).toContainText(ALICE);
});

test('a saved contact makes a transfer to its look-alike fail: Block by default, Step up when the rule is set to high', async ({
  page,
}) => {
  await page.addInitScript(() => {
    if (localStorage.getItem('vigil.locale') === null) localStorage.setItem('vigil.locale', 'en');
  });
  // Add the contact in Settings.
  await page.goto('/settings');
  await waitForApp(page);
  await waitForContext(page);
  const book = page.getByRole('region', { name: 'Address book' });
  await book.getByRole('button', { name: 'Add contact' }).click();
  const form = book.getByRole('group', { name: 'New contact' });
  await form.getByLabel('Name', { exact: true }).fill('Alice');
  await form.getByLabel('Address', { exact: true }).fill(ALICE);
  await form.getByRole('button', { name: 'Add to address book' }).click();
  await expect(book.getByTestId('contact')).toHaveCount(1);

  // Reload, then paste a transfer to the look-alike in the inspector.
  await page.reload();
  await waitForApp(page);
  await page.goto('/');
  await waitForApp(page);
  await waitForContext(page);
  await input(page).fill(usdcTransfer(LOOKALIKE));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'block');
  await expect(finding(page, 'recipient.lookalike')).toContainText(`Alice (${ALICE})`);

  // A user who wants a warning, not a wall, lowers the rule to high: the same bytes step up.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('vigil');
        open.onsuccess = () => {
          const tx = open.result.transaction('policy', 'readwrite');
          tx.objectStore('policy').put({
            id: 'current',
            document: { rules: { 'recipient.lookalike': { severity: 'high' } } },
            exposureWindowDays: 1,
            updatedAt: 0,
          });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await waitForApp(page);
  await waitForContext(page);
  await input(page).fill(usdcTransfer(LOOKALIKE));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'stepup');
  await expect(finding(page, 'recipient.lookalike').locator('[data-severity="high"]')).toBeVisible();
});

test('a counterparty of a decision goes into the address book in one click', async ({ page }) => {
  await openInspector(page);
  await waitForContext(page);
  await input(page).fill(usdcTransfer(ALICE));
  await page
    .getByRole('list', { name: 'Counterparties not in your address book' })
    .getByRole('link', { name: 'Add to address book' })
    .click();
  await waitForApp(page);
  const form = page.getByRole('group', { name: 'New contact' });
  await expect(form.getByLabel('Address', { exact: true })).toHaveValue(ALICE);
  await expect(form.getByLabel('Name', { exact: true })).toBeFocused();
  await form.getByLabel('Name', { exact: true }).fill('Alice');
  await form.getByRole('button', { name: 'Add to address book' }).click();
  await page.goto('/');
  await waitForApp(page);
  await waitForContext(page);
  await input(page).fill(usdcTransfer(ALICE));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'allow');
  // Known now: not a new recipient, and nothing left to add.
  await expect(finding(page, 'recipient.new')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Counterparties not in your address book' })).toHaveCount(0);
});

test('a decision recorded in the inspector is listed in History and re-opens in the inspector', async ({
  page,
}) => {
  await openInspector(page);
  await waitForContext(page);
  await input(page).fill(usdcTransfer(ALICE));
  await page.getByRole('button', { name: 'I didn’t sign it' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Recorded as not signed' })).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await waitForContext(page);
  const open = page.getByRole('link', { name: 'Open in the inspector' });
  await expect(open).toHaveCount(1);
  await open.click();
  await waitForApp(page);
  await expect(input(page)).toHaveValue(usdcTransfer(ALICE));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'allow');

  // An id that is not in the log says so, and the inspector stays usable.
  await page.goto('/?decision=no-such-id');
  await waitForApp(page);
  await expect(page.getByRole('alert').filter({ hasText: 'no longer in your log' })).toBeVisible();
  await expect(input(page)).toHaveValue('');
});

test('without IndexedDB the inspector still decides, on defaults, and says so', async ({ page }) => {
  await page.addInitScript(() => {
    // A browser that gives the page no IndexedDB (some private modes, storage disabled by policy).
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await openInspector(page);
  await waitForContext(page, 'unavailable');
  await expect(page.locator('[data-context-status="unavailable"]')).toContainText(
    'Private context unavailable',
  );
  await expect(page.locator('[data-context-status="unavailable"]')).toContainText('default policy');
  await input(page).fill(usdcTransfer(ALICE));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'allow');
  await expect(verdict(page).getByTestId('policy')).toContainText('vigil-default-balanced');
  await expect(page.getByText('Nothing is recorded while your private context is unavailable')).toBeVisible();
  await expect(page.getByRole('button', { name: 'I signed it' })).toHaveCount(0);
});

test('a newer Vigil upgrading the database in another tab: this tab lets it, is told to reload, nothing is lost', async ({
  context,
}) => {
  const stale = await context.newPage();
  await openInspector(stale);
  await waitForContext(stale);
  await input(stale).fill(usdcTransfer(ALICE));
  await stale.getByRole('button', { name: 'I signed it' }).click();
  await expect(stale.getByRole('status').filter({ hasText: 'Recorded as signed' })).toBeVisible();

  // Another tab runs a newer version: it opens the database one version up (its migration adds a store).
  const newer = await context.newPage();
  await newer.goto('/history');
  await waitForApp(newer);
  const upgraded = await newer.evaluate(
    () =>
      new Promise<{ version: number; decisions: number; history: number }>((resolve, reject) => {
        const probe = indexedDB.open('vigil');
        probe.onsuccess = () => {
          const current = probe.result.version;
          probe.result.close();
          // The newer app's upgrade: an extra store; everything else stays.
          const open = indexedDB.open('vigil', current + 1);
          open.onupgradeneeded = () => open.result.createObjectStore('next', { keyPath: 'id' });
          open.onblocked = () => reject(new Error('the upgrade was blocked by the stale tab'));
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['decisions', 'history'], 'readonly');
            const decisions = tx.objectStore('decisions').count();
            const history = tx.objectStore('history').count();
            tx.oncomplete = () => {
              resolve({ version: db.version, decisions: decisions.result, history: history.result });
              db.close();
            };
          };
          open.onerror = () => reject(open.error);
        };
      }),
  );
  expect(upgraded).toEqual({ version: 3, decisions: 1, history: 1 });

  // The stale tab was told, and offers the reload.
  const notice = stale.locator('[data-context-status="stale"]');
  await expect(notice).toContainText('Vigil was updated in another tab');
  await expect(notice.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(
    stale.getByText('Nothing is recorded while your private context is unavailable'),
  ).toBeVisible();

  // Reloaded, this (older) build meets a database newer than it knows: it says so and touches nothing.
  await notice.getByRole('button', { name: 'Reload' }).click();
  await waitForApp(stale);
  await waitForContext(stale, 'newerVersion');
  await expect(stale.locator('[data-context-status="newerVersion"]')).toContainText('newer Vigil');
  expect(await records(stale, 'decisions')).toHaveLength(1);
  expect(await records(stale, 'next')).toEqual([]);
});
