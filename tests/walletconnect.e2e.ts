import { expect, type Page, type Response, test } from '@playwright/test';
import { qrPath } from '../src/lib/ui/qr';
import { watchCsp } from './csp';
import { input, openInspector, records, transferCalldata, waitForApp, waitForContext } from './fixtures';

/*
 * WalletConnect, with no internet: the relay is stood in for by `page.routeWebSocket`, every
 * https request to a WalletConnect / Reown host is answered with an error, and the tests watch
 * that nothing of WalletConnect is loaded or contacted until a project id is saved.
 */

const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const wcHost = /^(wss|https?):\/\/([^/?#]*\.)?(walletconnect\.(com|org)|reown\.com)(:\d+)?([/?#]|$)/;
/** Text found only in WalletConnect's lazily loaded chunks (the relay URL, the connector, the dialog). */
const lazyMarkers = ['wss://relay.walletconnect', 'relayer_disconnect', 'walletconnect-dialog'];

type Traffic = {
  /** Every request and websocket to a WalletConnect or Reown host. */
  readonly wc: string[];
  /** The JS files the page loaded that carry WalletConnect code. */
  readonly lazyChunks: string[];
  /** Settles once every JS response seen so far has been read. */
  settled(): Promise<void>;
};

/** Records what the page asks of the network, answering every https request to a WalletConnect host with an error. */
async function watchTraffic(page: Page): Promise<Traffic> {
  const wc: string[] = [];
  const lazyChunks: string[] = [];
  const reads: Promise<void>[] = [];
  page.on('request', (r) => {
    if (wcHost.test(r.url())) wc.push(r.url());
  });
  page.on('websocket', (ws) => {
    if (wcHost.test(ws.url())) wc.push(ws.url());
  });
  page.on('response', (response: Response) => {
    if (!response.url().endsWith('.js')) return;
    reads.push(
      response
        .text()
        .then((body) => {
          if (lazyMarkers.some((m) => body.includes(m))) lazyChunks.push(new URL(response.url()).pathname);
        })
        .catch(() => undefined),
    );
  });
  await page.route(wcHost, (route) =>
    route.fulfill({ status: 503, contentType: 'text/plain', body: 'no internet in tests' }),
  );
  return { wc, lazyChunks, settled: async () => void (await Promise.all(reads)) };
}

type Relay = {
  /** The URLs the page opened sockets to. */
  readonly urls: string[];
  /** The JSON-RPC requests the page sent. */
  readonly methods: string[];
};

const hex64 = (): string =>
  Array.from({ length: 64 }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('');

/** A stand-in relay: answers every JSON-RPC request as the relay would, refuses the socket, or closes it with a reason. */
async function fakeRelay(
  page: Page,
  behaviour: 'answer' | 'refuse' | { close: { code: number; reason: string } },
): Promise<Relay> {
  const relay = { urls: [] as string[], methods: [] as string[] };
  await page.routeWebSocket(/walletconnect|reown/, (ws) => {
    relay.urls.push(ws.url());
    if (behaviour === 'refuse') {
      // Closed before it opens: the page's socket never connects.
      void ws.close();
      return;
    }
    if (behaviour !== 'answer') {
      // Accepted, then closed with the relay's code and reason, as the relay refuses a client.
      setTimeout(() => void ws.close(behaviour.close), 100);
      return;
    }
    ws.onMessage((message) => {
      const request = JSON.parse(String(message)) as {
        id?: number | string;
        method?: string;
        params?: { topics?: string[] };
      };
      if (!request.method) return; // an acknowledgement of ours
      relay.methods.push(request.method);
      const result = request.method.endsWith('_batchSubscribe')
        ? (request.params?.topics ?? []).map(() => hex64())
        : request.method.endsWith('_subscribe')
          ? hex64()
          : request.method.endsWith('_batchFetchMessages')
            ? { messages: [], hasMore: false }
            : true;
      ws.send(JSON.stringify({ id: request.id, jsonrpc: '2.0', result }));
    });
  });
  return relay;
}

const walletMenu = (page: Page) => page.getByTestId('wallet');
const openWalletMenu = async (page: Page): Promise<void> => {
  await walletMenu(page).getByRole('button', { name: 'Connect wallet' }).click();
  await expect(page.locator('#wallet-choices')).toBeVisible();
};
const wcChoice = (page: Page) => walletMenu(page).getByRole('button', { name: /WalletConnect/ });
const prefs = (page: Page) => page.getByTestId('walletconnect-prefs');
const dialog = (page: Page) => page.getByTestId('walletconnect-dialog');

/** Opens Settings (English) with the store ready. */
async function openSettings(page: Page): Promise<void> {
  await openInspector(page, '/settings');
  await waitForContext(page);
}

/** Saves a project id through Settings. */
async function saveProjectId(page: Page, id = PROJECT_ID): Promise<void> {
  await prefs(page).getByRole('textbox', { name: 'Project id' }).fill(id);
  await prefs(page).getByRole('button', { name: 'Save project id' }).click();
  await expect(prefs(page).getByTestId('walletconnect-current')).toContainText(id.trim().toLowerCase());
}

/** The inspector still decides: paste a transfer, get its verdict. */
async function inspectorStillWorks(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Inspector' }).click();
  await waitForApp(page);
  await input(page).fill(transferCalldata);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', /allow|stepup|block/);
}

test('no project id: no WalletConnect entry, nothing of WalletConnect loaded or contacted', async ({
  page,
}) => {
  const traffic = await watchTraffic(page);
  await openSettings(page);
  await expect(prefs(page)).toContainText('No project id: browser wallets only.');
  await openInspector(page);
  await waitForContext(page);
  await openWalletMenu(page);
  await expect(wcChoice(page)).toHaveCount(0);
  await input(page).fill(transferCalldata);
  await expect(page.getByTestId('verdict')).toBeVisible();
  await traffic.settled();
  expect(traffic.wc).toEqual([]);
  expect(traffic.lazyChunks).toEqual([]);
});

test('Settings: a bad project id is refused and not saved; a good one is saved, survives a reload, and adds WalletConnect to the wallet menu', async ({
  page,
}) => {
  const traffic = await watchTraffic(page);
  await openSettings(page);
  const field = prefs(page).getByRole('textbox', { name: 'Project id' });
  const save = prefs(page).getByRole('button', { name: 'Save project id' });
  for (const [text, message] of [
    ['', 'Enter a project id: 32 characters, 0–9 and a–f.'],
    [PROJECT_ID.slice(1), 'A project id has 32 characters; this one has 31.'],
    [`${PROJECT_ID}0`, 'this one has 33'],
    [`${PROJECT_ID.slice(0, 31)}g`, '"g" is not one of them'],
    ['<script>alert(1)</script>', '"<" is not one of them'],
  ] as const) {
    await field.fill(text);
    await save.click();
    await expect(prefs(page).getByRole('alert')).toContainText(message);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toBeFocused();
  }
  expect(await records(page, 'prefs')).toEqual([]);

  await saveProjectId(page, `  ${PROJECT_ID.toUpperCase()} `);
  await expect(prefs(page).getByRole('status').filter({ hasText: 'Saved.' })).toHaveCount(1);
  expect(await records(page, 'prefs')).toEqual([
    expect.objectContaining({ id: 'walletconnect', projectId: PROJECT_ID }),
  ]);

  await page.reload();
  await waitForApp(page);
  await waitForContext(page);
  await expect(prefs(page).getByTestId('walletconnect-current')).toContainText(PROJECT_ID);
  await openWalletMenu(page);
  await expect(wcChoice(page)).toHaveText(/WalletConnect \(phone wallet\)/);
  await expect(wcChoice(page)).toBeEnabled();
  // Loading the connector contacts nobody: WalletConnect opens its relay socket only to pair.
  await traffic.settled();
  expect(traffic.wc).toEqual([]);
});

test('pairing through a stand-in relay: the QR code and the wc: link, copy, Cancel; the app stays usable', async ({
  page,
  context,
  baseURL,
}) => {
  // WalletConnect waits up to 5 s for its Verify frame (refused here) before it publishes.
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const csp = await watchCsp(page);
  const traffic = await watchTraffic(page);
  const relay = await fakeRelay(page, 'answer');
  await openSettings(page);
  await saveProjectId(page);
  await openWalletMenu(page);
  await wcChoice(page).click();

  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole('heading', { name: 'Connect a phone wallet' })).toBeVisible();
  // A modal dialog (the page behind is inert), with the focus on Cancel.
  expect(await dialog(page).evaluate((d) => d.matches(':modal'))).toBe(true);
  await expect(dialog(page).getByRole('button', { name: 'Cancel' })).toBeFocused();
  // The relay is reached first, then the pairing link is shown.
  await expect(dialog(page)).toHaveAttribute('data-step', 'waiting', { timeout: 45_000 });
  expect(relay.urls.length).toBeGreaterThan(0);
  const socket = new URL(relay.urls[0] ?? '');
  expect(socket.protocol).toBe('wss:');
  expect(socket.searchParams.get('projectId')).toBe(PROJECT_ID);
  expect(relay.methods).toContain('wc_proposeSession');

  const uri = await dialog(page).getByTestId('walletconnect-uri').inputValue();
  expect(uri).toMatch(/^wc:[0-9a-f]{64}@2\?/);
  expect(uri).toContain('symKey=');
  expect(uri).toContain('relay-protocol=irn');
  // The QR code carries exactly that link.
  const qr = dialog(page).getByRole('img', { name: 'QR code of the WalletConnect pairing link' });
  await expect(qr).toBeVisible();
  expect(await qr.locator('path').getAttribute('d')).toBe(qrPath(uri).d);
  await expect(dialog(page).getByText('Waiting for your wallet…')).toBeVisible();

  await dialog(page).getByRole('button', { name: 'Copy pairing link' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(uri);

  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(walletMenu(page).getByRole('button', { name: 'Connect wallet' })).toBeFocused();

  // WalletConnect's https requests all failed (Verify, …): nothing broke, nothing was precached.
  await traffic.settled();
  // (WalletConnect's Verify attestation frame, verify.walletconnect.org, is one: it got a 503.)
  expect(traffic.wc.length).toBeGreaterThan(0);
  expect(traffic.wc.every((url) => url.startsWith('https://'))).toBe(true);
  expect(traffic.lazyChunks.length).toBeGreaterThan(0);
  // The page's Content Security Policy let WalletConnect's code reach its relay and Verify frame.
  expect(csp.violations).toEqual([]);
  const sw = await (await page.request.get('/sw.js')).text();
  for (const chunk of traffic.lazyChunks) expect(sw, chunk).not.toContain(chunk.slice(1));

  await inspectorStillWorks(page);
  // Picking it again starts a new pairing; Escape cancels it.
  await openWalletMenu(page);
  await wcChoice(page).click();
  await expect(dialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
});

test('the relay refuses the connection: the dialog says so, and the app stays usable', async ({ page }) => {
  // A socket that never opens raises no event: Vigil gives the relay RELAY_CONNECT_WAIT_MS (10 s).
  test.setTimeout(90_000);
  await watchTraffic(page);
  const relay = await fakeRelay(page, 'refuse');
  await openSettings(page);
  await saveProjectId(page);
  await openWalletMenu(page);
  await wcChoice(page).click();
  const error = dialog(page).getByTestId('walletconnect-error');
  await expect(error).toHaveAttribute('data-code', 'relay', { timeout: 45_000 });
  await expect(error).toContainText('The WalletConnect relay could not be reached.');
  await expect(error).toHaveAttribute('role', 'alert');
  expect(relay.urls.length).toBeGreaterThan(0);
  await dialog(page).getByRole('button', { name: 'Close' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await inspectorStillWorks(page);
});

test('the relay rejects the project id: the dialog says so in plain words', async ({ page }) => {
  await watchTraffic(page);
  await fakeRelay(page, { close: { code: 3000, reason: 'Unauthorized: invalid key' } });
  await openSettings(page);
  await saveProjectId(page);
  await openWalletMenu(page);
  await wcChoice(page).click();
  const error = dialog(page).getByTestId('walletconnect-error');
  await expect(error).toHaveAttribute('data-code', 'projectId', { timeout: 45_000 });
  await expect(error).toContainText('The WalletConnect relay rejected the project id.');
  await expect(dialog(page).getByRole('button', { name: 'Try again' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
});

test('removing the project id takes WalletConnect out of the wallet menu', async ({ page }) => {
  await watchTraffic(page);
  await openSettings(page);
  await saveProjectId(page);
  await openWalletMenu(page);
  await expect(wcChoice(page)).toBeVisible();
  await walletMenu(page).getByRole('button', { name: 'Connect wallet' }).click();
  await prefs(page).getByRole('button', { name: 'Remove project id' }).click();
  await prefs(page).getByRole('button', { name: 'Confirm' }).click();
  await expect(prefs(page)).toContainText('No project id: browser wallets only.');
  expect(await records(page, 'prefs')).toEqual([]);
  await openWalletMenu(page);
  await expect(wcChoice(page)).toHaveCount(0);
  await page.reload();
  await waitForApp(page);
  await waitForContext(page);
  await openWalletMenu(page);
  await expect(wcChoice(page)).toHaveCount(0);
});

test('offline with a project id: the app works, and WalletConnect says its code is online only', async ({
  page,
  context,
}) => {
  await watchTraffic(page);
  await openSettings(page);
  await saveProjectId(page);
  // The service worker controls the page (its precache holds the app, not WalletConnect).
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await waitForApp(page);
  }
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await waitForApp(page);
  await waitForContext(page);
  await inspectorStillWorks(page);
  await openWalletMenu(page);
  await expect(wcChoice(page)).toBeEnabled();
  await wcChoice(page).click();
  // The pairing dialog was never loaded online, and it is not precached.
  await expect(walletMenu(page).getByRole('alert')).toContainText(
    'WalletConnect’s code could not be loaded: it is not kept for offline use.',
  );
  await expect(dialog(page)).toHaveCount(0);
});
