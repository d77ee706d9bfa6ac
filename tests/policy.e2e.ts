import { expect, type Page, test } from '@playwright/test';
import { input, openInspector, records } from './fixtures';

const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const ALICE = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

/** 100 USDC (100000000 base units) from a test account to Alice, on mainnet. */
const usdcTransfer = JSON.stringify({
  chainId: 1,
  from: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  to: USDC,
  data: '0xa9059cbb000000000000000000000000d8da6bf26964af9d7eed9e03e53415d37aa960450000000000000000000000000000000000000000000000000000000005f5e100',
  value: '0',
});
const ethTransfer = JSON.stringify({ chainId: 1, to: ALICE, value: '1' });

/** Opens Settings in English and waits until the private context is ready to edit. */
async function openSettings(page: Page): Promise<void> {
  await openInspector(page, '/settings');
  await expectSettingsReady(page);
}

async function expectSettingsReady(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save policy' })).toBeEnabled();
}

const policy = (page: Page) => page.getByTestId('policy-editor');
const perRequest = (page: Page) => policy(page).getByRole('group', { name: 'Per request', exact: true });
const perCounterparty = (page: Page) =>
  policy(page).getByRole('group', { name: 'Per counterparty', exact: true });

/** Adds a limit row to a limit list and fills it. */
async function addLimit(
  list: ReturnType<typeof perRequest>,
  n: number,
  asset: string,
  amount: string,
): Promise<void> {
  await list.getByRole('button', { name: 'Add a limit' }).click();
  const row = list.getByRole('group', { name: `Limit ${n}`, exact: true });
  await row.getByLabel('Asset').fill(asset);
  await row.getByLabel('Amount, base units').fill(amount);
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByTestId('policy-status')).toHaveText('Policy saved.');
}

/** Goes to the inspector through the navigation (the private context stays loaded) and decides `text`. */
async function inspectInApp(page: Page, text: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Inspector' }).click();
  await input(page).fill(text);
  const banner = page.getByTestId('verdict');
  await expect(banner).toBeVisible();
  return banner;
}

test('raise an exposure limit in Settings and see the verdict of the same payload change', async ({
  page,
}) => {
  await openSettings(page);
  await addLimit(perRequest(page), 1, USDC, '50000000');
  // The amount is shown in whole tokens for a bundled token.
  await expect(perRequest(page).getByText('= 50 USDC')).toBeVisible();
  await save(page);
  await expect(policy(page).getByTestId('policy-in-use')).toHaveAttribute('data-source', 'saved');

  const banner = await inspectInApp(page, usdcTransfer);
  await expect(banner).not.toHaveAttribute('data-verdict', 'allow');
  await expect(banner).toHaveAttribute('data-verdict', 'stepup');
  await expect(banner.getByTestId('findings').locator('li[data-rule="value.over-limit"]')).toContainText(
    'over your limit of 50000000',
  );
  await expect(banner.getByTestId('trace').locator('li[data-rule="value.over-limit"]')).toHaveAttribute(
    'data-outcome',
    'fired',
  );

  // Back in Settings: raise the limit to 1000 USDC, save, reload.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await expectSettingsReady(page);
  const amount = perRequest(page).getByRole('group', { name: 'Limit 1' }).getByLabel('Amount, base units');
  await expect(amount).toHaveValue('50000000');
  await amount.fill('1000000000');
  await expect(perRequest(page).getByText('= 1000 USDC')).toBeVisible();
  await save(page);
  await page.reload();
  await expectSettingsReady(page);
  await expect(amount).toHaveValue('1000000000');

  const after = await inspectInApp(page, usdcTransfer);
  await expect(after).toHaveAttribute('data-verdict', 'allow');
  await expect(after.getByTestId('trace').locator('li[data-rule="value.over-limit"]')).toHaveAttribute(
    'data-outcome',
    'clear',
  );
});

test('a saved policy survives a reload: profile, a rule turned off, a severity override', async ({
  page,
}) => {
  await openSettings(page);
  const editor = policy(page);
  await expect(editor.getByTestId('policy-name')).toHaveText('vigil-default-balanced');
  await expect(editor.getByTestId('policy-in-use')).toHaveAttribute('data-source', 'default');
  const hashBefore = await editor.getByTestId('policy-hash').textContent();

  // Picking a profile resets both thresholds to its defaults.
  await editor.getByLabel('Step up when risk is above').fill('0.55');
  await editor.getByRole('radio', { name: 'Conservative' }).check();
  await expect(editor.getByLabel('Step up when decode confidence is below')).toHaveValue('0.9');
  await expect(editor.getByLabel('Step up when risk is above')).toHaveValue('0.1');

  const showRules = editor.locator('summary', { hasText: 'Show all 25 rules' });
  await expect(showRules).toHaveText('Show all 25 rules (0 changed)');
  await showRules.click();
  await editor.getByLabel('Severity of “First payment to this address”').selectOption('high');
  await editor.getByRole('checkbox', { name: 'Check “Tokens sent to a token contract”' }).uncheck();
  await expect(page.getByTestId('policy-status')).toHaveText('Unsaved changes.');
  await save(page);
  await expect(editor.getByTestId('policy-name')).toHaveText('vigil-default-conservative');
  await expect(editor.getByTestId('policy-hash')).not.toHaveText(hashBefore ?? '');

  await page.reload();
  await expectSettingsReady(page);
  await expect(editor.getByRole('radio', { name: 'Conservative' })).toBeChecked();
  await expect(editor.getByLabel('Step up when risk is above')).toHaveValue('0.1');
  await expect(showRules).toHaveText('Show all 25 rules (2 changed)');
  await showRules.click();
  await expect(editor.getByLabel('Severity of “First payment to this address”')).toHaveValue('high');
  await expect(
    editor.getByRole('checkbox', { name: 'Check “Tokens sent to a token contract”' }),
  ).not.toBeChecked();
  await expect(editor.getByRole('checkbox', { name: 'Check “First payment to this address”' })).toBeChecked();
  await expect(editor.getByTestId('policy-in-use')).toHaveAttribute('data-source', 'saved');
  await expect(page.getByTestId('policy-status')).toHaveText('');

  // Discard goes back to the saved policy; Reset (confirmed) forgets it.
  await editor.getByRole('radio', { name: 'Expert' }).check();
  await editor.getByRole('button', { name: 'Discard changes' }).click();
  await expect(editor.getByRole('radio', { name: 'Conservative' })).toBeChecked();
  await editor.getByRole('button', { name: 'Reset to defaults' }).click();
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor.getByRole('radio', { name: 'Conservative' })).toBeChecked();
  await editor.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(editor.getByRole('group', { name: /Forget your saved policy/ })).toBeVisible();
  await editor.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('policy-status')).toHaveText('Policy reset to the defaults.');
  await expect(editor.getByRole('radio', { name: 'Balanced' })).toBeChecked();
  await expect(editor.getByTestId('policy-in-use')).toHaveAttribute('data-source', 'default');
  await expect(editor.getByTestId('policy-hash')).toHaveText(hashBefore ?? '');
});

test('invalid input shows an error next to the field and Save is refused', async ({ page }) => {
  await openSettings(page);
  const editor = policy(page);
  const tauRisk = editor.getByLabel('Step up when risk is above');
  await tauRisk.fill('1.5');
  await expect(tauRisk).toHaveAttribute('aria-invalid', 'true');
  await expect(tauRisk).toHaveAccessibleDescription(/Enter a number from 0 to 1\./);

  await addLimit(perRequest(page), 1, 'native', '-5');
  const negative = perRequest(page).getByRole('group', { name: 'Limit 1' }).getByLabel('Amount, base units');
  await expect(negative).toHaveAttribute('aria-invalid', 'true');
  await expect(negative).toHaveAccessibleDescription('A limit cannot be negative.');

  await addLimit(perCounterparty(page), 1, '0x1234', '1000');
  const badToken = perCounterparty(page).getByRole('group', { name: 'Limit 1' }).getByLabel('Asset');
  await expect(badToken).toHaveAttribute('aria-invalid', 'true');
  await expect(badToken).toHaveAccessibleDescription(/Not an asset/);

  const window = editor.getByLabel('Exposure window, days');
  await window.fill('400');
  await expect(window).toHaveAccessibleDescription(/Enter a whole number of days from 1 to 365\./);

  await expect(page.getByTestId('policy-preview')).toBeVisible();
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Not saved: fix the marked fields first.' }),
  ).toBeVisible();
  // The first invalid field takes the focus.
  await expect(tauRisk).toBeFocused();

  // Nothing was saved.
  await page.reload();
  await expectSettingsReady(page);
  await expect(editor.getByTestId('policy-in-use')).toHaveAttribute('data-source', 'default');
  await expect(editor.getByLabel('Step up when risk is above')).toHaveValue('0.4');
  await expect(perRequest(page).getByText('No limits.')).toBeVisible();

  // Fixing the field clears its error.
  await tauRisk.fill('0.5');
  await expect(tauRisk).not.toHaveAttribute('aria-invalid', 'true');
  await save(page);
});

test('the latency budget: 5 s saved survives a reload and routes the tiers; cleared, no routing key', async ({
  page,
}) => {
  await openSettings(page);
  const editor = policy(page);
  const budget = editor.getByLabel('Time the advisory tiers may take (seconds)');
  await expect(budget).toHaveValue('');
  await expect(budget).toHaveAttribute('placeholder', '30 s, the balanced default');
  await expect(budget).toHaveAccessibleDescription(/predicted to take longer is skipped.*Empty: 30 s/);

  // Errors in words, next to the field; nothing saved.
  await budget.fill('0.05');
  await expect(budget).toHaveAttribute('aria-invalid', 'true');
  await expect(budget).toHaveAccessibleDescription(/Enter from 0\.1 to 600 seconds\./);
  await budget.fill('five');
  await expect(budget).toHaveAccessibleDescription(/Enter a number of seconds, such as 5 or 0\.5/);
  await budget.fill('1.2345');
  await expect(budget).toHaveAccessibleDescription(/At most three decimal places/);
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(budget).toBeFocused();
  expect(await records(page, 'policy')).toEqual([]);

  // An explicit budget stays when the profile changes; the placeholder follows the profile.
  await budget.fill('5');
  await expect(budget).not.toHaveAttribute('aria-invalid', 'true');
  await editor.getByRole('radio', { name: 'Expert' }).check();
  await expect(budget).toHaveValue('5');
  await expect(budget).toHaveAttribute('placeholder', '10 s, the expert default');
  await save(page);
  expect(await records(page, 'policy')).toMatchObject([
    { document: { profile: 'expert', routing: { budgetMs: 5000 } } },
  ]);

  await page.reload();
  await expectSettingsReady(page);
  await expect(budget).toHaveValue('5');
  // The orchestrator routes under it.
  await inspectInApp(page, ethTransfer);
  await expect(page.getByTestId('tiers-plan')).toContainText('within a 5.0 s budget');

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await expectSettingsReady(page);
  await budget.fill('');
  await save(page);
  const [record] = (await records(page, 'policy')) as { document: Record<string, unknown> }[];
  expect(record?.document.profile).toBe('expert');
  expect(record?.document).not.toHaveProperty('routing');
  await page.reload();
  await expectSettingsReady(page);
  await expect(budget).toHaveValue('');
  await expect(budget).toHaveAttribute('placeholder', '10 s, the expert default');
  await inspectInApp(page, ethTransfer);
  await expect(page.getByTestId('tiers-plan')).toContainText('within a 10.0 s budget');
});

test('allow and deny lists: add, reload, still there, remove', async ({ page }) => {
  await openSettings(page);
  const allow = page.getByRole('region', { name: 'Allowlist' });
  const deny = page.getByRole('region', { name: 'Denylist' });
  await expect(allow.getByText('Your allowlist is empty.')).toBeVisible();

  // A malformed address is refused before the store sees it.
  await allow.getByLabel('Address').fill('0x1234');
  await allow.getByRole('button', { name: 'Add to allowlist' }).click();
  await expect(allow.getByLabel('Address')).toHaveAccessibleDescription(/Not an address/);

  await allow.getByLabel('Address').fill(ALICE.toLowerCase());
  await allow.getByLabel('Note (optional)').fill('my other wallet');
  await allow.getByRole('button', { name: 'Add to allowlist' }).click();
  const entry = allow.getByRole('listitem').filter({ hasText: ALICE });
  await expect(entry).toContainText('my other wallet');
  await expect(allow.getByLabel('Address')).toHaveValue('');

  // The same address cannot be on both lists: the store says why, next to the field.
  await deny.getByLabel('Address').fill(ALICE);
  await deny.getByRole('button', { name: 'Add to denylist' }).click();
  await expect(deny.getByLabel('Address')).toHaveAccessibleDescription(
    /on your allowlist: remove it there first/,
  );
  await deny.getByLabel('Address').fill(BOB);
  await deny.getByRole('button', { name: 'Add to denylist' }).click();
  await expect(deny.getByRole('listitem').filter({ hasText: BOB })).toBeVisible();

  await page.reload();
  await expectSettingsReady(page);
  await expect(entry).toContainText('my other wallet');
  await expect(deny.getByRole('listitem').filter({ hasText: BOB })).toBeVisible();

  // Removing asks first.
  await entry.getByRole('button', { name: 'Remove 0xd8dA…6045' }).click();
  await entry.getByRole('button', { name: 'Cancel' }).click();
  await expect(entry).toBeVisible();
  await entry.getByRole('button', { name: 'Remove 0xd8dA…6045' }).click();
  await entry.getByRole('button', { name: 'Confirm' }).click();
  await expect(allow.getByText('Your allowlist is empty.')).toBeVisible();

  await page.reload();
  await expectSettingsReady(page);
  await expect(allow.getByText('Your allowlist is empty.')).toBeVisible();
  await expect(deny.getByRole('listitem').filter({ hasText: BOB })).toBeVisible();
});

test('7702 delegates: add with chains, refuse a bundled one, remove', async ({ page }) => {
  await openSettings(page);
  const delegates = page.getByTestId('delegates-editor');
  await expect(delegates.getByText(/You have added no delegates/)).toBeVisible();

  await delegates.getByLabel('Delegate contract').fill('0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B');
  await delegates.getByRole('button', { name: 'Add delegate' }).click();
  await expect(delegates.getByLabel('Delegate contract')).toHaveAccessibleDescription(/Already trusted/);

  await delegates.getByLabel('Delegate contract').fill(BOB);
  await delegates.getByLabel('Chain ids (optional)').fill('8453, base');
  await delegates.getByRole('button', { name: 'Add delegate' }).click();
  await expect(delegates.getByLabel('Chain ids (optional)')).toHaveAccessibleDescription(
    /“base” is not a chain id/,
  );
  await delegates.getByLabel('Chain ids (optional)').fill('8453 1');
  await delegates.getByRole('button', { name: 'Add delegate' }).click();
  const entry = delegates.getByRole('listitem').filter({ hasText: BOB });
  await expect(entry).toContainText('Chains: Ethereum (1), Base (8453)');

  await page.reload();
  await expectSettingsReady(page);
  await expect(entry).toBeVisible();
  await entry.getByRole('button', { name: 'Remove 0x7099…79C8' }).click();
  await entry.getByRole('button', { name: 'Confirm' }).click();
  await expect(delegates.getByText(/You have added no delegates/)).toBeVisible();
});

/** Logs decided requests straight into IndexedDB (the inspector's outcome bar is not needed). */
async function seedDecisions(page: Page, inputs: readonly string[]): Promise<void> {
  await page.evaluate(async (inputs) => {
    // A decision as `npm run vigil -- inspect` gives for a 100 USDC transfer under the balanced policy.
    const decision = {
      schema: 'vigil.decision/1',
      verdict: 'allow',
      reasons: [],
      findings: [],
      confidence: 1,
      risk: 0,
      action: 'tokenTransfer',
      trace: [],
      payloadHash: '0x19689e716ccc23adda53835c75599f8bee838fc87c3d530e88602f0ef3978f1d',
      policyHash: '0x77874520184d311a7cafcbc827a85fbeff9cd1e6a593d240f417a00198377438',
      policy: 'vigil-default-balanced',
    };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('vigil', 2);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('decisions', 'readwrite');
    const base = Date.UTC(2026, 0, 15, 9);
    inputs.forEach((input, i) => {
      tx.objectStore('decisions').put({
        id: `seed-${i}`,
        at: base + i * 60_000,
        input,
        inputBytes: input.length,
        kind: 'transaction',
        decision,
        verdict: 'allow',
        rules: [],
        counterparties: [],
        chainId: 1,
        userAction: 'signed',
      });
    });
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, inputs);
}

test('the preview counts the logged decisions the draft would change', async ({ page }) => {
  await openSettings(page);
  const preview = page.getByTestId('policy-preview');
  await expect(preview).toContainText('No logged decisions yet: decide something in the inspector first.');

  await seedDecisions(page, [usdcTransfer, ethTransfer, usdcTransfer]);
  await page.reload();
  await expectSettingsReady(page);
  await expect(preview.getByTestId('preview-outcome')).toHaveText(
    'Change the policy above to see how it would have decided your recent requests.',
  );

  // A 50 USDC limit, not saved: the two 100 USDC transfers would step up.
  await addLimit(perRequest(page), 1, USDC, '50000000');
  const summary = preview.getByTestId('preview-summary');
  await expect(summary).toHaveText('2 of 3 would change: 2 Allow → Step up');
  const changes = preview.getByRole('list', { name: 'Requests whose verdict would change' });
  await expect(changes.locator(':scope > li')).toHaveCount(2);
  const first = changes.locator(':scope > li').first();
  await expect(first).toContainText('Transfer tokens');
  await expect(first).toHaveAttribute('data-before', 'allow');
  await expect(first).toHaveAttribute('data-after', 'stepup');
  await expect(first.getByRole('list', { name: 'Rules that made the difference' })).toContainText(
    'value.over-limit',
  );

  // An invalid draft is not previewed; a stricter threshold is, with no rule to blame.
  await policy(page).getByLabel('Step up when risk is above').fill('2');
  await expect(preview.getByTestId('preview-outcome')).toHaveText(
    'Fix the marked fields to see what the change would do.',
  );
  await perRequest(page).getByRole('button', { name: 'Remove limit 1' }).click();
  await policy(page).getByLabel('Step up when risk is above').fill('0.1');
  await expect(summary).toHaveText('3 of 3 would change: 3 Allow → Step up');
  await expect(changes.locator(':scope > li').first()).toContainText('The thresholds made the difference.');

  // Saved, the draft is the policy: nothing left to preview.
  await save(page);
  await expect(preview.getByTestId('preview-outcome')).toHaveText(
    'Change the policy above to see how it would have decided your recent requests.',
  );
});

test('without storage the sections say they cannot be edited and their forms are disabled', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await openInspector(page, '/settings');
  await expect(page.locator('[data-context-status="unavailable"]')).toBeVisible();
  await expect(page.getByTestId('policy-not-ready')).toHaveText(/cannot be edited now/);
  await expect(page.getByRole('button', { name: 'Save policy' })).toBeDisabled();
  await expect(policy(page).getByRole('radio', { name: 'Balanced' })).toBeDisabled();
  await expect(page.getByRole('region', { name: 'Allowlist' }).getByLabel('Address')).toBeDisabled();
  await expect(page.getByTestId('delegates-editor').getByLabel('Delegate contract')).toBeDisabled();
  await expect(policy(page).getByTestId('policy-in-use')).toHaveAttribute('data-source', 'default');
});
