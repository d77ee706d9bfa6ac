import { expect, type Page, test } from '@playwright/test';
import { type Address, getAddress, type Hex, numberToHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { alice, anvilAccounts, bob, publicClient, revertAfterEach, transactionCount } from './chain/anvil';
import { openConnected } from './chain/connect';
import { walletMethods, walletRequests } from './chain/wallet';
import { input, records } from './fixtures';

/**
 * EIP-7702 through Vigil: a transaction that carries a signed authorization goes to the wallet as
 * a type-4 request with the authorization exactly as inspected, where the wallet supports it.
 * Bob signs the authorization (a dApp relays it); Alice, the connected wallet, sends and pays.
 * Every test asserts what anvil did to Bob's account code.
 */

revertAfterEach();

/** MetaMask's EIP-7702 delegator: on Vigil's bundled list of wallet delegates. */
const KNOWN_DELEGATE = '0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B';
const bobKey = privateKeyToAccount(anvilAccounts[1].privateKey);

const verdict = (page: Page) => page.getByTestId('verdict');
const panel = (page: Page) => page.getByTestId('sign-panel');
const send = (page: Page) => panel(page).getByRole('button', { name: /Send to wallet|Sign anyway/ });

/** A transaction from Alice to Bob carrying Bob's authorization to run `delegate`'s code. */
async function sponsoredDelegation(delegate: Address): Promise<string> {
  const nonce = await transactionCount(bob);
  const auth = await bobKey.signAuthorization({ chainId: 31337, address: delegate, nonce });
  return JSON.stringify({
    chainId: 31337,
    from: alice,
    to: bob,
    value: '0',
    data: '0x',
    authorizationList: [
      {
        chainId: numberToHex(31337),
        address: delegate,
        nonce: numberToHex(nonce),
        yParity: numberToHex(auth.yParity ?? 0),
        r: auth.r,
        s: auth.s,
      },
    ],
  });
}

/** Bob's code: the EIP-7702 designator `0xef0100 ‖ delegate`, or nothing. */
const bobCode = (): Promise<Hex | undefined> => publicClient.getCode({ address: bob });
const designator = (delegate: Address): Hex => `0xef0100${delegate.slice(2).toLowerCase()}`;

type LogRecord = { userAction: string; verdict: string; result?: Hex };

test('a delegation to a wallet delegate Vigil knows is allowed, sent as inspected, and set on chain', async ({
  page,
}) => {
  await openConnected(page);
  await input(page).fill(await sponsoredDelegation(KNOWN_DELEGATE));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'allow');
  expect(await bobCode()).toBeUndefined();
  await send(page).click();
  await expect(page.getByTestId('receipt')).toHaveAttribute('data-status', 'success');
  expect(await bobCode()).toBe(designator(KNOWN_DELEGATE));

  // The wallet got a type-4 request with the authorization exactly as pasted.
  const pasted = JSON.parse(await input(page).inputValue()).authorizationList[0];
  const sent = (await walletRequests(page)).find((r) => r.method === 'eth_sendTransaction');
  expect(sent?.params).toEqual([
    expect.objectContaining({
      type: '0x4',
      authorizationList: [
        {
          chainId: pasted.chainId,
          address: pasted.address,
          nonce: pasted.nonce,
          yParity: pasted.yParity,
          r: pasted.r.toLowerCase(),
          s: pasted.s.toLowerCase(),
        },
      ],
    }),
  ]);
  const [entry] = (await records(page, 'decisions')) as LogRecord[];
  expect(entry).toMatchObject({ userAction: 'signed', verdict: 'allow' });
});

test('a delegation to an address Vigil does not know steps up, names whose account it is, and lands only once stepped up', async ({
  page,
}) => {
  // An address Vigil knows nothing about (no code: Bob's empty call then succeeds).
  const unknown = getAddress('0x2222222222222222222222222222222222222222');
  await openConnected(page);
  await input(page).fill(await sponsoredDelegation(unknown));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'stepup');
  await expect(page.getByTestId('findings')).toContainText(
    `The account ${bob.slice(0, 10)}…${bob.slice(-8)} would run the code of`,
  );
  await expect(send(page)).toBeDisabled();
  expect(await walletMethods(page)).not.toContain('eth_sendTransaction');
  expect(await bobCode()).toBeUndefined();

  const acks = panel(page).getByRole('checkbox');
  for (let i = 0; i < (await acks.count()); i++) await acks.nth(i).check();
  const confirm = panel(page).getByRole('textbox');
  if (await confirm.count()) await confirm.fill(unknown.slice(-4));
  await send(page).click();
  await expect(page.getByTestId('receipt')).toHaveAttribute('data-status', 'success');
  expect(await bobCode()).toBe(designator(unknown));
});

test('a wallet that refuses authorizations: Vigil says so calmly, nothing lands, the failure is logged', async ({
  page,
}) => {
  await openConnected(page, { eip7702: false });
  const sent = await transactionCount(alice);
  await input(page).fill(await sponsoredDelegation(KNOWN_DELEGATE));
  await expect(verdict(page)).toHaveAttribute('data-verdict', 'allow');
  await send(page).click();
  await expect(panel(page)).toHaveAttribute('data-phase', 'failed');
  await expect(panel(page).getByRole('alert')).toContainText(
    'many wallets do not accept authorizations from a site. Nothing was signed. The wallet said: External EIP-7702 transactions are not supported.',
  );
  expect(await bobCode()).toBeUndefined();
  expect(await transactionCount(alice)).toBe(sent);
  await expect
    .poll(async () => ((await records(page, 'decisions')) as LogRecord[])[0]?.userAction)
    .toBe('failed');

  // Still usable: an ordinary request is decided and can be sent.
  await input(page).fill(JSON.stringify({ chainId: 31337, from: alice, to: bob, value: '1', data: '0x' }));
  await expect(panel(page)).toHaveAttribute('data-phase', 'idle');
  await expect(send(page)).toBeEnabled();
});

test('an unsigned authorization cannot be sent: the panel says why and the wallet is never asked', async ({
  page,
}) => {
  await openConnected(page);
  await input(page).fill(
    JSON.stringify({
      chainId: 31337,
      from: alice,
      to: bob,
      authorizationList: [{ chainId: '0x7a69', address: KNOWN_DELEGATE, nonce: '0x0' }],
    }),
  );
  await expect(verdict(page)).toBeVisible();
  await expect(page.getByTestId('unsignable')).toContainText('The EIP-7702 authorization is not signed.');
  await expect(send(page)).toHaveCount(0);
  expect(await walletMethods(page, 'page')).not.toContain('eth_sendTransaction');
});
