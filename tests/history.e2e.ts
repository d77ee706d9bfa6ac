import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { openInspector, waitForApp } from './fixtures';

// Decisions made by the real gate (`npm run vigil -- inspect '<input>'`; the look-alike one with
// `--context` naming Alice in the address book and her look-alike in the history), inlined whole
// as the inspector logs them.

const alice = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const lookalike = '0xd8DA000000000000000000000000000000006045';
const permit2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';

const allowInput = '{"chainId": 1, "to": "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045", "value": "1"}';
const stepupInput =
  '{"chainId": 10, "from": "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "to": "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", "data": "0x095ea7b3000000000000000000000000000000000022d473030f116ddee9f6b43ac78ba3ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "value": "0"}';
const blockInput =
  '{"chainId": 1, "from": "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "to": "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", "data": "0xa9059cbb000000000000000000000000d8da0000000000000000000000000000000060450000000000000000000000000000000000000000000000000000000005f5e100", "value": "0"}';

const allowDecision = {
  schema: 'vigil.decision/1',
  verdict: 'allow',
  reasons: [],
  findings: [],
  confidence: 1,
  risk: 0,
  action: 'nativeTransfer',
  trace: [
    {
      rule: 'input.malformed',
      outcome: 'clear',
    },
    {
      rule: 'decode.failed',
      outcome: 'clear',
    },
    {
      rule: 'decode.low-confidence',
      outcome: 'clear',
    },
    {
      rule: 'address.known-malicious',
      outcome: 'clear',
    },
    {
      rule: 'recipient.lookalike',
      outcome: 'clear',
    },
    {
      rule: 'recipient.new',
      outcome: 'skipped',
      missing: ['history'],
    },
    {
      rule: 'transfer.to-token-contract',
      outcome: 'clear',
    },
    {
      rule: 'approval.unlimited',
      outcome: 'clear',
    },
    {
      rule: 'approval.all',
      outcome: 'clear',
    },
    {
      rule: 'approval.long-expiry',
      outcome: 'clear',
    },
    {
      rule: 'approval.to-unknown',
      outcome: 'clear',
    },
    {
      rule: 'approval.to-eoa',
      outcome: 'skipped',
      missing: ['hasCode'],
    },
    {
      rule: 'permit.offchain',
      outcome: 'clear',
    },
    {
      rule: 'order.proceeds-to-other',
      outcome: 'clear',
    },
    {
      rule: 'order.zero-price',
      outcome: 'clear',
    },
    {
      rule: 'order.bulk',
      outcome: 'clear',
    },
    {
      rule: 'delegate.7702-unknown',
      outcome: 'clear',
    },
    {
      rule: 'delegate.7702-all-chains',
      outcome: 'clear',
    },
    {
      rule: 'admin.ownership-change',
      outcome: 'clear',
    },
    {
      rule: 'admin.upgrade',
      outcome: 'clear',
    },
    {
      rule: 'call.delegatecall',
      outcome: 'clear',
    },
    {
      rule: 'signature.blind',
      outcome: 'clear',
    },
    {
      rule: 'typed-data.domain-mismatch',
      outcome: 'skipped',
      missing: ['chainId'],
    },
    {
      rule: 'value.over-limit',
      outcome: 'clear',
    },
    {
      rule: 'exposure.cumulative',
      outcome: 'skipped',
      missing: ['exposure'],
    },
  ],
  payloadHash: '0x98ff6f5385ff6d5fccb9ce12d610433eef45272b5383ae3b07f1ac76d4a65a11',
  policyHash: '0x77874520184d311a7cafcbc827a85fbeff9cd1e6a593d240f417a00198377438',
  policy: 'vigil-default-balanced',
};

const stepupDecision = {
  schema: 'vigil.decision/1',
  verdict: 'stepup',
  reasons: ['Lets 0x0000\u20268BA3 spend every token of this kind you hold, now and later.'],
  findings: [
    {
      rule: 'approval.unlimited',
      severity: 'medium',
      message: 'Lets 0x0000\u20268BA3 spend every token of this kind you hold, now and later.',
      path: 'intent.permissions[0]',
    },
  ],
  confidence: 0.7,
  risk: 0.5,
  action: 'approve',
  trace: [
    {
      rule: 'input.malformed',
      outcome: 'clear',
    },
    {
      rule: 'decode.failed',
      outcome: 'clear',
    },
    {
      rule: 'decode.low-confidence',
      outcome: 'clear',
    },
    {
      rule: 'address.known-malicious',
      outcome: 'clear',
    },
    {
      rule: 'recipient.lookalike',
      outcome: 'clear',
    },
    {
      rule: 'recipient.new',
      outcome: 'skipped',
      missing: ['history'],
    },
    {
      rule: 'transfer.to-token-contract',
      outcome: 'clear',
    },
    {
      rule: 'approval.unlimited',
      outcome: 'fired',
      severity: 'medium',
    },
    {
      rule: 'approval.all',
      outcome: 'clear',
    },
    {
      rule: 'approval.long-expiry',
      outcome: 'clear',
    },
    {
      rule: 'approval.to-unknown',
      outcome: 'clear',
    },
    {
      rule: 'approval.to-eoa',
      outcome: 'skipped',
      missing: ['hasCode'],
    },
    {
      rule: 'permit.offchain',
      outcome: 'clear',
    },
    {
      rule: 'order.proceeds-to-other',
      outcome: 'clear',
    },
    {
      rule: 'order.zero-price',
      outcome: 'clear',
    },
    {
      rule: 'order.bulk',
      outcome: 'clear',
    },
    {
      rule: 'delegate.7702-unknown',
      outcome: 'clear',
    },
    {
      rule: 'delegate.7702-all-chains',
      outcome: 'clear',
    },
    {
      rule: 'admin.ownership-change',
      outcome: 'clear',
    },
    {
      rule: 'admin.upgrade',
      outcome: 'clear',
    },
    {
      rule: 'call.delegatecall',
      outcome: 'clear',
    },
    {
      rule: 'signature.blind',
      outcome: 'clear',
    },
    {
      rule: 'typed-data.domain-mismatch',
      outcome: 'skipped',
      missing: ['chainId'],
    },
    {
      rule: 'value.over-limit',
      outcome: 'clear',
    },
    {
      rule: 'exposure.cumulative',
      outcome: 'skipped',
      missing: ['exposure'],
    },
  ],
  payloadHash: '0xbdd05a2e44bc215ac1bb506e0c0720911c5b459261c5b0099003eed3544fcee9',
  policyHash: '0x77874520184d311a7cafcbc827a85fbeff9cd1e6a593d240f417a00198377438',
  policy: 'vigil-default-balanced',
};

const blockDecision = {
  schema: 'vigil.decision/1',
  verdict: 'block',
  reasons: [
    '0xd8DA000000000000000000000000000000006045 looks like Alice (0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045) but is a different address: a classic address-poisoning trap.',
  ],
  findings: [
    {
      rule: 'recipient.lookalike',
      severity: 'critical',
      message:
        '0xd8DA000000000000000000000000000000006045 looks like Alice (0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045) but is a different address: a classic address-poisoning trap.',
      path: 'intent.counterparties[0]',
    },
  ],
  confidence: 1,
  risk: 1,
  action: 'tokenTransfer',
  trace: [
    {
      rule: 'input.malformed',
      outcome: 'clear',
    },
    {
      rule: 'decode.failed',
      outcome: 'clear',
    },
    {
      rule: 'decode.low-confidence',
      outcome: 'clear',
    },
    {
      rule: 'address.known-malicious',
      outcome: 'clear',
    },
    {
      rule: 'recipient.lookalike',
      outcome: 'fired',
      severity: 'critical',
    },
    {
      rule: 'recipient.new',
      outcome: 'clear',
    },
    {
      rule: 'transfer.to-token-contract',
      outcome: 'clear',
    },
    {
      rule: 'approval.unlimited',
      outcome: 'clear',
    },
    {
      rule: 'approval.all',
      outcome: 'clear',
    },
    {
      rule: 'approval.long-expiry',
      outcome: 'clear',
    },
    {
      rule: 'approval.to-unknown',
      outcome: 'clear',
    },
    {
      rule: 'approval.to-eoa',
      outcome: 'skipped',
      missing: ['hasCode'],
    },
    {
      rule: 'permit.offchain',
      outcome: 'clear',
    },
    {
      rule: 'order.proceeds-to-other',
      outcome: 'clear',
    },
    {
      rule: 'order.zero-price',
      outcome: 'clear',
    },
    {
      rule: 'order.bulk',
      outcome: 'clear',
    },
    {
      rule: 'delegate.7702-unknown',
      outcome: 'clear',
    },
    {
      rule: 'delegate.7702-all-chains',
      outcome: 'clear',
    },
    {
      rule: 'admin.ownership-change',
      outcome: 'clear',
    },
    {
      rule: 'admin.upgrade',
      outcome: 'clear',
    },
    {
      rule: 'call.delegatecall',
      outcome: 'clear',
    },
    {
      rule: 'signature.blind',
      outcome: 'clear',
    },
    {
      rule: 'typed-data.domain-mismatch',
      outcome: 'skipped',
      missing: ['chainId'],
    },
    {
      rule: 'value.over-limit',
      outcome: 'clear',
    },
    {
      rule: 'exposure.cumulative',
      outcome: 'skipped',
      missing: ['exposure'],
    },
  ],
  payloadHash: '0xcb4239ae81b74c4df9e72fca6b9c38d288d361a4cca67b378203f2ccd6898ff5',
  policyHash: '0x77874520184d311a7cafcbc827a85fbeff9cd1e6a593d240f417a00198377438',
  policy: 'vigil-default-balanced',
};

const t0 = Date.UTC(2025, 0, 15, 9, 0);
const hour = 3_600_000;

/** The log as the store keeps it; ids sort differently from times, so the order shown is the page's. */
const log = [
  {
    id: 'log-allow',
    at: t0,
    input: allowInput,
    inputBytes: allowInput.length,
    kind: 'transaction',
    decision: allowDecision,
    verdict: 'allow',
    rules: [],
    counterparties: [alice],
    chainId: 1,
    userAction: 'signed',
    actedAt: t0 + 60_000,
    result: `0x${'ab'.repeat(32)}`,
    resultHash: `0x${'cd'.repeat(32)}`,
  },
  {
    id: 'log-stepup',
    at: t0 + hour,
    input: stepupInput,
    inputBytes: stepupInput.length,
    kind: 'transaction',
    decision: stepupDecision,
    verdict: 'stepup',
    rules: ['approval.unlimited'],
    counterparties: [permit2],
    chainId: 10,
    userAction: 'cancelled',
    actedAt: t0 + hour + 30_000,
  },
  {
    id: 'log-block',
    at: t0 + 2 * hour,
    input: blockInput,
    inputBytes: blockInput.length,
    kind: 'transaction',
    decision: blockDecision,
    verdict: 'block',
    rules: ['recipient.lookalike'],
    counterparties: [lookalike],
    chainId: 1,
    userAction: 'overridden',
    actedAt: t0 + 2 * hour + 90_000,
    result: `0x${'12'.repeat(32)}`,
    resultHash: `0x${'34'.repeat(32)}`,
  },
  {
    // Logged without its input: it was over the log's size cap.
    id: 'log-big',
    at: t0 + 3 * hour,
    inputBytes: 300_000,
    kind: 'transaction',
    decision: stepupDecision,
    verdict: 'stepup',
    rules: ['approval.unlimited'],
    counterparties: [permit2],
    chainId: 10,
    userAction: 'pending',
  },
];

const newestFirst = ['log-big', 'log-block', 'log-stepup', 'log-allow'];

/**
 * Opens /history once the app has created its database, writes the log (with a contact, the
 * counterparty history and the exposure ledger) straight into IndexedDB, and reloads.
 */
async function seed(page: Page, path = '/history', records: readonly object[] = log): Promise<void> {
  await openInspector(page, '/history');
  await expect(page.getByTestId('log-empty')).toBeVisible();
  await page.evaluate(
    async ({ records, alice, lookalike, usdc, t0 }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('vigil', 2);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['decisions', 'addressBook', 'history', 'exposure'], 'readwrite');
      for (const record of records) tx.objectStore('decisions').put(record);
      tx.objectStore('addressBook').put({
        id: 'contact-alice',
        name: 'Alice',
        address: alice,
        chains: [],
        notes: '',
        createdAt: t0,
        updatedAt: t0,
      });
      const seen = { firstSeen: t0, count: 1 };
      tx.objectStore('history').put({
        id: 'h-alice',
        address: alice,
        ...seen,
        lastSeen: t0 + 60_000,
        directions: ['sent'],
      });
      tx.objectStore('history').put({
        id: 'h-lookalike',
        address: lookalike,
        ...seen,
        lastSeen: t0 + 2 * 3_600_000,
        directions: ['received', 'sent'],
      });
      const today = new Date().toISOString().slice(0, 10);
      const exposure = { asset: 'native', count: 2 };
      tx.objectStore('exposure').put({
        id: 'x-today',
        day: today,
        ...exposure,
        counterparty: alice,
        amount: '1500',
      });
      tx.objectStore('exposure').put({
        id: 'x-old',
        day: '2025-01-15',
        asset: usdc,
        counterparty: lookalike,
        amount: '100000000',
        count: 1,
      });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { records, alice, lookalike, usdc, t0 },
  );
  await page.goto(path);
  await waitForApp(page);
}

const entries = (page: Page) => page.getByRole('list', { name: 'Decision log' }).getByRole('article');
const entry = (page: Page, name: string | RegExp) =>
  entries(page).filter({ has: page.getByRole('heading', { name }) });
const shownIds = (page: Page) =>
  entries(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-id')));
const count = (page: Page) => page.getByTestId('log-count');

test('the log lists every decision newest first, with what the gate and the user did', async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await seed(page);
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  await expect(count(page)).toHaveText('4 of 4 decisions');
  expect(await shownIds(page)).toEqual(newestFirst);

  const block = entry(page, 'Block: Transfer tokens');
  await expect(block).toHaveAttribute('data-verdict', 'block');
  await expect(block.locator('[data-rule="recipient.lookalike"]')).toHaveAttribute(
    'data-severity',
    'critical',
  );
  await expect(block.getByTestId('user-action')).toHaveText('Overridden');
  await expect(block).toContainText('Ethereum (1)');
  await expect(block.locator('time').first()).toHaveAttribute(
    'datetime',
    new Date(t0 + 2 * 3_600_000).toISOString(),
  );
  // The look-alike is not Alice: it is offered for the address book, and opens in the inspector.
  await expect(block.getByRole('link', { name: `Add to address book: ${lookalike}` })).toHaveAttribute(
    'href',
    `/settings?add=${lookalike}`,
  );
  await expect(block.getByRole('link', { name: 'Open in the inspector' })).toHaveAttribute(
    'href',
    '/?decision=log-block',
  );
  await block.getByRole('button', { name: 'Copy Payload hash' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(blockDecision.payloadHash);

  const allow = entry(page, 'Allow: Send native currency');
  await expect(allow.getByTestId('user-action')).toHaveText('Signed');
  await expect(allow).toContainText('In your address book as Alice');
  await expect(allow.getByRole('link', { name: /Add to address book/ })).toHaveCount(0);
  await expect(allow).toContainText('None');

  const stepups = entries(page).filter({
    has: page.getByRole('heading', { name: 'Step up: Approve a spender' }),
  });
  await expect(stepups).toHaveCount(2);
  await expect(stepups.nth(1).getByTestId('user-action')).toHaveText('Cancelled');
  await expect(stepups.nth(1)).toContainText('OP Mainnet (10)');
  // The entry logged without its input cannot be reopened, and says why.
  const big = stepups.nth(0);
  await expect(big.getByTestId('user-action')).toHaveText('Pending');
  await expect(big.getByRole('link', { name: 'Open in the inspector' })).toHaveCount(0);
  const open = big.getByRole('button', { name: 'Open in the inspector' });
  await expect(open).toBeDisabled();
  await expect(open).toHaveAccessibleDescription(/too large to keep/);

  // What the gate remembers: both counterparties, and today's exposure (the old day is not counted).
  const history = page.getByRole('table', { name: 'Counterparties you have dealt with' });
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history.getByRole('row').nth(1)).toContainText('it sent to you, you sent to it');
  const exposure = page.getByRole('table', { name: 'Exposure ledger' });
  await expect(exposure.getByRole('row')).toHaveCount(2);
  await expect(exposure.getByRole('row').nth(1)).toContainText('1,500');
  await expect(page.getByTestId('exposure-ledger')).toContainText(
    'Kept from earlier days but no longer counted: 1.',
  );

  // "Open in the inspector" goes to the inspector with the entry's id.
  await block.getByRole('link', { name: 'Open in the inspector' }).click();
  await expect(page).toHaveURL(/\/\?decision=log-block$/);
});

test('each filter narrows the log, and the URL keeps it over a reload', async ({ page }) => {
  await seed(page);
  const filters = page.getByRole('form', { name: 'Filter the log' });

  await filters.getByRole('checkbox', { name: 'Block' }).check();
  await expect(count(page)).toHaveText('1 of 4 decisions');
  expect(await shownIds(page)).toEqual(['log-block']);
  await expect(page).toHaveURL(/\?verdict=block$/);
  await filters.getByRole('checkbox', { name: 'Step up' }).check();
  await expect(count(page)).toHaveText('3 of 4 decisions');
  expect(await shownIds(page)).toEqual(['log-big', 'log-block', 'log-stepup']);
  await page.reload();
  await waitForApp(page);
  await expect(count(page)).toHaveText('3 of 4 decisions');
  await expect(filters.getByRole('checkbox', { name: 'Step up' })).toBeChecked();
  await expect(filters.getByRole('checkbox', { name: 'Allow' })).not.toBeChecked();
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count(page)).toHaveText('4 of 4 decisions');
  await expect(page).toHaveURL(/\/history$/);

  // The rule list holds the rules that occur in the log.
  const rule = filters.getByLabel('Rule that fired');
  await expect(rule.getByRole('option')).toHaveText([
    'Any rule',
    'approval.unlimited',
    'recipient.lookalike',
  ]);
  await rule.selectOption('approval.unlimited');
  expect(await shownIds(page)).toEqual(['log-big', 'log-stepup']);
  await filters.getByLabel('What you did').selectOption('cancelled');
  expect(await shownIds(page)).toEqual(['log-stepup']);
  await expect(page).toHaveURL(/\?rule=approval\.unlimited&action=cancelled$/);
  await page.reload();
  await waitForApp(page);
  expect(await shownIds(page)).toEqual(['log-stepup']);
  await expect(filters.getByLabel('What you did')).toHaveValue('cancelled');
  await filters.getByRole('button', { name: 'Clear filters' }).click();

  // Part of an address, any case: Alice and her look-alike both start 0xd8da.
  await filters.getByLabel('Counterparty address').fill('0xD8DA');
  await expect(count(page)).toHaveText('2 of 4 decisions');
  expect(await shownIds(page)).toEqual(['log-block', 'log-allow']);
  await filters.getByLabel('Counterparty address').fill('0xd8da6bf');
  expect(await shownIds(page)).toEqual(['log-allow']);

  // A bookmarked view.
  await page.goto('/history?verdict=block&rule=recipient.lookalike&counterparty=0xd8da');
  await waitForApp(page);
  expect(await shownIds(page)).toEqual(['log-block']);
  await expect(filters.getByLabel('Counterparty address')).toHaveValue('0xd8da');
  await expect(filters.getByLabel('Rule that fired')).toHaveValue('recipient.lookalike');
  await filters.getByRole('checkbox', { name: 'Block' }).uncheck();
  await filters.getByLabel('Counterparty address').fill('0xfeed');
  await expect(count(page)).toHaveText('0 of 4 decisions');
  await expect(page.getByTestId('log-no-match')).toContainText('No decision matches these filters.');
});

test('the export holds exactly the decisions shown', async ({ page }) => {
  await seed(page, '/history?counterparty=0xd8da');
  expect(await shownIds(page)).toEqual(['log-block', 'log-allow']);

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export shown decisions as JSON' }).click(),
  ]);
  expect(json.suggestedFilename()).toMatch(/^vigil-decisions-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(await readFile(await json.path(), 'utf8'));
  expect(doc.format).toBe('vigil.decisions');
  expect(doc.version).toBe(1);
  expect(doc.exportedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(doc.decisions).toEqual([log[2], log[0]]);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export shown decisions as CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^vigil-decisions-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = (await readFile(await csv.path(), 'utf8')).trimEnd().split('\r\n');
  expect(rows).toEqual([
    'time,verdict,action,kind,rules,counterparties,userAction,payloadHash,resultHash',
    `2025-01-15T11:00:00.000Z,block,tokenTransfer,transaction,recipient.lookalike,${lookalike},overridden,${blockDecision.payloadHash},0x${'34'.repeat(32)}`,
    `2025-01-15T09:00:00.000Z,allow,nativeTransfer,transaction,,${alice},signed,${allowDecision.payloadHash},0x${'cd'.repeat(32)}`,
  ]);
});

test('clearing the log asks first, then empties it for good', async ({ page }) => {
  await seed(page);
  await page.getByRole('button', { name: 'Clear the log…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clear the decision log?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('all 4 logged decisions');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(count(page)).toHaveText('4 of 4 decisions');

  // Escape cancels too.
  await page.getByRole('button', { name: 'Clear the log…' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(count(page)).toHaveText('4 of 4 decisions');

  await page.getByRole('button', { name: 'Clear the log…' }).click();
  await dialog.getByRole('button', { name: 'Clear the log' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The decision log was cleared.' })).toBeVisible();
  await expect(page.getByTestId('log-empty')).toContainText('No decisions yet.');
  await expect(page.getByRole('heading', { name: 'Decision log' })).toBeFocused();
  await page.reload();
  await waitForApp(page);
  await expect(page.getByTestId('log-empty')).toBeVisible();
  // Only the log goes: the gate's memory stays.
  await expect(
    page.getByRole('table', { name: 'Counterparties you have dealt with' }).getByRole('row'),
  ).toHaveCount(3);
});

test('the page fits a 360 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await seed(page);
  await expect(count(page)).toHaveText('4 of 4 decisions');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a long log shows 50 entries at a time', async ({ page }) => {
  const many = Array.from({ length: 120 }, (_, i) => ({
    ...log[0],
    id: `log-${String(i).padStart(3, '0')}`,
    at: t0 + i * 60_000,
  }));
  await seed(page, '/history', many);
  await expect(count(page)).toHaveText('120 of 120 decisions');
  await expect(entries(page)).toHaveCount(50);
  expect((await shownIds(page))[0]).toBe('log-119');
  await page.getByRole('button', { name: 'Show 50 more' }).click();
  await expect(entries(page)).toHaveCount(100);
  // Focus moves to the first entry revealed, so keyboard users go on from there.
  await expect(entries(page).nth(50)).toBeFocused();
  await expect(entries(page).nth(50)).toHaveAttribute('data-id', 'log-069');
  await page.getByRole('button', { name: 'Show 20 more' }).click();
  await expect(entries(page)).toHaveCount(120);
  await expect(page.getByRole('button', { name: /^Show \d+ more$/ })).toHaveCount(0);
  // The export holds every matching entry, not only those revealed.
  await page.getByRole('form', { name: 'Filter the log' }).getByRole('checkbox', { name: 'Allow' }).check();
  await expect(entries(page)).toHaveCount(50);
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export shown decisions as JSON' }).click(),
  ]);
  expect(JSON.parse(await readFile(await json.path(), 'utf8')).decisions).toHaveLength(120);
});

test('when the store cannot be read, the page says so instead of an empty log', async ({ page }) => {
  await seed(page);
  await expect(count(page)).toHaveText('4 of 4 decisions');
  // A newer Vigil in another tab upgrades the database: this tab lets go of it.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('vigil', 3);
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
  );
  await expect(page.getByTestId('history-unavailable')).toHaveText(
    'Your decision log cannot be shown now. The notice above says why.',
  );
  await expect(
    page.getByRole('alert').filter({ hasText: 'Vigil was updated in another tab.' }),
  ).toBeVisible();
  await expect(entries(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'What the gate remembers' })).toHaveCount(0);
});
