import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page, test } from '@playwright/test';
import { type Address, erc20Abi, erc721Abi, getAddress, type Hex, maxUint256, parseEther } from 'viem';
import {
  alice,
  allowanceOf,
  balanceOf,
  bob,
  deployToken,
  mined,
  publicClient,
  revertAfterEach,
  transactionCount,
  walletClient,
} from './chain/anvil';
import { installTestWallet, walletMethods } from './chain/wallet';
import { input, openInspector, waitForApp, waitForContext } from './fixtures';

/**
 * Compose mode against anvil: a composed request goes to the inspector, meets the same gate, and
 * is signed by the Sign panel there; every test that sends checks the chain, not only the page.
 */

revertAfterEach();

const SPENDER = '0x1111111111111111111111111111111111111111';
const ONE = 10n ** 18n;

/** Deploys OpenZeppelin 4.9's plain ERC-721 (no tokens minted: an operator approval needs none). */
async function deployCollection(): Promise<Address> {
  const path = createRequire(import.meta.url).resolve(
    'openzeppelin-contracts-v4/build/contracts/ERC721.json',
  );
  const { bytecode } = JSON.parse(readFileSync(path, 'utf8')) as { bytecode: Hex };
  const receipt = await mined(
    await walletClient.deployContract({
      account: alice,
      chain: null,
      abi: [
        {
          type: 'constructor',
          stateMutability: 'nonpayable',
          inputs: [
            { name: 'name', type: 'string' },
            { name: 'symbol', type: 'string' },
          ],
        },
      ],
      bytecode,
      args: ['Test Collection', 'TNFT'],
    }),
  );
  if (!receipt.contractAddress) throw new Error('The collection was not deployed.');
  return getAddress(receipt.contractAddress);
}

const isOperator = (collection: Address): Promise<boolean> =>
  publicClient.readContract({
    address: collection,
    abi: erc721Abi,
    functionName: 'isApprovedForAll',
    args: [alice, SPENDER],
  });

const verdict = (page: Page) => page.getByTestId('verdict');
const send = (page: Page) =>
  page.getByTestId('sign-panel').getByRole('button', { name: /Send to wallet|Sign in wallet/ });
const panel = (page: Page) => page.getByRole('tabpanel');
const field = (page: Page, label: string | RegExp) =>
  panel(page).getByLabel(label, { exact: typeof label === 'string' });
const review = (page: Page) => panel(page).getByRole('button', { name: 'Review in the inspector' });

/** Opens Compose with the test wallet installed and connects it through the wallet button. */
async function openConnected(page: Page): Promise<void> {
  await installTestWallet(page);
  await openInspector(page, '/compose');
  await waitForContext(page);
  await page.getByTestId('wallet').getByRole('button', { name: 'Connect wallet' }).click();
  await page.getByRole('button', { name: 'Connect Anvil Test Wallet' }).click();
  await expect(page.getByTestId('wallet')).toContainText('0xf39F');
  await expect(page.getByTestId('compose-from')).toHaveText(alice);
}

/** Reviews the composed request: the inspector opens on exactly the composed text and decides it. */
async function reviewInInspector(page: Page): Promise<void> {
  const text = await panel(page).getByTestId('compose-request').textContent();
  expect(text).toBeTruthy();
  await review(page).click();
  await expect(page).toHaveURL(/\/\?input=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Compose' })).toHaveCount(0);
  await expect(input(page)).toHaveValue(text ?? '');
}

test('a token send: composed, decided by the inspector, sent; balances move by the amount', async ({
  page,
}) => {
  const token = await deployToken({ supply: 1000n * ONE });
  await openConnected(page);
  await page.getByRole('tab', { name: 'Send a token' }).click();
  await field(page, 'Token contract').fill(token);
  // Not in Vigil's list: symbol and decimals are read from the contract through the wallet.
  await expect(panel(page)).toContainText('TST, 18 decimals, as the contract states');
  await field(page, 'To').fill(bob);
  await field(page, 'Amount (TST)').fill('7.25');
  await reviewInInspector(page);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'allow');
  expect(await walletMethods(page)).not.toContain('eth_sendTransaction');
  await send(page).click();
  await expect(page.getByTestId('receipt')).toHaveAttribute('data-status', 'success');
  expect(await balanceOf(token, bob)).toBe(7_250_000_000_000_000_000n);
  expect(await balanceOf(token, alice)).toBe(1000n * ONE - 7_250_000_000_000_000_000n);
});

test('an ERC-20 revoke: the current allowance shows; approve(spender, 0) lands and the allowance is 0', async ({
  page,
}) => {
  const token = await deployToken({ supply: 1000n * ONE });
  await mined(
    await walletClient.writeContract({
      account: alice,
      chain: null,
      address: token,
      abi: erc20Abi,
      functionName: 'approve',
      args: [SPENDER, 123n * ONE],
    }),
  );
  expect(await allowanceOf(token, alice, SPENDER)).toBe(123n * ONE);
  await openConnected(page);
  await page.getByRole('tab', { name: 'Revoke an approval' }).click();
  await field(page, 'Token contract').fill(token);
  await field(page, 'Spender or operator').fill(SPENDER);
  const current = panel(page).getByTestId('compose-current');
  await expect(current).toHaveAttribute('data-value', (123n * ONE).toString());
  await expect(current).toContainText('Allowance: 123 TST');
  await reviewInInspector(page);
  // A revoke is protective: no approval finding, nothing to step up. On a token Vigil has no ABI
  // for, approve(x, 0) also fits a spam text signature mined to collide with approve's selector;
  // the vetted ERC-20 ABI settles the decode and the collision is listed, not held against it.
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'allow');
  await expect(page.getByTestId('collisions')).toContainText('watch_tg_invmru_2f69f1b(address,address)');
  await expect(page.getByTestId('sign-panel').getByRole('checkbox')).toHaveCount(0);
  await send(page).click();
  await expect(page.getByTestId('receipt')).toHaveAttribute('data-status', 'success');
  expect(await allowanceOf(token, alice, SPENDER)).toBe(0n);
});

test('an NFT operator revoke: setApprovalForAll(operator, false) is allowed and lands', async ({ page }) => {
  const collection = await deployCollection();
  await mined(
    await walletClient.writeContract({
      account: alice,
      chain: null,
      address: collection,
      abi: erc721Abi,
      functionName: 'setApprovalForAll',
      args: [SPENDER, true],
    }),
  );
  expect(await isOperator(collection)).toBe(true);
  await openConnected(page);
  await page.getByRole('tab', { name: 'Revoke an approval' }).click();
  await field(page, 'Token contract').fill(collection);
  await field(page, 'Spender or operator').fill(SPENDER);
  await panel(page)
    .getByRole('radio', { name: /NFT operator/ })
    .check();
  const current = panel(page).getByTestId('compose-current');
  await expect(current).toHaveAttribute('data-value', 'true');
  await expect(current).toContainText('Approved as operator');
  await reviewInInspector(page);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'allow');
  await send(page).click();
  await expect(page.getByTestId('receipt')).toHaveAttribute('data-status', 'success');
  expect(await isOperator(collection)).toBe(false);
});

test('a native send of 0.5 ETH lands: the recipient gets exactly 0.5 ETH', async ({ page }) => {
  await openConnected(page);
  const before = await publicClient.getBalance({ address: bob });
  await expect(page.getByRole('tab', { name: 'Send native currency' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await field(page, 'To').fill(bob);
  await field(page, 'Amount (ETH)').fill('0.5');
  await reviewInInspector(page);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'allow');
  await send(page).click();
  await expect(page.getByTestId('receipt')).toHaveAttribute('data-status', 'success');
  expect(await publicClient.getBalance({ address: bob })).toBe(before + parseEther('0.5'));
});

test('invalid inputs show their errors next to the fields and keep the review disabled', async ({ page }) => {
  await openInspector(page, '/compose');
  const nonce = await transactionCount(alice);
  // No wallet: the chain and the account are chosen by hand.
  await page.getByLabel('Chain').selectOption({ label: 'Anvil' });
  await page.getByLabel('From', { exact: true }).fill(alice);
  // Untouched empty fields stay quiet, but the request cannot be reviewed yet.
  await expect(panel(page).getByRole('alert')).toHaveCount(0);
  await expect(review(page)).toBeDisabled();

  const to = field(page, 'To');
  const amount = field(page, 'Amount (ETH)');
  await to.fill('0x1234');
  await amount.fill('0.0000000000000000001');
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(to).toHaveAccessibleDescription(/Not an address/);
  await expect(amount).toHaveAccessibleDescription('Enter an amount above zero with at most 18 decimals.');
  await expect(panel(page).getByRole('alert')).toHaveCount(2);
  await expect(review(page)).toBeDisabled();

  // Fixed, the same form can be reviewed.
  await to.fill(bob);
  await amount.fill('0.000000000000000001');
  await expect(panel(page).getByRole('alert')).toHaveCount(0);
  await expect(review(page)).toBeEnabled();

  // A token Vigil does not know, with no wallet: its decimals are asked for and enforced.
  await page.getByRole('tab', { name: 'Send a token' }).click();
  await field(page, 'Token contract').fill('0x5FbDB2315678afecb367f032d93F642f64180aa3');
  await field(page, 'Token decimals').fill('6');
  await field(page, 'To').fill(bob.toLowerCase());
  await field(page, /^Amount/).fill('1.1234567');
  await expect(field(page, /^Amount/)).toHaveAccessibleDescription(
    'Enter an amount above zero with at most 6 decimals.',
  );
  await expect(review(page)).toBeDisabled();
  await field(page, 'To').fill(`${bob.slice(0, -1)}x`);
  await expect(field(page, 'To')).toHaveAccessibleDescription(/Not an address/);
  await field(page, 'To').fill(bob);
  await field(page, /^Amount/).fill('1.123456');
  await expect(review(page)).toBeEnabled();
  expect(await transactionCount(alice)).toBe(nonce);
});

/** Writes records into the private context (database `vigil`), then reloads so the app reads them. */
async function seed(page: Page, store: string, values: unknown[]): Promise<void> {
  await page.evaluate(
    ({ store, values }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('vigil', 2);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readwrite');
          for (const v of values) tx.objectStore(store).put(v);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { store, values },
  );
}

test('a revoke candidate from Vigil’s own records is listed; one click fills the form', async ({ page }) => {
  const token = getAddress(await deployToken({ supply: 1000n * ONE }));
  const other: Address = '0x2222222222222222222222222222222222222222';
  await mined(
    await walletClient.writeContract({
      account: alice,
      chain: null,
      address: token,
      abi: erc20Abi,
      functionName: 'approve',
      args: [SPENDER, maxUint256],
    }),
  );
  await openConnected(page);
  const day = new Date().toISOString().slice(0, 10);
  await seed(page, 'history', [
    { id: 'h-spender', address: SPENDER, firstSeen: 0, lastSeen: 0, count: 1, directions: ['granted'] },
    // Only ever paid: a transfer is not an approval to revoke.
    { id: 'h-bob', address: bob, firstSeen: 0, lastSeen: 0, count: 1, directions: ['sent'] },
    { id: 'h-other', address: other, firstSeen: 0, lastSeen: 0, count: 1, directions: ['granted'] },
  ]);
  await seed(page, 'exposure', [
    { id: 'e-1', day, asset: token, counterparty: SPENDER, amount: maxUint256.toString(), count: 1 },
    { id: 'e-2', day, asset: token, counterparty: bob, amount: ONE.toString(), count: 1 },
    // Native currency cannot be revoked.
    { id: 'e-3', day, asset: 'native', counterparty: other, amount: ONE.toString(), count: 1 },
  ]);
  await page.reload();
  await waitForApp(page);
  await waitForContext(page);
  await expect(page.getByTestId('wallet')).toContainText('0xf39F');

  await page.getByRole('tab', { name: 'Revoke an approval' }).click();
  const candidates = panel(page).getByTestId('compose-candidate');
  await expect(candidates).toHaveCount(1);
  await expect(candidates).toContainText(SPENDER);
  await expect(candidates).toContainText(token);
  await expect(candidates).toContainText('Unlimited');
  await expect(field(page, 'Token contract')).toHaveValue('');

  await candidates.getByRole('button', { name: `Revoke ${token} allowance of ${SPENDER}` }).click();
  await expect(field(page, 'Token contract')).toHaveValue(token);
  await expect(field(page, 'Spender or operator')).toHaveValue(SPENDER);
  await expect(field(page, 'Token contract')).toBeFocused();
  await expect(panel(page).getByRole('radio', { name: /Token allowance/ })).toBeChecked();
  await expect(panel(page).getByTestId('compose-current')).toContainText('Unlimited allowance.');
  await expect(review(page)).toBeEnabled();
  // Nothing was sent: filling the form signs nothing.
  expect(await walletMethods(page)).not.toContain('eth_sendTransaction');
});
