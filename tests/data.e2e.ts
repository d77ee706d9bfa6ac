import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { openInspector, waitForApp } from './fixtures';

/**
 * The address book and the "Your data" panel of Settings, against Chromium's real IndexedDB.
 * Every test starts with an empty browser profile (Playwright gives each its own context).
 */

const alice = { name: 'Alice', address: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045' };
const bob = { name: 'Bob', address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' };
const carol = { name: 'Carol', address: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' };
const passphrase = 'correct horse battery';

const book = (page: Page) => page.getByRole('region', { name: 'Address book', exact: true });
const panel = (page: Page) => page.getByRole('region', { name: 'Your data', exact: true });
const part = (page: Page, name: string) => panel(page).getByRole('region', { name, exact: true });
const contact = (page: Page, name: string) =>
  book(page)
    .getByTestId('contact')
    .filter({ has: page.getByRole('heading', { name, exact: true }) });
const lockedBanner = (page: Page) => page.locator('[data-context-status="locked"]');

/** Opens Settings in English and waits until the store has loaded (or locked). */
async function openSettings(page: Page, path = '/settings'): Promise<void> {
  await openInspector(page, path);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  // Any settled status: opening (the store still loading) is not one.
  await expect(page.locator('html')).toHaveAttribute(
    'data-context',
    /^(ready|locked|unavailable|stale|newerVersion|closed)$/,
  );
}

async function reload(page: Page): Promise<void> {
  await page.reload();
  await waitForApp(page);
}

async function addContact(page: Page, c: { name: string; address: string; chains?: string; notes?: string }) {
  await book(page).getByRole('button', { name: 'Add contact' }).click();
  const form = book(page).getByRole('group', { name: 'New contact' });
  await form.getByLabel('Name', { exact: true }).fill(c.name);
  await form.getByLabel('Address', { exact: true }).fill(c.address);
  if (c.chains !== undefined) await form.getByLabel('Chains', { exact: true }).fill(c.chains);
  if (c.notes !== undefined) await form.getByLabel('Notes', { exact: true }).fill(c.notes);
  await form.getByRole('button', { name: 'Add to address book' }).click();
  await expect(contact(page, c.name)).toBeVisible();
}

/** Every store of the raw database, as the browser holds it (sealed bytes as number arrays). */
async function readDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('vigil');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const name of Array.from(db.objectStoreNames))
      out[name] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    db.close();
    return JSON.parse(
      JSON.stringify(out, (_key, value) =>
        ArrayBuffer.isView(value) ? Array.from(value as Uint8Array) : value,
      ),
    ) as Record<string, unknown[]>;
  });
}

/** Writes a record straight into a store (for data no screen of this branch edits), then reloads. */
async function putRaw(page: Page, store: string, record: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    async ({ store, record }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('vigil');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(store, 'readwrite');
        tx.objectStore(store).put(record);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { store, record },
  );
  await reload(page);
}

async function exportData(page: Page): Promise<{ filename: string; text: string }> {
  const download = page.waitForEvent('download');
  await part(page, 'Export').getByRole('button', { name: 'Export my data' }).click();
  const file = await download;
  return { filename: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

async function pickFile(input: Locator, name: string, text: string, mimeType: string): Promise<void> {
  await input.setInputFiles({ name, mimeType, buffer: Buffer.from(text, 'utf8') });
}

async function enableLock(page: Page, idle: string): Promise<void> {
  const lock = part(page, 'Passphrase lock');
  const form = lock.getByRole('group', { name: 'Turn on the lock' });
  await form.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await form.getByLabel('Passphrase again').fill(passphrase);
  await form.getByLabel('Lock after this many idle minutes').fill(idle);
  await form.getByRole('button', { name: 'Turn on the lock' }).click();
  await expect(lock.getByText('The lock is on.', { exact: true })).toBeVisible();
}

test('a contact is added, kept across a reload, edited and deleted', async ({ page }) => {
  await openSettings(page);
  await expect(book(page).getByText(/No contacts yet/)).toBeVisible();
  await expect(book(page)).toContainText(
    'Vigil warns when a payment goes to an address that only looks like',
  );

  // A wrong checksum is refused next to the address field, and nothing is saved.
  await book(page).getByRole('button', { name: 'Add contact' }).click();
  const form = book(page).getByRole('group', { name: 'New contact' });
  await form.getByLabel('Name', { exact: true }).fill('Typo');
  const address = form.getByLabel('Address', { exact: true });
  await address.fill(alice.address.replace('d8dA', 'd8Da'));
  await form.getByRole('button', { name: 'Add to address book' }).click();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(address).toHaveAccessibleDescription(/wrong checksum/);
  await expect(address).toBeFocused();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(book(page).getByTestId('contact')).toHaveCount(0);

  await addContact(page, { ...alice, notes: 'Rent' });
  await reload(page);
  const saved = contact(page, 'Alice');
  await expect(saved.getByTestId('contact-address')).toHaveText(alice.address);
  await expect(saved).toContainText('All chains');
  await expect(saved).toContainText('Rent');
  await expect(book(page).getByText('Contacts (1)')).toBeVisible();

  // Edit: new name and two chains.
  await saved.getByRole('button', { name: 'Edit Alice' }).click();
  const edit = book(page).getByRole('group', { name: 'Edit Alice' });
  await expect(edit.getByLabel('Name', { exact: true })).toBeFocused();
  await edit.getByLabel('Name', { exact: true }).fill('Alice Cooper');
  await edit.getByLabel('Chains', { exact: true }).fill('8453, 1 1');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  const edited = contact(page, 'Alice Cooper');
  await expect(edited).toContainText('Ethereum (1)');
  await expect(edited).toContainText('Base (8453)');
  await expect(edited.getByRole('button', { name: 'Edit Alice Cooper' })).toBeFocused();
  await reload(page);
  await expect(contact(page, 'Alice Cooper')).toContainText('Base (8453)');
  await expect(book(page).getByTestId('contact')).toHaveCount(1);

  // Search filters by name and by address.
  await addContact(page, bob);
  const search = book(page).getByLabel('Search by name or address');
  await search.fill('cooper');
  await expect(book(page).getByTestId('contact')).toHaveCount(1);
  await search.fill('70997970c5');
  await expect(book(page).getByTestId('contact')).toHaveText([/Bob/]);
  await search.fill('nobody');
  await expect(book(page).getByText('No contact matches “nobody”.')).toBeVisible();
  await search.fill('');

  // Delete asks first; Cancel keeps the contact.
  await contact(page, 'Alice Cooper').getByRole('button', { name: 'Delete Alice Cooper' }).click();
  const question = contact(page, 'Alice Cooper').getByRole('group', {
    name: /Delete Alice Cooper from your address book\?/,
  });
  await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(contact(page, 'Alice Cooper')).toBeVisible();
  await contact(page, 'Alice Cooper').getByRole('button', { name: 'Delete Alice Cooper' }).click();
  await contact(page, 'Alice Cooper').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(contact(page, 'Alice Cooper')).toHaveCount(0);
  await reload(page);
  await expect(book(page).getByTestId('contact')).toHaveText([/Bob/]);
});

test('a good CSV file adds and updates contacts after a preview', async ({ page }) => {
  await openSettings(page);
  await addContact(page, { name: 'Old name', address: alice.address });
  const csv = [
    'name,address,chains,notes',
    `Alice,${alice.address.toLowerCase()},1,"Rent, monthly"`,
    `${bob.name},${bob.address},1;10,`,
    `${carol.name},${carol.address},,friend`,
  ].join('\r\n');
  await pickFile(book(page).getByLabel('Import CSV…'), 'friends.csv', csv, 'text/csv');
  await expect(book(page)).toContainText('3 contacts: 2 new, 1 update existing ones.');
  await expect(book(page).getByTestId('contact')).toHaveCount(1);
  await book(page).getByRole('button', { name: 'Import 3' }).click();
  await expect(book(page).getByText('Imported: 2 added, 1 updated.')).toBeVisible();
  await expect(book(page).getByTestId('contact')).toHaveCount(3);
  await expect(contact(page, 'Alice')).toContainText('Rent, monthly');
  await expect(contact(page, 'Old name')).toHaveCount(0);
  await expect(contact(page, 'Bob')).toContainText('OP Mainnet (10)');
  await reload(page);
  await expect(book(page).getByTestId('contact')).toHaveCount(3);

  // Export CSV gives the same contacts back.
  const download = page.waitForEvent('download');
  await book(page).getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('vigil-address-book.csv');
  const text = await readFile(await file.path(), 'utf8');
  expect(text.split('\r\n')).toEqual([
    'name,address,chains,notes',
    `Alice,${alice.address},1,"Rent, monthly"`,
    `Bob,${bob.address},1;10,`,
    `Carol,${carol.address},,friend`,
    '',
  ]);
});

test('a CSV file with one bad line imports nothing and names the line', async ({ page }) => {
  await openSettings(page);
  const csv = [
    'name,address,chains,notes',
    `Bob,${bob.address},,`,
    'Mallory,0x1234,,',
    `Carol,${carol.address},,`,
  ].join('\n');
  await pickFile(book(page).getByLabel('Import CSV…'), 'bad.csv', csv, 'text/csv');
  const errors = book(page).getByTestId('csv-errors');
  await expect(errors).toHaveAttribute('role', 'alert');
  await expect(errors).toContainText('Nothing was imported from bad.csv.');
  await expect(errors).toContainText('line 3:');
  await expect(errors).toContainText('0x1234');
  await expect(book(page).getByRole('button', { name: /^Import \d/ })).toHaveCount(0);
  await expect(book(page).getByTestId('contact')).toHaveCount(0);
  await reload(page);
  await expect(book(page).getByText(/No contacts yet/)).toBeVisible();
  expect((await readDatabase(page)).addressBook).toEqual([]);
});

test('export, erase, and import the export: the contact and the list entry come back exactly', async ({
  page,
}) => {
  await openSettings(page);
  await addContact(page, { ...alice, chains: '1', notes: 'Rent' });
  await putRaw(page, 'lists', {
    id: 'entry-1',
    list: 'deny',
    address: carol.address,
    note: 'Drainer',
    addedAt: 1_700_000_000_000,
  });
  await expect(contact(page, 'Alice')).toBeVisible();
  const before = await readDatabase(page);
  expect(before.addressBook).toHaveLength(1);
  expect(before.lists).toHaveLength(1);

  const exported = await exportData(page);
  expect(exported.filename).toMatch(/^vigil-context-\d{4}-\d{2}-\d{2}\.json$/);
  expect(exported.text).toContain(alice.address);
  await expect(part(page, 'Export')).toContainText('plain, unencrypted text');

  // Erase asks for the word first.
  const erase = part(page, 'Erase all data');
  await erase.getByRole('button', { name: 'Erase all data…' }).click();
  const word = erase.getByLabel('Type ERASE to confirm');
  await expect(word).toBeFocused();
  const confirm = erase.getByRole('button', { name: 'Erase everything' });
  await word.fill('ERAS');
  await expect(confirm).toBeDisabled();
  await word.fill('ERASE');
  await confirm.click();
  await expect(erase.getByText('All your data was erased, and the lock is off.')).toBeVisible();
  await expect(book(page).getByText(/No contacts yet/)).toBeVisible();
  const erased = await readDatabase(page);
  for (const [store, records] of Object.entries(erased)) expect(records, store).toEqual([]);

  const importPart = part(page, 'Import');
  await pickFile(
    importPart.getByLabel('Choose an export file…'),
    exported.filename,
    exported.text,
    'application/json',
  );
  const summary = importPart.getByRole('group', { name: `${exported.filename} holds:` });
  await expect(summary.locator('[data-store="addressBook"]')).toHaveText(/Address book\s*1/);
  await expect(summary.locator('[data-store="lists"]')).toHaveText(/Allow and deny lists\s*1/);
  await expect(summary).toContainText('This replaces everything you have now.');
  await expect(book(page).getByTestId('contact')).toHaveCount(0);
  await summary.getByRole('button', { name: 'Replace my data' }).click();
  await expect(importPart.getByText('Imported. Your data now holds:')).toBeVisible();
  await expect(contact(page, 'Alice')).toContainText('Rent');
  expect(await readDatabase(page)).toEqual(before);
  await reload(page);
  await expect(contact(page, 'Alice').getByTestId('contact-address')).toHaveText(alice.address);
});

test('a damaged import file changes nothing and says where it breaks', async ({ page }) => {
  await openSettings(page);
  await addContact(page, alice);
  const exported = await exportData(page);
  const before = await readDatabase(page);
  const importPart = part(page, 'Import');
  const input = importPart.getByLabel('Choose an export file…');
  const error = importPart.getByRole('alert');

  await pickFile(
    input,
    'cut.json',
    exported.text.slice(0, Math.floor(exported.text.length / 2)),
    'application/json',
  );
  await expect(error).toContainText('cut.json was not imported; your data is unchanged.');
  await expect(error).toContainText('ends before its JSON is complete');
  await expect(importPart.getByRole('button', { name: 'Replace my data' })).toHaveCount(0);

  // Valid JSON, but one character of the address changed case: the checksum no longer matches.
  const tampered = exported.text.replace(alice.address, alice.address.replace('d8dA', 'd8Da'));
  expect(tampered).not.toBe(exported.text);
  await pickFile(input, 'tampered.json', tampered, 'application/json');
  await expect(error).toContainText('tampered.json was not imported');
  await expect(error).toContainText('checksum is wrong');
  await expect(error.locator('code')).toHaveText('$.data.addressBook[0].address');
  await expect(importPart.getByRole('button', { name: 'Replace my data' })).toHaveCount(0);

  expect(await readDatabase(page)).toEqual(before);
  await expect(contact(page, 'Alice')).toBeVisible();
});

test('the passphrase lock seals the data, unlocks with the right passphrase only, and turns off', async ({
  page,
}) => {
  await openSettings(page);
  await addContact(page, alice);

  // The form checks the passphrase before deriving anything.
  const lock = part(page, 'Passphrase lock');
  await expect(lock.getByText('The lock is off.')).toBeVisible();
  const form = lock.getByRole('group', { name: 'Turn on the lock' });
  await form.getByLabel('Passphrase', { exact: true }).fill('short');
  await form.getByLabel('Passphrase again').fill('shorter');
  await form.getByRole('button', { name: 'Turn on the lock' }).click();
  await expect(form.getByLabel('Passphrase', { exact: true })).toHaveAccessibleDescription(
    /at least 8 characters/,
  );
  await expect(form.getByLabel('Passphrase again')).toHaveAccessibleDescription(
    'The two passphrases differ.',
  );
  await expect(form.getByLabel('Passphrase', { exact: true })).toBeFocused();
  expect((await readDatabase(page)).settings).toEqual([]);

  await enableLock(page, '15');
  await expect(lock).toContainText('Vigil locks after 15 min without use.');
  // The form is gone: focus lands on the lock's new state rather than on nothing.
  await expect(lock.getByText('The lock is on.', { exact: true }).locator('..')).toBeFocused();

  await reload(page);
  await expect(lockedBanner(page)).toContainText('Your private data is locked.');
  await expect(book(page).getByTestId('not-editable')).toContainText('Your data is locked');
  await expect(book(page).getByTestId('contact')).toHaveCount(0);
  await expect(book(page).getByRole('button', { name: 'Add contact' })).toBeDisabled();
  await expect(part(page, 'Export').getByRole('button', { name: 'Export my data' })).toBeDisabled();
  await expect(part(page, 'Erase all data').getByRole('button', { name: 'Erase all data…' })).toBeEnabled();

  // On disk, the contact is sealed: neither its name nor its address can be read.
  const raw = await readDatabase(page);
  expect(raw.addressBook).toHaveLength(1);
  expect(raw.addressBook?.[0]).toHaveProperty('sealed');
  const rawText = JSON.stringify(raw);
  expect(rawText).not.toContain(alice.name);
  expect(rawText.toLowerCase()).not.toContain(alice.address.slice(2).toLowerCase());

  const unlock = lockedBanner(page);
  await unlock.getByLabel('Passphrase').fill('not the passphrase');
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(unlock.getByRole('alert')).toHaveText('Wrong passphrase. Nothing was unlocked.');
  await expect(book(page).getByTestId('contact')).toHaveCount(0);
  await unlock.getByLabel('Passphrase').fill(passphrase);
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(lockedBanner(page)).toHaveCount(0);
  await expect(contact(page, 'Alice').getByTestId('contact-address')).toHaveText(alice.address);

  // Turning it off needs the passphrase.
  const off = lock.getByRole('group', { name: 'Turn off the lock' });
  await off.getByLabel('Current passphrase').fill('not the passphrase');
  await off.getByRole('button', { name: 'Turn off the lock' }).click();
  await expect(off.getByRole('alert')).toHaveText('Wrong passphrase. The lock is still on.');
  await expect(off.getByLabel('Current passphrase')).toBeFocused();
  await expect(off.getByLabel('Current passphrase')).toHaveAccessibleDescription(
    'Wrong passphrase. The lock is still on.',
  );
  await off.getByLabel('Current passphrase').fill(passphrase);
  await off.getByRole('button', { name: 'Turn off the lock' }).click();
  await expect(lock.getByText('The lock is off.')).toBeVisible();
  const plain = await readDatabase(page);
  expect(plain.settings).toEqual([]);
  expect(JSON.stringify(plain.addressBook)).toContain(alice.address);
});

test('Lock now locks, and Erase works while locked for a forgotten passphrase', async ({ page }) => {
  await openSettings(page);
  await addContact(page, alice);
  await enableLock(page, '0');
  const lock = part(page, 'Passphrase lock');
  await expect(lock).toContainText('Vigil locks only when you press Lock now');
  await lock.getByRole('button', { name: 'Lock now' }).click();
  await expect(lockedBanner(page)).toBeVisible();
  await expect(book(page).getByTestId('contact')).toHaveCount(0);

  const erase = part(page, 'Erase all data');
  await expect(erase).toContainText('This works while locked');
  await erase.getByRole('button', { name: 'Erase all data…' }).click();
  await erase.getByLabel('Type ERASE to confirm').fill('erase');
  await erase.getByRole('button', { name: 'Erase everything' }).click();
  await expect(lockedBanner(page)).toHaveCount(0);
  await expect(lock.getByText('The lock is off.')).toBeVisible();
  await expect(book(page).getByText(/No contacts yet/)).toBeVisible();
  await reload(page);
  await expect(lockedBanner(page)).toHaveCount(0);
  await expect(book(page).getByRole('button', { name: 'Add contact' })).toBeEnabled();
  const raw = await readDatabase(page);
  for (const [store, records] of Object.entries(raw)) expect(records, store).toEqual([]);
});

test('the lock closes by itself after the idle time', async ({ page }) => {
  await page.clock.install();
  await openSettings(page);
  await addContact(page, alice);
  await enableLock(page, '1');
  await expect(part(page, 'Passphrase lock')).toContainText('Vigil locks after 1 min without use.');

  await page.clock.fastForward('00:30');
  // Half the idle time: still open (the check runs every 10 s, so give it a beat to act).
  await page.clock.fastForward('00:10');
  await expect(contact(page, 'Alice')).toBeVisible();
  await expect(lockedBanner(page)).toHaveCount(0);

  await page.clock.fastForward('01:30');
  await expect(lockedBanner(page)).toBeVisible();
  await expect(book(page).getByTestId('contact')).toHaveCount(0);
});

test('/settings?add= opens the add form filled in, focused on the name', async ({ page }) => {
  await openSettings(page, `/settings?add=${bob.address}&name=Bob%27s%20shop`);
  const form = book(page).getByRole('group', { name: 'New contact' });
  await expect(form.getByLabel('Address', { exact: true })).toHaveValue(bob.address);
  const name = form.getByLabel('Name', { exact: true });
  await expect(name).toHaveValue("Bob's shop");
  await expect(name).toBeFocused();
  await expect(name).toBeInViewport();
  await name.fill('Bob');
  await form.getByRole('button', { name: 'Add to address book' }).click();
  await expect(contact(page, 'Bob').getByTestId('contact-address')).toHaveText(bob.address);
  // The link did its job: a reload does not open the form again.
  await expect(page).toHaveURL(/\/settings$/);
  await reload(page);
  await expect(book(page).getByRole('group', { name: 'New contact' })).toHaveCount(0);
});

test('in Chinese, erasing asks for the Chinese word', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('vigil.locale', 'zh'));
  await page.goto('/settings');
  await waitForApp(page);
  const erase = page.getByRole('region', { name: '清除全部数据', exact: true });
  await erase.getByRole('button', { name: '清除全部数据…' }).click();
  const word = erase.getByLabel('输入“清除”以确认');
  const confirm = erase.getByRole('button', { name: '全部清除' });
  await word.fill('ERASE');
  await expect(confirm).toBeDisabled();
  await word.fill('清除');
  await expect(confirm).toBeEnabled();
});
