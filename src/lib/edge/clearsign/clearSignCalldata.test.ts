import { encodeFunctionData, type Hex, maxUint256, parseAbi } from 'viem';
import { expect, test } from 'vitest';
import { clearSignCalldata } from './clearSignCalldata';
import { MAX_NESTED_DEPTH } from './limits';
import { tryClearSignCalldata } from './tryClearSignCalldata';

const WETH = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const SAFE = '0xd9Db270c1B5E3Bd161E8c8503c55cEABeE709552'; // Safe 1.3.0 singleton
const ALICE = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const SPENDER = '0x1111111254EEB25477B68fb85Ed929f73A960582';
const erc20 = parseAbi([
  'function transfer(address to, uint256 value)',
  'function approve(address, uint256)',
]);
const safeAbi = parseAbi([
  'function execTransaction(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address refundReceiver, bytes signatures)',
]);
const ZERO = '0x0000000000000000000000000000000000000000';

test('deposit() on WETH: the registry descriptor, native amount from @.value', () => {
  expect(clearSignCalldata({ chainId: 1n, to: WETH, value: 1870000000000000n, data: '0xd0e30db0' })).toEqual({
    title: 'Wrap',
    fields: [{ label: 'Amount', value: '0.00187 ETH', path: '@.value', format: 'amount' }],
    descriptor: 'registry/weth/calldata-weth.json',
    owner: 'WETH',
    warnings: [],
  });
});

test('transfer(address,uint256) on USDC: the generic ERC-20 descriptor, flagged', () => {
  const data = encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [ALICE, 2500000n] });
  const display = clearSignCalldata({ chainId: 1n, to: USDC, value: 0n, data });
  expect(display).toMatchObject({
    title: 'Send',
    descriptor: 'ercs/calldata-erc20-tokens.json',
    generic: true,
    fields: [
      { label: 'Amount', value: '2.5 USDC', path: '#._value', format: 'tokenAmount' },
      { label: 'To', value: ALICE, path: '#._to', format: 'addressName' },
    ],
  });
  expect(display?.warnings).toEqual([expect.stringContaining('Generic ERC-20 descriptor')]);
});

test('approve(address,uint256) unlimited: the threshold message', () => {
  const data = encodeFunctionData({ abi: erc20, functionName: 'approve', args: [SPENDER, maxUint256] });
  expect(clearSignCalldata({ chainId: 1n, to: USDC, value: 0n, data })?.fields).toEqual([
    { label: 'Spender', value: SPENDER, path: '#._spender', format: 'addressName' },
    { label: 'Amount', value: 'Unlimited USDC', path: '#._value', format: 'tokenAmount' },
  ]);
});

test('a contract the registry does not know, and a token call Vigil cannot tell from an NFT call', () => {
  const data = encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [ALICE, 1n] });
  expect(tryClearSignCalldata({ chainId: 1n, to: ALICE, value: 0n, data })).toEqual({
    display: null,
    reason: { code: 'noDescriptor', message: expect.stringContaining('No clear-signing descriptor') },
  });
});

test('a descriptor whose key signature does not match the data → null and why', () => {
  // WETH's descriptor describes deposit(); 0xd0e30db0 followed by a truncated word is still
  // deposit() (with trailing bytes); a selector it does not describe is "noFormat".
  expect(tryClearSignCalldata({ chainId: 1n, to: WETH, value: 0n, data: '0x2e1a7d4d' })).toMatchObject({
    display: null,
    reason: { code: 'noFormat' },
  });
  // transfer(address,uint256) with the address word cut short.
  const short = encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [ALICE, 1n] }).slice(
    0,
    60,
  ) as Hex;
  expect(tryClearSignCalldata({ chainId: 1n, to: USDC, value: 0n, data: short })).toMatchObject({
    display: null,
    reason: { code: 'undecodable', message: expect.stringContaining('transfer(address,uint256)') },
  });
});

test('dirty padding is not canonical → null; bytes after the arguments → shown, with a warning', () => {
  const data = encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [ALICE, 1n] });
  const dirty = `${data.slice(0, 10)}ff${data.slice(12)}` as Hex; // a byte above the 20-byte address
  expect(tryClearSignCalldata({ chainId: 1n, to: USDC, value: 0n, data: dirty })).toMatchObject({
    display: null,
    reason: { code: expect.stringMatching(/undecodable|notCanonical/) },
  });
  const tagged = `${data}deadbeef` as Hex;
  const display = clearSignCalldata({ chainId: 1n, to: USDC, value: 0n, data: tagged });
  expect(display?.fields[0]?.value).toBe('0.000001 USDC');
  expect(display?.warnings).toContainEqual(
    expect.stringContaining('4 bytes follow the arguments (0xdeadbeef)'),
  );
});

test('garbage input: no selector, not hex, not an address', () => {
  expect(tryClearSignCalldata({ chainId: 1n, to: WETH, value: 1n, data: '0x' }).reason?.code).toBe(
    'noFormat',
  );
  expect(tryClearSignCalldata({ chainId: 1n, to: WETH, value: 1n, data: '0xd0e30db' }).reason?.code).toBe(
    'invalidInput',
  );
  expect(
    tryClearSignCalldata({ chainId: 1n, to: 'WETH' as Hex, value: 1n, data: '0xd0e30db0' }).reason?.code,
  ).toBe('invalidInput');
});

function execTransaction(to: string, data: Hex): Hex {
  return encodeFunctionData({
    abi: safeAbi,
    functionName: 'execTransaction',
    args: [to as Hex, 0n, data, 0, 0n, 0n, 0n, ZERO, ZERO, '0x'],
  });
}

test('a Safe transaction: the nested call is clear-signed with its own descriptor', () => {
  const inner = encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [ALICE, 30000000000n] });
  const display = clearSignCalldata({
    chainId: 1n,
    to: SAFE,
    from: ALICE,
    value: 0n,
    data: execTransaction(USDC, inner),
  });
  expect(display?.title).toBe('sign multisig operation');
  expect(display?.fields.slice(0, 6)).toEqual([
    { label: 'Operation type', value: 'Call', path: '#.operation', format: 'enum' },
    { label: 'From Safe', value: SAFE, path: '@.to', format: 'addressName' },
    { label: 'Execution signer', value: ALICE, path: '@.from', format: 'addressName' },
    { label: 'Transaction', value: 'Send', path: '#.data', format: 'calldata' },
    { label: 'Amount', value: '30000 USDC', path: '#.data>#._value', format: 'tokenAmount', depth: 1 },
    { label: 'To', value: ALICE, path: '#.data>#._to', format: 'addressName', depth: 1 },
  ]);
  expect(display?.warnings).toEqual([expect.stringMatching(/^Transaction: Generic ERC-20 descriptor/)]);
});

test('a nested call without a descriptor shows its target and selector, with a warning', () => {
  const display = clearSignCalldata({
    chainId: 1n,
    to: SAFE,
    value: 0n,
    data: execTransaction(ALICE, '0x12345678'),
  });
  expect(display?.fields).toContainEqual({
    label: 'Transaction',
    value: `Call 0x12345678 to ${ALICE}`,
    path: '#.data',
    format: 'calldata',
  });
  expect(display?.warnings).toContainEqual(
    expect.stringContaining('No clear-signing descriptor is bound to'),
  );
});

test(`calls nested beyond ${MAX_NESTED_DEPTH} levels are shown raw, with a warning`, () => {
  let data = encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [ALICE, 1n] });
  let to = USDC;
  for (let level = 0; level < MAX_NESTED_DEPTH + 2; level++) {
    data = execTransaction(to, data);
    to = SAFE;
  }
  const display = clearSignCalldata({ chainId: 1n, to: SAFE, value: 0n, data });
  const depths = display?.fields.filter((f) => f.format === 'calldata').map((f) => f.depth ?? 0);
  expect(depths).toEqual([0, 1, 2, 3]);
  const deepest = display?.fields.filter((f) => f.format === 'calldata').at(-1);
  expect(deepest?.value).toMatch(/^0x6a761202/); // the execTransaction selector: not decoded
  expect(display?.warnings).toContainEqual(expect.stringContaining(`nested deeper than ${MAX_NESTED_DEPTH}`));
  expect(
    tryClearSignCalldata({ chainId: 1n, to: SAFE, value: 0n, data, depth: MAX_NESTED_DEPTH + 1 }).reason
      ?.code,
  ).toBe('tooDeep');
});

test('deterministic: the same input gives the same display', () => {
  const data = execTransaction(
    USDC,
    encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [ALICE, 7n] }),
  );
  const a = clearSignCalldata({ chainId: 1n, to: SAFE, value: 0n, data });
  const b = clearSignCalldata({ chainId: 1n, to: SAFE, value: 0n, data });
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
});
