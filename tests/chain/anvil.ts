import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from '@playwright/test';
import {
  type Address,
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  erc20Abi,
  type Hash,
  type Hex,
  http,
  type Transaction,
} from 'viem';
import { anvilChainId, anvilUrl } from './config';

/**
 * The anvil chain Playwright starts (see playwright.config.ts), seen from Node: clients, its dev
 * accounts, and the few reads and writes the end-to-end tests need.
 */

export { anvilChainId, anvilUrl };

export const anvilChain = defineChain({
  id: anvilChainId,
  name: 'Anvil',
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: { default: { http: [anvilUrl] } },
});

const transport = http(anvilUrl);
export const publicClient = createPublicClient({ chain: anvilChain, transport });
export const testClient = createTestClient({ chain: anvilChain, mode: 'anvil', transport });
/** Sends from anvil's unlocked accounts (`account` per call): anvil signs. */
export const walletClient = createWalletClient({ chain: anvilChain, transport });

/**
 * Anvil's ten dev accounts (mnemonic "test test … junk", m/44'/60'/0'/0/i), 10 000 ETH each.
 * Well-known keys: never use them outside a local chain.
 */
export const anvilAccounts = [
  {
    address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    privateKey: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  },
  {
    address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    privateKey: '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  },
  {
    address: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
    privateKey: '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  },
  {
    address: '0x90F79bf6EB2c4f870365E785982E1f101E93b906',
    privateKey: '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
  },
  {
    address: '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65',
    privateKey: '0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a',
  },
  {
    address: '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc',
    privateKey: '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba',
  },
  {
    address: '0x976EA74026E726554dB657fA54763abd0C3a0aa9',
    privateKey: '0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e',
  },
  {
    address: '0x14dC79964da2C08b23698B3D3cc7Ca32193d9955',
    privateKey: '0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356',
  },
  {
    address: '0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f',
    privateKey: '0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97',
  },
  {
    address: '0xa0Ee7A142d267C1f36714E4a8F75612F20a79720',
    privateKey: '0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6',
  },
] as const satisfies readonly { address: Address; privateKey: Hex }[];

/** Account 0, the test wallet's default account. */
export const alice = anvilAccounts[0].address;
/** Account 1, a second party (recipient, spender). */
export const bob = anvilAccounts[1].address;

/** OpenZeppelin 4.9 `ERC20PresetFixedSupply`: mints `initialSupply` to `owner` in its constructor. */
export const tokenAbi = [
  {
    type: 'constructor',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'name', type: 'string' },
      { name: 'symbol', type: 'string' },
      { name: 'initialSupply', type: 'uint256' },
      { name: 'owner', type: 'address' },
    ],
  },
  ...erc20Abi,
] as const;

let tokenBytecode: Hex | undefined;
function bytecode(): Hex {
  if (!tokenBytecode) {
    const path = createRequire(import.meta.url).resolve(
      'openzeppelin-contracts-v4/build/contracts/ERC20PresetFixedSupply.json',
    );
    tokenBytecode = (JSON.parse(readFileSync(path, 'utf8')) as { bytecode: Hex }).bytecode;
  }
  return tokenBytecode;
}

/** Waits for `hash` to be mined and throws unless it succeeded. */
export async function mined(hash: Hash) {
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`Transaction ${hash} reverted.`);
  return receipt;
}

/**
 * Deploys a real ERC-20 (18 decimals) that mints `supply` base units to `owner`; returns its address.
 * Sent from `from` (an unlocked anvil account; account 0 by default), mined before it returns.
 */
export async function deployToken({
  name = 'Test Token',
  symbol = 'TST',
  supply,
  owner = alice,
  from = alice,
}: {
  name?: string;
  symbol?: string;
  supply: bigint;
  owner?: Address;
  from?: Address;
}): Promise<Address> {
  const hash = await walletClient.deployContract({
    account: from,
    abi: tokenAbi,
    bytecode: bytecode(),
    args: [name, symbol, supply, owner],
  });
  const receipt = await mined(hash);
  if (!receipt.contractAddress) throw new Error(`Deployment ${hash} created no contract.`);
  return receipt.contractAddress;
}

export function balanceOf(token: Address, account: Address): Promise<bigint> {
  return publicClient.readContract({
    address: token,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [account],
  });
}

export function allowanceOf(token: Address, owner: Address, spender: Address): Promise<bigint> {
  return publicClient.readContract({
    address: token,
    abi: erc20Abi,
    functionName: 'allowance',
    args: [owner, spender],
  });
}

/** The account's nonce, pending transactions included: unchanged means nothing was sent from it. */
export function transactionCount(address: Address): Promise<number> {
  return publicClient.getTransactionCount({ address, blockTag: 'pending' });
}

export function blockNumber(): Promise<bigint> {
  return publicClient.getBlockNumber({ cacheTime: 0 });
}

/** Every transaction mined after block `after`, in order; only those sent by `from`, if given. */
export async function transactionsSince(
  after: bigint,
  { from }: { from?: Address } = {},
): Promise<Transaction[]> {
  const latest = await blockNumber();
  const transactions: Transaction[] = [];
  for (let number = after + 1n; number <= latest; number++) {
    const block = await publicClient.getBlock({ blockNumber: number, includeTransactions: true });
    transactions.push(...block.transactions);
  }
  return from ? transactions.filter((tx) => tx.from.toLowerCase() === from.toLowerCase()) : transactions;
}

/** Snapshots the whole chain (`anvil_snapshot`); `revert(id)` goes back to it. */
export function snapshot(): Promise<Hex> {
  return testClient.snapshot();
}

/** Reverts to snapshot `id` (`evm_revert`). A snapshot serves once: take a new one to revert again. */
export async function revert(id: Hex): Promise<void> {
  // anvil answers true or false; viem types the answer as void.
  const reverted: unknown = await testClient.request({ method: 'evm_revert', params: [id] });
  if (reverted !== true) throw new Error(`anvil could not revert to snapshot ${id}.`);
}

/**
 * Each test of the calling file (or describe block) starts from the chain as it was before it and
 * leaves it so: a snapshot before each, a revert after each.
 */
export function revertAfterEach(): void {
  let id: Hex | undefined;
  test.beforeEach(async () => {
    id = await snapshot();
  });
  test.afterEach(async () => {
    if (id) await revert(id);
    id = undefined;
  });
}
