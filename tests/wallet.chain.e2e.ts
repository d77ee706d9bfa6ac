import { expect, type Page, test } from '@playwright/test';
import {
  type Address,
  encodeFunctionData,
  erc20Abi,
  getAddress,
  type Hex,
  maxUint256,
  verifyTypedData,
} from 'viem';
import {
  alice,
  allowanceOf,
  balanceOf,
  bob,
  deployToken,
  revertAfterEach,
  transactionCount,
} from './chain/anvil';
import { openConnected } from './chain/connect';
import { rejectNext, setWalletChain, walletMethods, walletRequests } from './chain/wallet';
import { input, records, waitForApp, waitForContext } from './fixtures';

/**
 * Signing through Vigil against a real chain: anvil on 127.0.0.1, a real ERC-20, and a test
 * wallet in the page (EIP-1193, announced per EIP-6963) that forwards to anvil's unlocked
 * accounts. Every test asserts on chain state, not only on what the page shows.
 */

revertAfterEach();

const SPENDER = '0x1111111111111111111111111111111111111111';
const DENIED = '0x000000000000000000000000000000000000dEaD';
const ONE = 10n ** 18n;

const txJson = (token: Address, data: Hex): string =>
  JSON.stringify({ chainId: 31337, from: alice, to: token, data, value: '0' });
const transfer = (token: Address, to: Address, amount: bigint): string =>
  txJson(token, encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] }));
const approve = (token: Address, spender: Address, amount: bigint): string =>
  txJson(token, encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [spender, amount] }));

const verdict = (page: Page) => page.getByTestId('verdict');
const panel = (page: Page) => page.getByTestId('sign-panel');
const send = (page: Page) =>
  panel(page).getByRole('button', { name: /Send to wallet|Sign in wallet|Sign anyway/ });

/** Writes records into the private context, then reloads so the app reads them. */
async function seed(page: Page, store: string, values: unknown[]): Promise<void> {
  await page.evaluate(
    ({ store, values }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('vigil');
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
  await page.reload();
  await waitForApp(page);
  await waitForContext(page);
  await expect(page.getByTestId('wallet')).toContainText('0xf39F');
}

type LogRecord = { userAction: string; verdict: string; result?: Hex; resultHash?: Hex };

test('an allowed token transfer lands; balances move by the amount; the log holds the tx hash', async ({
  page,
}) => {
  const token = await deployToken({ supply: 1000n * ONE });
  await openConnected(page);
  await input(page).fill(transfer(token, bob, 5n * ONE));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'allow');
  await send(page).click();
  await expect(page.getByTestId('receipt')).toHaveAttribute('data-status', 'success');
  expect(await balanceOf(token, bob)).toBe(5n * ONE);
  expect(await balanceOf(token, alice)).toBe(995n * ONE);
  const [entry] = (await records(page, 'decisions')) as LogRecord[];
  expect(entry).toMatchObject({ userAction: 'signed', verdict: 'allow' });
  expect(await page.getByTestId('sign-result').textContent()).toContain(entry?.result);
});

test('an unlimited approval to an unknown spender steps up: nothing reaches anvil until the step-up is done', async ({
  page,
}) => {
  const token = await deployToken({ supply: 1000n * ONE });
  await openConnected(page);
  const nonce = await transactionCount(alice);
  await input(page).fill(approve(token, SPENDER, maxUint256));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'stepup');
  await expect(send(page)).toBeDisabled();

  // Acknowledging some findings is not enough.
  const acks = panel(page).getByRole('checkbox');
  const count = await acks.count();
  expect(count).toBeGreaterThan(1);
  await acks.first().check();
  await expect(send(page)).toBeDisabled();
  expect(await transactionCount(alice)).toBe(nonce);
  expect(await allowanceOf(token, alice, SPENDER)).toBe(0n);
  expect(await walletMethods(page)).not.toContain('eth_sendTransaction');

  for (let i = 0; i < count; i++) await acks.nth(i).check();
  const confirm = panel(page).getByRole('textbox');
  if (await confirm.count()) {
    await expect(panel(page)).toContainText(`last 4 characters of ${SPENDER}`);
    await confirm.fill('12ab');
    await expect(send(page)).toBeDisabled();
    await confirm.fill('1111');
  }
  await send(page).click();
  await expect(page.getByTestId('receipt')).toHaveAttribute('data-status', 'success');
  expect(await allowanceOf(token, alice, SPENDER)).toBe(maxUint256);
  expect(await transactionCount(alice)).toBe(nonce + 1);
});

test('a Block stays blocked; with overriding allowed by the policy, the override lands and is logged', async ({
  page,
}) => {
  const token = await deployToken({ supply: 1000n * ONE });
  await openConnected(page);
  await seed(page, 'lists', [{ id: 'deny-1', list: 'deny', address: DENIED, note: '', addedAt: 0 }]);
  const nonce = await transactionCount(alice);
  await input(page).fill(transfer(token, DENIED, ONE));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'block');
  await expect(panel(page).getByTestId('sign-blocked')).toBeVisible();
  await expect(send(page)).toHaveCount(0);
  expect(await transactionCount(alice)).toBe(nonce);
  expect(await walletMethods(page)).not.toContain('eth_sendTransaction');

  await seed(page, 'policy', [
    { id: 'current', document: { signing: { allowOverride: true } }, exposureWindowDays: 1, updatedAt: 0 },
  ]);
  await input(page).fill(transfer(token, DENIED, ONE));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'block');
  await expect(send(page)).toBeDisabled();
  for (const box of await panel(page).getByRole('checkbox').all()) await box.check();
  await panel(page).getByRole('textbox').fill('override');
  await expect(send(page)).toBeDisabled();
  await panel(page).getByRole('textbox').fill('OVERRIDE');
  await send(page).click();
  await expect(page.getByTestId('receipt')).toHaveAttribute('data-status', 'success');
  expect(await balanceOf(token, DENIED)).toBe(ONE);
  const log = (await records(page, 'decisions')) as LogRecord[];
  expect(log).toEqual([expect.objectContaining({ userAction: 'overridden', verdict: 'block' })]);
});

test('a request changed after its decision is decided again before anything is signed', async ({ page }) => {
  const token = await deployToken({ supply: 1000n * ONE });
  await openConnected(page);
  const reviewed = transfer(token, bob, ONE);
  const changed = transfer(token, bob, 900n * ONE);
  await input(page).fill(reviewed);
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'allow');
  const hash = verdict(page).getByTestId('payload-hash').locator('code');
  const reviewedHash = await hash.textContent();
  const nonce = await transactionCount(alice);
  // The bytes change and Send is pressed in the same moment, before the inspector re-decides.
  await page.evaluate((text) => {
    const area = document.querySelector<HTMLTextAreaElement>('#vigil-input');
    const button = [
      ...document.querySelectorAll<HTMLButtonElement>('[data-testid="sign-panel"] button'),
    ].find((b) => b.textContent?.includes('Send to wallet'));
    if (!area || !button) throw new Error('inspector not ready');
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    button.click();
  }, changed);
  await expect(page.getByTestId('sign-problem')).toHaveAttribute('data-problem', 'changed');
  expect(await walletMethods(page)).not.toContain('eth_sendTransaction');
  expect(await transactionCount(alice)).toBe(nonce);
  // The page now shows the decision for the new bytes; signing them sends exactly them.
  await expect(hash).not.toHaveText(reviewedHash ?? '');
  await expect(input(page)).toHaveValue(changed);
  await send(page).click();
  await expect(page.getByTestId('receipt')).toHaveAttribute('data-status', 'success');
  expect(await balanceOf(token, bob)).toBe(900n * ONE);
});

test('a rejection in the wallet is logged, nothing lands, and the app stays usable', async ({ page }) => {
  const token = await deployToken({ supply: 1000n * ONE });
  await openConnected(page);
  const nonce = await transactionCount(alice);
  await input(page).fill(transfer(token, bob, ONE));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'allow');
  await rejectNext(page, 'eth_sendTransaction');
  await send(page).click();
  await expect(page.getByTestId('sign-rejected')).toContainText('You rejected it in your wallet');
  expect(await transactionCount(alice)).toBe(nonce);
  expect((await records(page, 'decisions')) as LogRecord[]).toEqual([
    expect.objectContaining({ userAction: 'rejected' }),
  ]);
  // Try again: it goes through.
  await send(page).click();
  await expect(page.getByTestId('receipt')).toHaveAttribute('data-status', 'success');
  expect(await balanceOf(token, bob)).toBe(ONE);
});

test('a typed-data signature is returned and verifies for the signer', async ({ page }) => {
  const token = await deployToken({ supply: 1000n * ONE });
  await openConnected(page);
  const typedData = {
    types: {
      EIP712Domain: [
        { name: 'name', type: 'string' },
        { name: 'version', type: 'string' },
        { name: 'chainId', type: 'uint256' },
        { name: 'verifyingContract', type: 'address' },
      ],
      Order: [
        { name: 'maker', type: 'address' },
        { name: 'note', type: 'string' },
        { name: 'amount', type: 'uint256' },
      ],
    },
    primaryType: 'Order',
    domain: { name: 'Vigil Test', version: '1', chainId: 31337, verifyingContract: token },
    message: { maker: alice, note: 'hello from the guard', amount: '42' },
  } as const;
  await input(page).fill(JSON.stringify({ method: 'eth_signTypedData_v4', params: [alice, typedData] }));
  await expect(verdict(page)).toHaveAttribute('data-verdict', /allow|stepup/);
  for (const box of await panel(page).getByRole('checkbox').all()) await box.check();
  const confirm = panel(page).getByRole('textbox');
  if (await confirm.count()) {
    const label = (await panel(page).locator('label.confirm').textContent()) ?? '';
    await confirm.fill(/Type (\S+) to confirm/.exec(label)?.[1] ?? '');
  }
  await send(page).click();
  const result = page.getByTestId('sign-result');
  await expect(result).toContainText('Signed. Signature 0x');
  const signature = /0x[0-9a-f]{130}/.exec((await result.textContent()) ?? '')?.[0] as Hex;
  const { EIP712Domain: _, ...types } = typedData.types;
  expect(
    await verifyTypedData({
      address: alice,
      domain: typedData.domain,
      types,
      primaryType: 'Order',
      message: { ...typedData.message, amount: 42n },
      signature,
    }),
  ).toBe(true);
  const log = (await records(page, 'decisions')) as LogRecord[];
  expect(log[0]?.result).toBe(signature);
});

test('a wallet on another chain is caught before signing; switching from Vigil lets the request through', async ({
  page,
}) => {
  const token = await deployToken({ supply: 1000n * ONE });
  await openConnected(page, { chains: [31337, 1] });
  // The user moved the wallet to Ethereum in the wallet itself.
  await setWalletChain(page, 1);
  await expect(page.getByTestId('wallet').getByRole('combobox', { name: 'Wallet network' })).toHaveValue('1');
  const nonce = await transactionCount(alice);
  await input(page).fill(transfer(token, bob, ONE));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'allow');
  await send(page).click();
  const problem = page.getByTestId('sign-problem');
  await expect(problem).toHaveAttribute('data-problem', 'chain');
  await expect(problem).toContainText('This request is for Anvil; your wallet is on Ethereum.');
  expect(await walletMethods(page)).not.toContain('eth_sendTransaction');
  expect(await transactionCount(alice)).toBe(nonce);
  await problem.getByRole('button', { name: 'Switch wallet to Anvil' }).click();
  await expect(page.getByTestId('wallet').getByRole('combobox', { name: 'Wallet network' })).toHaveValue(
    '31337',
  );
  await send(page).click();
  await expect(page.getByTestId('receipt')).toHaveAttribute('data-status', 'success');
  expect(await balanceOf(token, bob)).toBe(ONE);
});

test('an EIP-5792 batch (wallet_sendCalls) is gated as a whole, sent as inspected, and every call lands', async ({
  page,
}) => {
  const token = await deployToken({ supply: 1000n * ONE });
  await openConnected(page);
  const calls = [
    {
      to: token,
      value: '0x0',
      data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [bob, 2n * ONE] }),
    },
    {
      to: token,
      value: '0x0',
      data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [bob, 3n * ONE] }),
    },
  ];
  await input(page).fill(
    JSON.stringify({
      method: 'wallet_sendCalls',
      params: [{ version: '2.0.0', chainId: '0x7a69', from: alice, atomicRequired: false, calls }],
    }),
  );
  await expect(verdict(page)).toHaveAttribute('data-verdict', /allow|stepup/);
  for (const box of await panel(page).getByRole('checkbox').all()) await box.check();
  const confirm = panel(page).getByRole('textbox');
  if (await confirm.count()) await confirm.fill(bob.slice(-4));
  await send(page).click();
  await expect(page.getByTestId('receipt')).toHaveAttribute('data-status', 'success');
  expect(await balanceOf(token, bob)).toBe(5n * ONE);
  const sent = (await walletRequests(page)).find((r) => r.method === 'wallet_sendCalls');
  // The same calls, addresses checksummed as Vigil normalizes them.
  expect(sent?.params).toEqual([
    {
      version: '2.0.0',
      chainId: '0x7a69',
      from: alice,
      atomicRequired: false,
      calls: calls.map((c) => ({ ...c, to: getAddress(c.to) })),
    },
  ]);
});
