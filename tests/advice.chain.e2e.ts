import { expect, type Page, test } from '@playwright/test';
import { alice, bob, revertAfterEach, transactionCount } from './chain/anvil';
import { openConnected } from './chain/connect';
import { walletMethods } from './chain/wallet';
import { input } from './fixtures';

/**
 * The local tier binds the signer too: when the (replayed) models raise a verdict, the Sign panel
 * follows the raised verdict, and waits while the verifier is still answering. Asserted on anvil.
 */

revertAfterEach();

const json = (value: unknown) => JSON.stringify(value);
const recordings = [
  { task: 'intent', text: json({ action: 'swap', asset: { symbol: 'USDC' }, amount: { value: '10' } }) },
  {
    task: 'verify',
    delayMs: 1_500,
    text: json({
      refined: { action: 'transfer', asset: { symbol: 'ETH' } },
      risk: 0.02,
      verdict: 'allow',
      concerns: [],
      explanation: 'Sends a little ETH.',
    }),
  },
  {
    task: 'audit',
    text: json({
      hypothesis: 'The user is being talked into paying someone.',
      critique: 'The user expects a swap; this sends ETH to another account.',
      refined: { action: 'transfer', asset: { symbol: 'ETH' } },
      risk: 0.4,
      verdict: 'stepup',
      concerns: [{ field: 'intent', text: 'You described a swap; this sends ETH to another account.' }],
      explanation: 'This sends ETH; nothing is swapped.',
    }),
  },
  { task: 'explain', text: 'This sends a small amount of ETH to another account.' },
];

const panel = (page: Page) => page.getByTestId('sign-panel');
const send = (page: Page) => panel(page).getByRole('button', { name: 'Send to wallet' });

test('a verdict raised by the local models holds the signature until its step-up is done', async ({
  page,
}) => {
  await page.addInitScript(
    (setting) => localStorage.setItem('vigil.llm.engine', setting),
    json({ kind: 'replay', loadMs: 200, recordings }),
  );
  await openConnected(page);
  const nonce = await transactionCount(alice);
  await input(page).fill(json({ chainId: 31337, from: alice, to: bob, value: '1000', data: '0x' }));
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'allow');
  await page.getByTestId('advice').getByRole('button', { name: 'Load the local models' }).click();

  // While the verifier answers (1.5 s here), signing waits.
  await expect(page.getByTestId('sign-waiting')).toBeVisible();
  await expect(send(page)).toBeDisabled();
  await expect(page.getByTestId('sign-waiting')).toHaveCount(0);
  await expect(send(page)).toBeEnabled();

  // The user expected a swap: the models raise the verdict, the Sign panel follows it.
  await page.getByLabel('What do you expect this to do? (optional)').fill('swap 10 USDC');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'stepup');
  await expect(send(page)).toBeDisabled();
  const acks = panel(page).getByRole('checkbox');
  await expect(panel(page)).toContainText('This is not what you said you expect');
  await expect(panel(page)).toContainText('Local verifier: You described a swap');
  for (const box of await acks.all()) await box.check();
  // The divergence is high: the counterparty's last four characters must be typed.
  await expect(send(page)).toBeDisabled();
  expect(await walletMethods(page)).not.toContain('eth_sendTransaction');
  expect(await transactionCount(alice)).toBe(nonce);
  await panel(page).getByRole('textbox').fill(bob.slice(-4));
  await send(page).click();
  await expect(page.getByTestId('receipt')).toHaveAttribute('data-status', 'success');
  expect(await transactionCount(alice)).toBe(nonce + 1);
});
