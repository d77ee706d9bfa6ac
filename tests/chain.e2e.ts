import { expect, type Page, test } from '@playwright/test';
import { encodeFunctionData, erc20Abi, type Hex, parseUnits, verifyMessage, verifyTypedData } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import {
  alice,
  anvilAccounts,
  anvilChainId,
  balanceOf,
  blockNumber,
  bob,
  deployToken,
  mined,
  publicClient,
  revert,
  revertAfterEach,
  snapshot,
  transactionCount,
  transactionsSince,
  walletClient,
} from './chain/anvil';
import {
  holdNext,
  installTestWallet,
  rejectNext,
  releaseHeld,
  type TestWalletControls,
  walletMethods,
  walletRequest,
  walletRequests,
} from './chain/wallet';
import { openInspector } from './fixtures';

// The test chain itself: anvil, the test wallet the page sees, and the helpers the wallet tests use.
// The app's wallet UI is not exercised here. These tests assume the app makes no wallet call by itself.

revertAfterEach();

const typedData = {
  domain: { name: 'Vigil Test', version: '1', chainId: anvilChainId },
  types: {
    Mail: [
      { name: 'to', type: 'address' },
      { name: 'contents', type: 'string' },
    ],
  },
  primaryType: 'Mail',
  message: { to: bob, contents: 'Hello, Bob' },
} as const;

/** `eth_signTypedData_v4`'s JSON, as viem sends it (EIP712Domain spelled out). */
const typedDataJson = JSON.stringify({
  ...typedData,
  types: {
    EIP712Domain: [
      { name: 'name', type: 'string' },
      { name: 'version', type: 'string' },
      { name: 'chainId', type: 'uint256' },
    ],
    ...typedData.types,
  },
});

async function connected(page: Page): Promise<void> {
  await installTestWallet(page);
  await openInspector(page);
  expect(await walletRequest(page, 'eth_requestAccounts')).toEqual({ result: [alice] });
}

test('anvil runs chain 31337 with the well-known dev accounts unlocked', async () => {
  expect(await publicClient.getChainId()).toBe(31337);
  const unlocked = await walletClient.getAddresses();
  expect(unlocked.map((a) => a.toLowerCase())).toEqual(anvilAccounts.map((a) => a.address.toLowerCase()));
  for (const { address, privateKey } of anvilAccounts) expect(privateKeyToAddress(privateKey)).toBe(address);
});

test('the wallet is announced per EIP-6963 and answers account, chain and permission calls', async ({
  page,
}) => {
  await installTestWallet(page);
  await openInspector(page);

  const announced = await page.evaluate(() => {
    const details: { info: unknown; frozen: boolean; same: boolean }[] = [];
    window.addEventListener('eip6963:announceProvider', (event) => {
      const detail = (event as CustomEvent).detail;
      const wallet = (window as unknown as { __testWallet: TestWalletControls }).__testWallet;
      details.push({
        info: detail.info,
        frozen: Object.isFrozen(detail),
        same: detail.provider === wallet.provider,
      });
    });
    window.dispatchEvent(new Event('eip6963:requestProvider'));
    return { details, ethereum: 'ethereum' in window };
  });
  expect(announced.ethereum).toBe(false);
  expect(announced.details).toEqual([
    {
      info: {
        uuid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        name: 'Anvil Test Wallet',
        icon: expect.stringMatching(/^data:image\/svg\+xml,/),
        rdns: 'dev.vigil.testwallet',
      },
      frozen: true,
      same: true,
    },
  ]);

  // A fresh wallet has not connected this site.
  expect(await walletRequest(page, 'eth_accounts')).toEqual({ result: [] });
  expect(await walletRequest(page, 'personal_sign', ['0x68690a', alice])).toEqual({
    error: expect.objectContaining({ code: 4100 }),
  });
  expect(await walletRequest(page, 'eth_requestAccounts')).toEqual({ result: [alice] });
  expect(await walletRequest(page, 'eth_accounts')).toEqual({ result: [alice] });
  expect(await walletRequest(page, 'eth_chainId')).toEqual({ result: '0x7a69' });
  expect(await walletRequest(page, 'wallet_getCapabilities', [alice])).toEqual({ result: {} });

  // Chains: an unknown one is refused with 4902 until added; each switch emits chainChanged.
  await page.evaluate(() => {
    const wallet = (window as unknown as { __testWallet: TestWalletControls }).__testWallet;
    const seen: unknown[] = [];
    (window as unknown as { chainEvents: unknown[] }).chainEvents = seen;
    wallet.provider.on('chainChanged', (chainId) => seen.push(chainId));
  });
  expect(await walletRequest(page, 'wallet_switchEthereumChain', [{ chainId: '0x1' }])).toEqual({
    error: expect.objectContaining({ code: 4902 }),
  });
  expect(
    await walletRequest(page, 'wallet_addEthereumChain', [{ chainId: '0x1', chainName: 'Ethereum' }]),
  ).toEqual({ result: null });
  expect(await walletRequest(page, 'eth_chainId')).toEqual({ result: '0x1' });
  expect(await walletRequest(page, 'wallet_switchEthereumChain', [{ chainId: '0x7a69' }])).toEqual({
    result: null,
  });
  expect(await page.evaluate(() => (window as unknown as { chainEvents: unknown[] }).chainEvents)).toEqual([
    '0x1',
    '0x7a69',
  ]);

  // Forwarded reads reach anvil.
  const block = await walletRequest(page, 'eth_blockNumber');
  expect(block).toEqual({ result: `0x${(await blockNumber()).toString(16)}` });

  expect(await walletMethods(page, 'test')).toEqual([
    'eth_accounts',
    'personal_sign',
    'eth_requestAccounts',
    'eth_accounts',
    'eth_chainId',
    'wallet_getCapabilities',
    'wallet_switchEthereumChain',
    'wallet_addEthereumChain',
    'eth_chainId',
    'wallet_switchEthereumChain',
    'eth_blockNumber',
  ]);

  // The wallet remembers the site across a reload; revoking forgets it.
  await page.reload();
  expect(await walletRequest(page, 'eth_accounts')).toEqual({ result: [alice] });
  expect(await walletRequest(page, 'wallet_revokePermissions', [{ eth_accounts: {} }])).toEqual({
    result: null,
  });
  expect(await walletRequest(page, 'eth_accounts')).toEqual({ result: [] });
});

test('a token transfer sent through the wallet lands on anvil', async ({ page }) => {
  const supply = parseUnits('1000', 18);
  const amount = parseUnits('250', 18);
  const token = await deployToken({ name: 'Vigil Test Token', symbol: 'VTT', supply, owner: alice });
  expect(await balanceOf(token, alice)).toBe(supply);
  expect(await balanceOf(token, bob)).toBe(0n);
  await connected(page);

  const before = await blockNumber();
  const data = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [bob, amount] });
  const sent = await walletRequest(page, 'eth_sendTransaction', [{ from: alice, to: token, data }]);
  expect(sent).toEqual({ result: expect.stringMatching(/^0x[0-9a-f]{64}$/) });
  const hash = (sent as { result: Hex }).result;

  expect((await mined(hash)).status).toBe('success');
  expect(await balanceOf(token, alice)).toBe(supply - amount);
  expect(await balanceOf(token, bob)).toBe(amount);
  const landed = await transactionsSince(before);
  expect(landed.map(({ hash, from, to, input }) => ({ hash, from, to, input }))).toEqual([
    { hash, from: alice.toLowerCase(), to: token.toLowerCase(), input: data },
  ]);
  expect((await walletRequests(page)).at(-1)).toEqual({
    method: 'eth_sendTransaction',
    params: [{ from: alice, to: token, data }],
    source: 'test',
    status: 'ok',
  });
});

test('personal_sign and eth_signTypedData_v4 return signatures by the account, and send nothing', async ({
  page,
}) => {
  await connected(page);
  const nonce = await transactionCount(alice);

  const message = 'Vigil signs this';
  const personal = await walletRequest(page, 'personal_sign', [
    `0x${Buffer.from(message).toString('hex')}`,
    alice,
  ]);
  const signature = (personal as { result: Hex }).result;
  expect(signature).toMatch(/^0x[0-9a-f]{130}$/);
  expect(await verifyMessage({ address: alice, message, signature })).toBe(true);
  expect(await verifyMessage({ address: bob, message, signature })).toBe(false);
  expect(await verifyMessage({ address: alice, message: `${message}!`, signature })).toBe(false);

  const typed = await walletRequest(page, 'eth_signTypedData_v4', [alice, typedDataJson]);
  const typedSignature = (typed as { result: Hex }).result;
  expect(typedSignature).toMatch(/^0x[0-9a-f]{130}$/);
  expect(await verifyTypedData({ ...typedData, address: alice, signature: typedSignature })).toBe(true);
  const forged = { ...typedData.message, contents: 'Hello, Mallory' };
  expect(
    await verifyTypedData({ ...typedData, message: forged, address: alice, signature: typedSignature }),
  ).toBe(false);

  // The wallet signs only for its own account.
  expect(await walletRequest(page, 'eth_signTypedData_v4', [bob, typedDataJson])).toEqual({
    error: expect.objectContaining({ code: 4100 }),
  });
  expect(await transactionCount(alice)).toBe(nonce);
  expect(await walletMethods(page, 'test')).toEqual([
    'eth_requestAccounts',
    'personal_sign',
    'eth_signTypedData_v4',
    'eth_signTypedData_v4',
  ]);
});

test('a rejected send throws 4001 and no transaction reaches anvil', async ({ page }) => {
  const token = await deployToken({ supply: 1000n });
  await connected(page);
  const nonce = await transactionCount(alice);
  const before = await blockNumber();
  const data = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [bob, 1n] });

  await rejectNext(page, 'eth_sendTransaction');
  // Other methods pass: the rule waits for the method it names.
  expect(await walletRequest(page, 'eth_chainId')).toEqual({ result: '0x7a69' });
  expect(await walletRequest(page, 'eth_sendTransaction', [{ from: alice, to: token, data }])).toEqual({
    error: { code: 4001, message: 'User rejected the request.' },
  });
  expect(await transactionCount(alice)).toBe(nonce);
  expect(await transactionsSince(before)).toEqual([]);
  expect(await balanceOf(token, bob)).toBe(0n);

  // A send from another account than the wallet's is refused too.
  expect(await walletRequest(page, 'eth_sendTransaction', [{ from: bob, to: token, data }])).toEqual({
    error: expect.objectContaining({ code: 4100 }),
  });
  expect(await transactionCount(bob)).toBe(0);

  // The rejection served once: the next send lands.
  const sent = await walletRequest(page, 'eth_sendTransaction', [{ from: alice, to: token, data }]);
  await mined((sent as { result: Hex }).result);
  expect(await transactionCount(alice)).toBe(nonce + 1);
  expect(await balanceOf(token, bob)).toBe(1n);

  // The test's own requests (the app, connected to the same wallet, makes its own).
  const log = (await walletRequests(page)).filter((r) => r.source === 'test');
  expect(log.map(({ method, status, error }) => ({ method, status, code: error?.code }))).toEqual([
    { method: 'eth_requestAccounts', status: 'ok', code: undefined },
    { method: 'eth_chainId', status: 'ok', code: undefined },
    { method: 'eth_sendTransaction', status: 'error', code: 4001 },
    { method: 'eth_sendTransaction', status: 'error', code: 4100 },
    { method: 'eth_sendTransaction', status: 'ok', code: undefined },
  ]);
});

test('a held send waits, unsent, until the test approves it', async ({ page }) => {
  await connected(page);
  const nonce = await transactionCount(alice);

  await holdNext(page, 'eth_sendTransaction');
  await page.evaluate(
    ({ from, to }) => {
      const wallet = (window as unknown as { __testWallet: TestWalletControls }).__testWallet;
      (window as unknown as { pending: Promise<unknown> }).pending = wallet.provider.request({
        method: 'eth_sendTransaction',
        params: [{ from, to, value: '0x1' }],
      });
    },
    { from: alice, to: bob },
  );
  expect((await walletRequests(page)).at(-1)?.status).toBe('held');
  expect(await transactionCount(alice)).toBe(nonce);

  expect(await releaseHeld(page)).toBe(true);
  const hash = await page.evaluate(() => (window as unknown as { pending: Promise<Hex> }).pending);
  expect((await mined(hash)).status).toBe('success');
  expect(await transactionCount(alice)).toBe(nonce + 1);
  expect(await releaseHeld(page)).toBe(false);
});

test('revert takes the chain back to its snapshot', async () => {
  const block = await blockNumber();
  const nonce = await transactionCount(alice);
  const id = await snapshot();
  const token = await deployToken({ supply: 5n });
  expect(await publicClient.getCode({ address: token })).toMatch(/^0x[0-9a-f]+$/);
  expect(await transactionCount(alice)).toBe(nonce + 1);

  await revert(id);
  expect(await blockNumber()).toBe(block);
  expect(await transactionCount(alice)).toBe(nonce);
  expect(await publicClient.getCode({ address: token })).toBeUndefined();
});
