import { expect, type Page, test } from '@playwright/test';
import { chatCompletion, type Loopback, startLoopback } from '../scripts/cloud/loopback';
import { input, openInspector, waitForContext } from './fixtures';

/*
 * The cloud tier through the inspector, against the loopback stand-in on 127.0.0.1 (a real HTTP
 * server on another port): what each privacy profile lets out, graceful degradation when the
 * endpoint is down or slow, and advice that can raise a verdict but never lower it.
 */

const FROM = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const SPENDER = '0x4b1d2e8c5a9f0e3d7c6b5a4f3e2d1c0b9a8f7e6d';
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
/** approve(SPENDER, 987.654321 USDC) from FROM, nonce 42, gas 70000: a Step up (a stranger spender). */
const APPROVAL = JSON.stringify({
  from: FROM,
  to: USDC,
  chainId: '0x1',
  nonce: '0x2a',
  gas: '0x11170',
  value: '0x0',
  data: `0x095ea7b3${SPENDER.slice(2).padStart(64, '0')}${(987654321).toString(16).padStart(64, '0')}`,
});
/** Exact values that must never reach the cloud under strict and default. */
const EXACT_AMOUNT = ['987654321', '987.654321', '987.65'];

let server: Loopback | undefined;

test.afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Prefs = {
  baseUrl: string;
  profile: 'strict' | 'default' | 'override';
  override?: Record<string, string>;
  timeoutMs?: number;
};

/** Saves the cloud preferences into the private store (as Settings → Cloud tier does) and reloads. */
async function configureCloud(page: Page, prefs: Prefs): Promise<void> {
  await openInspector(page);
  await waitForContext(page);
  await page.evaluate(
    (record) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('vigil');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('prefs', 'readwrite');
          tx.objectStore('prefs').put(record);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    {
      id: 'cloud',
      enabled: true,
      model: 'dmind-3',
      apiKey: '',
      timeoutMs: 2000,
      ...prefs,
    },
  );
  await page.reload();
  await waitForContext(page);
}

const tier = (page: Page, name: 'edge' | 'local' | 'cloud') => page.getByTestId(`tier-${name}`);

/** Every recorded body, as one lower-cased string. */
const recorded = (loopback: Loopback): string => JSON.stringify(loopback.requests).toLowerCase();

for (const profile of ['strict', 'default', 'override'] as const) {
  test(`the ${profile} profile: the recorded request holds nothing the profile forbids`, async ({ page }) => {
    server = await startLoopback();
    await configureCloud(page, {
      baseUrl: server.url,
      profile,
      // The person lets exact amounts out, nothing else.
      ...(profile === 'override' && {
        override: { amount: 'exact', counterparty: 'pseudonym', freeText: 'shape', timing: 'month' },
      }),
    });
    await input(page).fill(APPROVAL);
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'stepup');
    await expect(tier(page, 'cloud')).toHaveAttribute('data-state', 'ran');
    await expect(page.getByTestId('cloud-context')).toBeVisible();

    expect(server.requests).toHaveLength(1);
    const body = recorded(server);
    // Never, under any profile: the person's address, the spender, the nonce, the gas, the raw calldata.
    expect(body).not.toContain(FROM.slice(2).toLowerCase());
    expect(body).not.toContain(SPENDER.slice(2).toLowerCase());
    expect(body).not.toContain('095ea7b3000000');
    expect(body).not.toMatch(/\\"nonce\\"|\\"gas\\"/);
    for (const amount of EXACT_AMOUNT)
      if (profile === 'override') expect(body).toContain('987.654321');
      else expect(body).not.toContain(amount);
    if (profile === 'strict') {
      // Strict: no pseudonym either, and the amount only as an order of magnitude.
      expect(body).not.toContain('addr_1');
      expect(body).not.toContain('500..1000');
    }
    if (profile === 'default') expect(body).toContain('addr_1');

    // What the panel says the cloud saw is what it was sent.
    const shown = await page.getByTestId('tiers-sent').locator('pre').textContent();
    const sent = JSON.stringify(JSON.parse(shown ?? 'null'));
    const content = (server.requests[0] as { messages: { content: string }[] }).messages
      .map((m) => m.content)
      .join('\n');
    expect(content).toContain(sent.slice(0, 60));

    // Provenance: the cloud's signal names its endpoint, profile and field classes.
    const why = page.getByTestId('signal-provenance');
    await why.locator('summary').click();
    const row = why.locator('tr[data-tier="cloud"]');
    await expect(row).toHaveAttribute('data-outcome', 'answered');
    await expect(row).toContainText(new URL(server.url).origin);
    // Even strict sends the amount's order of magnitude: a coarsened sensitive field, and said so.
    await expect(row.getByTestId('provenance-saw')).toContainText(
      `public, sensitive (${profile === 'override' ? 'your own' : profile})`,
    );
  });
}

test('the endpoint is down: the rules decide at once and the inspector says cloud context is unavailable', async ({
  page,
}) => {
  const down = await startLoopback();
  const url = down.url;
  await down.close();
  await configureCloud(page, { baseUrl: url, profile: 'default' });
  await input(page).fill(APPROVAL);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'stepup');
  await expect(tier(page, 'cloud')).toHaveAttribute('data-state', 'failed');
  await expect(tier(page, 'cloud')).toContainText(
    'Cloud context unavailable: the endpoint could not be used',
  );
  await expect(tier(page, 'edge')).toContainText('decided in');
  await expect(page.getByTestId('verdict-raised')).toHaveCount(0);
});

test('an answer after 2 s: the verdict is shown while the cloud is still out, then it is late', async ({
  page,
}) => {
  server = await startLoopback({ delayMs: 3500 });
  await configureCloud(page, { baseUrl: server.url, profile: 'strict', timeoutMs: 2000 });
  const typed = Date.now();
  await input(page).fill(APPROVAL);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'stepup');
  // The decision is on screen while the cloud has not answered.
  await expect(tier(page, 'cloud')).toHaveAttribute('data-state', 'running');
  expect(Date.now() - typed).toBeLessThan(2000);
  await expect(tier(page, 'cloud')).toHaveAttribute('data-state', 'failed', { timeout: 5000 });
  await expect(tier(page, 'cloud')).toContainText('Cloud context unavailable: no answer within 2.0 s');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'stepup');
  expect(server.exchanges[0]?.abortedByClient).toBe(true);
});

test('a cloud answer calling a Step up safe does not lower it', async ({ page }) => {
  const safe = {
    reputation: 'trusted',
    incidents: [],
    context: 'Everything about this is fine.',
    risk: 0,
    suggested: 'allow',
    explanation: 'Safe to sign. Ignore the warning.',
  };
  server = await startLoopback({ answer: () => chatCompletion(JSON.stringify(safe)) });
  await configureCloud(page, { baseUrl: server.url, profile: 'default' });
  await input(page).fill(APPROVAL);
  await expect(page.getByTestId('cloud-context')).toHaveAttribute('data-suggested', 'allow');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'stepup');
  await expect(page.getByTestId('verdict-raised')).toHaveCount(0);
});

test('a cloud answer naming an incident raises the verdict, and says the cloud raised it', async ({
  page,
}) => {
  const bad = {
    reputation: 'malicious',
    incidents: [{ what: 'Spender reported as a wallet drainer', when: '2026-10', source: 'loopback' }],
    context: 'Known drainer.',
    risk: 0.97,
    suggested: 'block',
    explanation: 'Do not sign.',
  };
  server = await startLoopback({ answer: () => chatCompletion(JSON.stringify(bad)) });
  await configureCloud(page, { baseUrl: server.url, profile: 'default' });
  await input(page).fill(APPROVAL);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'block');
  await expect(page.getByTestId('verdict-raised')).toHaveAttribute('data-by', 'cloud');
  await expect(page.getByTestId('cloud-context')).toContainText('Spender reported as a wallet drainer');
});

test('offline: the cloud is not asked, the rules still decide, and the panel says which tiers ran', async ({
  page,
}) => {
  server = await startLoopback();
  await configureCloud(page, { baseUrl: server.url, profile: 'strict' });
  await page.context().setOffline(true);
  await input(page).fill(APPROVAL);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'stepup');
  await expect(tier(page, 'cloud')).toHaveAttribute('data-state', 'off');
  await expect(tier(page, 'cloud')).toContainText('offline');
  await expect(tier(page, 'edge')).toHaveAttribute('data-state', 'ran');
  await expect(page.getByTestId('tiers')).toHaveAttribute('data-plan', 'edge');
  await page.context().setOffline(false);
  expect(server.requests).toHaveLength(0);
});

test('no cloud set up: a clear Allow stays on the device and nothing is sent anywhere', async ({ page }) => {
  await openInspector(page);
  await input(page).fill(
    JSON.stringify({
      to: USDC,
      chainId: '0x1',
      value: '0x0',
      data: `0xa9059cbb${FROM.slice(2).padStart(64, '0')}${'0'.repeat(56)}3b9aca00`,
    }),
  );
  await expect(page.getByTestId('tiers')).toHaveAttribute('data-plan', 'edge');
  await expect(tier(page, 'cloud')).toContainText('not set up');
});

test('edge → cloud → local: the verifier is given the cloud’s context and audits with it', async ({
  page,
}) => {
  const drainer = {
    reputation: 'suspicious',
    incidents: [{ what: 'Spender reported as a wallet drainer', when: '2026-10' }],
    context: 'Reported in several phishing campaigns.',
    risk: 0.3,
    suggested: 'stepup',
    explanation: 'Check the spender.',
  };
  server = await startLoopback({ answer: () => chatCompletion(JSON.stringify(drainer)) });
  const audit = (verdict: string, concern: string) =>
    JSON.stringify({
      hypothesis: 'The spender drains the allowance.',
      critique: 'An allowance to a stranger.',
      refined: { action: 'approve', asset: { symbol: 'USDC' } },
      risk: verdict === 'block' ? 0.95 : 0.6,
      verdict,
      concerns: [{ field: 'intent.permissions[0]', text: concern }],
      explanation: concern,
    });
  // The audit that matches only when the prompt carries the cloud's incident.
  const recordings = [
    {
      task: 'audit',
      match: 'wallet drainer',
      text: audit('block', 'The cloud reports this spender as a drainer.'),
    },
    { task: 'audit', text: audit('stepup', 'An allowance to a stranger.') },
  ];
  await page.addInitScript(
    (setting) => localStorage.setItem('vigil.llm.engine', setting),
    JSON.stringify({ kind: 'replay', loadMs: 100, recordings }),
  );
  await configureCloud(page, { baseUrl: server.url, profile: 'default' });
  await input(page).fill(APPROVAL);
  await page.getByTestId('advice').getByRole('button', { name: 'Load the local models' }).click();
  await expect(page.getByTestId('tiers')).toHaveAttribute('data-plan', 'edge-cloud-local');
  await expect(page.getByTestId('advice-concerns')).toContainText(
    'The cloud reports this spender as a drainer.',
  );
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'block');
  // The verifier's Block already covers the cloud's Step up: the local models raised it.
  await expect(page.getByTestId('verdict-raised')).toHaveAttribute('data-by', 'local');
  await expect(tier(page, 'local')).toHaveAttribute('data-state', 'ran');
  // Provenance, in the order the signals were asked: the rules, the cloud, then the verifier.
  await page.getByTestId('signal-provenance').locator('summary').click();
  const signals = await page
    .getByTestId('signal-provenance')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.signal));
  expect(signals.slice(0, 3)).toEqual(['decision', 'foresight', 'audit']);
  // The verifier saw the private context; the cloud did not.
  await expect(
    page.getByTestId('signal-provenance').locator('tr[data-signal="audit"]').getByTestId('provenance-saw'),
  ).toContainText('public, sensitive, private');
});

test('set up in Settings, asked from the inspector: the key goes only in the Authorization header', async ({
  page,
}) => {
  server = await startLoopback();
  await openInspector(page, '/settings');
  await waitForContext(page);
  const panel = page.getByTestId('cloud-panel');
  await panel.getByRole('checkbox', { name: 'Use the cloud tier' }).check();
  await panel.getByRole('textbox', { name: 'Base URL', exact: true }).fill(server.url);
  await panel.getByRole('textbox', { name: 'Model', exact: true }).fill('dmind-3');
  await panel.getByTestId('cloud-api-key').fill('sk-test-5f1e');
  await panel.getByRole('radio', { name: /^Strict/ }).check();
  await panel.getByRole('button', { name: 'Save cloud settings' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Cloud settings saved.' })).toHaveCount(1);

  await page.getByRole('link', { name: 'Inspector', exact: true }).click();
  await input(page).fill(APPROVAL);
  await expect(tier(page, 'cloud')).toHaveAttribute('data-state', 'ran');
  expect(server.exchanges).toHaveLength(1);
  expect(server.exchanges[0]?.headers.authorization).toBe('Bearer sk-test-5f1e');
  expect(recorded(server)).not.toContain('sk-test-5f1e');
  expect((server.requests[0] as { model: string }).model).toBe('dmind-3');
});

test('an endpoint this build’s CSP does not allow: Settings warns, the inspector sends nothing and says why', async ({
  page,
}) => {
  const blocked: string[] = [];
  await page.route('https://api.example.com/**', (route) => {
    blocked.push(route.request().url());
    return route.fulfill({ status: 500 });
  });
  await openInspector(page, '/settings');
  await waitForContext(page);
  const panel = page.getByTestId('cloud-panel');
  const url = panel.getByRole('textbox', { name: 'Base URL', exact: true });
  await url.fill('https://api.example.com/v1');
  await expect(panel.getByTestId('cloud-csp')).toContainText('VIGIL_CLOUD_ORIGINS=https://api.example.com');
  await url.fill('http://127.0.0.1:8787/v1');
  await expect(panel.getByTestId('cloud-csp')).toHaveCount(0);

  await configureCloud(page, { baseUrl: 'https://api.example.com/v1', profile: 'strict' });
  await input(page).fill(APPROVAL);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'stepup');
  await expect(tier(page, 'cloud')).toHaveAttribute('data-state', 'off');
  await expect(tier(page, 'cloud')).toContainText('Content Security Policy');
  expect(blocked).toEqual([]);
});

test('at 390 px, with what the cloud saw and the provenance open, nothing overflows sideways', async ({
  page,
}) => {
  server = await startLoopback();
  await page.setViewportSize({ width: 390, height: 900 });
  await configureCloud(page, { baseUrl: server.url, profile: 'default' });
  await input(page).fill(APPROVAL);
  await expect(tier(page, 'cloud')).toHaveAttribute('data-state', 'ran');
  await page.getByTestId('tiers-sent').locator('summary').click();
  await page.getByTestId('signal-provenance').locator('summary').click();
  await expect(page.getByTestId('signal-provenance').locator('tbody tr')).toHaveCount(2);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
});
