import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { input, openInspector } from './fixtures';

/** A case of the vendored evaluation corpus, by id. */
function corpusCase(id: string): { rawTx: string } {
  const lines = readFileSync(new URL('./fixtures/corpus-sample.jsonl', import.meta.url), 'utf8').split('\n');
  const line = lines.find((l) => l.includes(`"id":"${id}"`));
  if (!line) throw new Error(`no corpus case ${id}`);
  return JSON.parse(line);
}

test('a Safe MultiSend shows every nested call with its provenance', async ({ page }) => {
  await openInspector(page);
  await page.locator('[data-example="safe"]').click();

  await expect(page.getByTestId('action')).toHaveText('Batch of 2 actions');
  const tree = page.getByTestId('tree');
  const nodes = tree.locator('details.node');
  await expect(nodes).toHaveCount(4);
  const node = (depth: number, nth = 0) => tree.locator(`details.node[data-depth="${depth}"]`).nth(nth);
  const summary = (depth: number, nth = 0) => node(depth, nth).locator('> summary');

  await expect(summary(0).getByTestId('signature')).toContainText('execTransaction(address,uint256,bytes');
  await expect(summary(0).getByTestId('provenance')).toHaveAttribute('data-source', 'signature');
  await expect(summary(0).getByTestId('provenance')).toContainText('γ 0.70');

  await expect(summary(1).getByTestId('signature')).toHaveText('multiSend(bytes)');
  await expect(summary(1).getByTestId('provenance')).toHaveAttribute('data-source', 'registry');
  await expect(summary(1).getByTestId('provenance')).toContainText('Verified ABI');
  await expect(summary(1)).toContainText('delegatecall');
  await expect(node(1)).toContainText('Safe MultiSendCallOnly 1.3.0');

  await expect(summary(2, 0).getByTestId('signature')).toHaveText('transfer(address,uint256)');
  await expect(summary(2, 1).getByTestId('signature')).toHaveText('approve(address,uint256)');
  for (const nth of [0, 1]) await expect(summary(2, nth).getByTestId('provenance')).toBeVisible();
  await expect(node(2, 1).locator('[data-arg="spender"]')).toContainText(
    '0x000000000022D473030F116dDEE9F6B43aC78BA3',
  );

  // The wrapper's own arguments are folded away; the keyboard opens them.
  const wrapped = node(0).locator('details.wrapped').first();
  await expect(wrapped.locator('[data-arg="safeTxGas"]')).toBeHidden();
  await wrapped.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(wrapped.locator('[data-arg="safeTxGas"]')).toBeVisible();
  // And a node folds with the keyboard too.
  await summary(2, 0).focus();
  await page.keyboard.press('Enter');
  await expect(node(2, 0).locator('[data-arg="to"]')).toBeHidden();

  // The summary gathers what the nested calls do.
  await expect(page.locator('[data-role="send"]')).toContainText('1,000 USDC');
  await expect(page.getByTestId('confidence')).toContainText(
    'Confidence 70% — Known function signature (contract not verified)',
  );
});

test('an unlimited approve is flagged in the summary', async ({ page }) => {
  await openInspector(page);
  await page.locator('[data-example="approve"]').click();
  await expect(page.getByTestId('action')).toHaveText('Approve a spender');
  const summary = page.locator('section.summary');
  await expect(summary.getByTestId('unlimited').first()).toHaveText('Unlimited');
  await expect(summary.locator('[data-role="spender"]')).toContainText(
    '0x000000000022D473030F116dDEE9F6B43aC78BA3',
  );
  await expect(summary.locator('[data-permission="allowance"]')).toContainText('Unlimited');
  // Bare calldata names no token contract.
  await expect(summary.locator('[data-role="allow"]')).toContainText('token contract not given');
});

test('typed data shows the three hashes a hardware wallet shows', async ({ page }) => {
  await openInspector(page);
  await page.locator('[data-example="permit"]').click();
  await expect(page.getByTestId('action')).toHaveText('Sign a token permit');
  const hashes = page.getByTestId('hashes');
  await expect(hashes.getByRole('heading')).toHaveText('Hashes (match these on your hardware wallet)');
  for (const key of ['domainSeparator', 'structHash', 'digest']) {
    await expect(hashes.locator(`[data-field="${key}"] .value`)).toHaveText(/^0x[0-9a-f]{64}$/);
  }
  await expect(page.getByTestId('raw').locator('[data-field="digest"]')).toHaveCount(0);
  await expect(page.getByTestId('raw').locator('[data-field="primaryType"]')).toContainText('Permit');
  // The permit's expiry, as a UTC date, and the clear-signing display of its descriptor.
  await expect(page.locator('[data-permission="allowance"]')).toContainText(
    'expires 2026-01-01 00:00:00 UTC',
  );
  await expect(page.getByTestId('clearsign-title')).toHaveText('Authorize spending of tokens');
});

test('a raw WETH deposit from the corpus shows the clear-signing title', async ({ page }) => {
  const { rawTx } = corpusCase('erc7730:weth/tests/calldata-weth#0');
  await openInspector(page);
  await input(page).fill(rawTx);
  await expect(page.getByTestId('kind')).toHaveAttribute('data-kind', 'rawTransaction');
  await expect(page.getByTestId('clearsign-title')).toHaveText('Wrap');
  await expect(page.getByText('ERC-7730 descriptor')).toBeVisible();
  await expect(page.getByTestId('action')).toHaveText('Deposit');
  await expect(page.locator('[data-role="send"]')).toContainText('0.00187 ETH');
  // One stray byte after deposit(): called out on the node and in the confidence.
  await expect(page.getByRole('note').filter({ hasText: 'Extra bytes follow the arguments' })).toBeVisible();
  await expect(page.getByTestId('confidence')).toContainText('with extra bytes after the arguments');
});

test('a Universal Router plan shows its commands', async ({ page }) => {
  await openInspector(page);
  await page.locator('[data-example="router"]').click();
  const tree = page.getByTestId('tree');
  await expect(tree.locator('details.node[data-depth="1"] [data-testid="signature"]')).toHaveText([
    'V3_SWAP_EXACT_IN',
    'UNWRAP_WETH',
  ]);
  await expect(tree.locator('details.node[data-depth="0"] > summary')).toContainText(
    'execute(bytes,bytes[],uint256)',
  );
  await expect(tree).toContainText('Uniswap Universal Router 1.2');
});
