/**
 * Writes tests/fixtures/signed-transactions.json: one signed raw transaction of each envelope type,
 * signed with Anvil's first two well-known development keys (public test keys, never funded on a
 * real chain). Re-run with `npx tsx scripts/make-signed-fixtures.ts`; the output is deterministic.
 */
import { writeFileSync } from 'node:fs';
import { encodeFunctionData, parseAbi, parseEther, parseGwei } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';

const sender = privateKeyToAccount('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
const authority = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d');
const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const recipient = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const transfer = encodeFunctionData({
  abi: parseAbi(['function transfer(address to, uint256 amount) returns (bool)']),
  functionName: 'transfer',
  args: [recipient, 1_000_000n],
});

async function main() {
  const legacy = await sender.signTransaction({
    type: 'legacy',
    chainId: 1,
    nonce: 7,
    gasPrice: parseGwei('20'),
    gas: 21000n,
    to: recipient,
    value: parseEther('0.5'),
  });
  const eip2930 = await sender.signTransaction({
    type: 'eip2930',
    chainId: 1,
    nonce: 8,
    gasPrice: parseGwei('15'),
    gas: 60000n,
    to: usdc,
    data: transfer,
    accessList: [{ address: usdc, storageKeys: [`0x${'00'.repeat(31)}03`] }],
  });
  const eip1559 = await sender.signTransaction({
    type: 'eip1559',
    chainId: 8453,
    nonce: 9,
    maxFeePerGas: parseGwei('2'),
    maxPriorityFeePerGas: parseGwei('0.1'),
    gas: 65000n,
    to: usdc,
    data: transfer,
  });
  const eip4844 = await sender.signTransaction({
    type: 'eip4844',
    chainId: 1,
    nonce: 10,
    maxFeePerGas: parseGwei('30'),
    maxPriorityFeePerGas: parseGwei('1'),
    maxFeePerBlobGas: parseGwei('5'),
    gas: 21000n,
    to: recipient,
    blobVersionedHashes: [`0x01${'ab'.repeat(31)}`],
  });
  const authorization = await authority.signAuthorization({
    chainId: 1,
    nonce: 0,
    address: '0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B',
  });
  const eip7702 = await sender.signTransaction({
    type: 'eip7702',
    chainId: 1,
    nonce: 11,
    maxFeePerGas: parseGwei('30'),
    maxPriorityFeePerGas: parseGwei('1'),
    gas: 100000n,
    to: authority.address,
    authorizationList: [authorization],
  });
  const fixtures = {
    source: 'scripts/make-signed-fixtures.ts (Anvil development keys 0 and 1)',
    sender: sender.address,
    authority: authority.address,
    transactions: { legacy, eip2930, eip1559, eip4844, eip7702 },
  };
  writeFileSync('tests/fixtures/signed-transactions.json', `${JSON.stringify(fixtures, null, 2)}\n`);
}

await main();
