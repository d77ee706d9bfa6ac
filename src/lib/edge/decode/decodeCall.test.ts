import { encodeAbiParameters, encodeFunctionData, encodePacked, type Hex, parseAbi } from 'viem';
import { describe, expect, test } from 'vitest';
import { decodeCall } from './decodeCall';
import { type DecodedCall, treeConfidence } from './types';

const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48' as const;
const weth = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
const alice = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const permit2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
const multicall3 = '0xcA11bde05977b3631167028862bE2a173976CA11' as const;
const universalRouterV1 = '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD';

const erc20 = parseAbi([
  'function transfer(address to, uint256 amount) returns (bool)',
  'function approve(address spender, uint256 amount) returns (bool)',
]);
const transfer = encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [alice, 1_000_000n] });
const approve = encodeFunctionData({ abi: erc20, functionName: 'approve', args: [permit2, 2n ** 256n - 1n] });
const multicall = parseAbi([
  'function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable returns ((bool success, bytes returnData)[])',
]);
const aggregate3 = (calls: readonly { target: `0x${string}`; callData: Hex }[]) =>
  encodeFunctionData({
    abi: multicall,
    functionName: 'aggregate3',
    args: [calls.map((c) => ({ ...c, allowFailure: false }))],
  });

const signatures = (node: DecodedCall): unknown => ({
  fn: node.function?.signature ?? node.issue?.code,
  children: node.children.map(signatures),
});

describe('top-level calls', () => {
  test('ERC-20 transfer on a token the registry does not bind: a unique signature, γ 0.7', () => {
    const node = decodeCall({
      data: transfer,
      to: '0x1111111111111111111111111111111111111111',
      chainId: 1n,
    });
    expect(node).toMatchObject({
      source: 'signature',
      confidence: 0.7,
      function: { signature: 'transfer(address,uint256)' },
    });
    expect(node.args.map((a) => a.value)).toEqual([alice, 1_000_000n]);
    expect(node.args.map((a) => a.name)).toEqual(['to', 'value']); // OpenZeppelin's parameter names
  });

  test('approve collides with a spam signature in the text table; the vetted ABI settles it, the collision is listed', () => {
    const node = decodeCall({ data: approve, to: '0x1111111111111111111111111111111111111111', chainId: 1n });
    // The spam signature watch_tg_invmru_2f69f1b(address,address) cannot hold 2^256-1 as an address:
    // only approve fits, the decode stays a text-signature decode.
    expect(node.function?.signature).toBe('approve(address,uint256)');
    const small = encodeFunctionData({ abi: erc20, functionName: 'approve', args: [permit2, 5n] });
    const settled = decodeCall({
      data: small,
      to: '0x1111111111111111111111111111111111111111',
      chainId: 1n,
    });
    // 5 is also a valid address encoding, so the spam signature fits too; it is known only as text,
    // approve comes from a vetted ABI: a unique vetted fit is a signature decode (γ 0.7), not 'ambiguous'.
    expect(settled.source).toBe('signature');
    expect(settled.confidence).toBe(0.7);
    expect(settled.function?.signature).toBe('approve(address,uint256)');
    expect(settled.candidates).toBeUndefined();
    expect(settled.collisions).toEqual(['watch_tg_invmru_2f69f1b(address,address)']);
  });

  test('empty data is a plain transfer, fully understood', () => {
    expect(decodeCall({ data: '0x', to: alice, value: 1n })).toMatchObject({
      source: 'empty',
      confidence: 1,
      dataSize: 0,
    });
  });

  test('truncated calldata: no selector', () => {
    expect(decodeCall({ data: '0xa9059c' })).toMatchObject({
      source: 'none',
      confidence: 0,
      issue: { code: 'truncated' },
    });
  });

  test('known selector, data that does not fit: malformed, never decoded', () => {
    const node = decodeCall({ data: transfer.slice(0, -2) as Hex });
    expect(node).toMatchObject({ source: 'none', confidence: 0, issue: { code: 'malformed' } });
    expect(node.function).toBeUndefined();
  });

  test('wrong padding: an address word with dirty high bytes', () => {
    const dirty = `0xa9059cbbff${'0'.repeat(22)}${alice.slice(2).toLowerCase()}${'0'.repeat(63)}1` as Hex;
    expect(decodeCall({ data: dirty }).issue?.code).toBe('malformed');
  });

  test('bytes after exact arguments (a referral tag): decoded, flagged, γ capped at 0.7', () => {
    const node = decodeCall({ data: `${transfer}deadbeef` });
    expect(node).toMatchObject({
      function: { signature: 'transfer(address,uint256)' },
      issue: { code: 'trailingData' },
    });
    expect(node.confidence).toBeLessThanOrEqual(0.7);
  });

  test('unknown selector: a guessed layout, labelled as such, γ 0.3', () => {
    const data = `0xdeadbeef${transfer.slice(10)}` as Hex;
    const node = decodeCall({ data });
    expect(node).toMatchObject({ source: 'guess', confidence: 0.3, issue: { code: 'unknownSelector' } });
    expect(node.function).toBeUndefined();
    expect(node.args.map((a) => [a.type, a.value])).toEqual([
      ['address', alice],
      ['uint256', 1_000_000n],
    ]);
  });

  test('unknown selector whose bytes fit no layout: not decoded', () => {
    expect(decodeCall({ data: '0xdeadbeef12' })).toMatchObject({
      source: 'none',
      confidence: 0,
      issue: { code: 'unknownSelector' },
    });
  });
});

describe('nested calls', () => {
  test('Multicall3 aggregate3 of a transfer and an approve', () => {
    const node = decodeCall({
      data: aggregate3([
        { target: usdc, callData: transfer },
        { target: weth, callData: approve },
      ]),
      to: multicall3,
      chainId: 1n,
    });
    expect(signatures(node)).toEqual({
      fn: 'aggregate3((address,bool,bytes)[])',
      children: [
        { fn: 'transfer(address,uint256)', children: [] },
        { fn: 'approve(address,uint256)', children: [] },
      ],
    });
    expect(node.children[0]?.to).toBe(usdc);
    expect(treeConfidence(node)).toBeLessThanOrEqual(node.confidence);
  });

  test('a multicall of multicalls past the depth limit stops with tooDeep', () => {
    let data = transfer;
    for (let i = 0; i < 12; i++) data = aggregate3([{ target: multicall3, callData: data }]);
    const node = decodeCall({ data, to: multicall3, chainId: 1n, limits: { maxDepth: 4, maxNodes: 100 } });
    let deepest = node;
    let depth = 0;
    while (deepest.children[0]) {
      deepest = deepest.children[0];
      depth++;
    }
    expect(depth).toBe(4);
    expect(deepest.issue?.code).toBe('tooDeep');
    expect(treeConfidence(node)).toBe(0);
  });

  test('more nested calls than the size limit: the rest are not decoded', () => {
    const calls = Array.from({ length: 20 }, () => ({ target: usdc, callData: transfer }));
    const node = decodeCall({
      data: aggregate3(calls),
      to: multicall3,
      chainId: 1n,
      limits: { maxDepth: 8, maxNodes: 5 },
    });
    expect(node.children.length).toBeLessThan(20);
    expect(node.issue?.code).toBe('tooManyCalls');
    expect(treeConfidence(node)).toBe(0);
  });

  test('Safe execTransaction into MultiSend: packed transactions decoded', () => {
    const multiSendAbi = parseAbi(['function multiSend(bytes transactions) payable']);
    const pack = (to: `0x${string}`, data: Hex) =>
      encodePacked(
        ['uint8', 'address', 'uint256', 'uint256', 'bytes'],
        [0, to, 0n, BigInt((data.length - 2) / 2), data],
      );
    const transactions = `${pack(usdc, transfer)}${pack(weth, approve).slice(2)}` as Hex;
    const inner = encodeFunctionData({ abi: multiSendAbi, functionName: 'multiSend', args: [transactions] });
    const safeAbi = parseAbi([
      'function execTransaction(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address refundReceiver, bytes signatures) payable returns (bool)',
    ]);
    const zero = '0x0000000000000000000000000000000000000000';
    const data = encodeFunctionData({
      abi: safeAbi,
      functionName: 'execTransaction',
      args: ['0x40A2aCCbd92BCA938b02010E17A5b8929b49130D', 0n, inner, 1, 0n, 0n, 0n, zero, zero, '0x'],
    });
    const node = decodeCall({ data, to: '0x1111111111111111111111111111111111111111', chainId: 1n });
    expect(signatures(node)).toEqual({
      fn: 'execTransaction(address,uint256,bytes,uint8,uint256,uint256,uint256,address,address,bytes)',
      children: [
        {
          fn: 'multiSend(bytes)',
          children: [
            { fn: 'transfer(address,uint256)', children: [] },
            { fn: 'approve(address,uint256)', children: [] },
          ],
        },
      ],
    });
    expect(node.children[0]?.operation).toBe('delegatecall');
  });

  test('Universal Router v1: permit, V3 swap, unwrap; an unknown command byte is reported', () => {
    const routerAbi = parseAbi([
      'function execute(bytes commands, bytes[] inputs, uint256 deadline) payable',
    ]);
    const path = encodePacked(['address', 'uint24', 'address'], [usdc, 500, weth]);
    const swap = encodeAbiParameters(
      [{ type: 'address' }, { type: 'uint256' }, { type: 'uint256' }, { type: 'bytes' }, { type: 'bool' }],
      ['0x0000000000000000000000000000000000000002', 1_000_000n, 1n, path, true],
    );
    const unwrap = encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [alice, 1n]);
    const data = encodeFunctionData({
      abi: routerAbi,
      functionName: 'execute',
      args: ['0x000c3f', [swap, unwrap, '0x'], 1_900_000_000n],
    });
    const node = decodeCall({ data, to: universalRouterV1, chainId: 1n });
    expect(node.children.map((c) => c.function?.name ?? c.issue?.code)).toEqual([
      'V3_SWAP_EXACT_IN',
      'UNWRAP_WETH',
      'unknownCommand',
    ]);
    expect(node.children[0]?.args[3]?.value).toBe(path);
    expect(node.children[0]?.route).toEqual([usdc, weth]);
    expect(node.children[2]).toMatchObject({ source: 'none', confidence: 0 });
    expect(treeConfidence(node)).toBe(0);
  });

  test('deterministic', () => {
    const data = aggregate3([{ target: usdc, callData: transfer }]);
    expect(decodeCall({ data, to: multicall3, chainId: 1n })).toEqual(
      decodeCall({ data, to: multicall3, chainId: 1n }),
    );
  });
});

describe('smart accounts', () => {
  const account = parseAbi([
    'function execute(address dest, uint256 value, bytes func)',
    'function executeBatch(address[] dest, uint256[] value, bytes[] func)',
    'function executeBatch(address[] dest, bytes[] func)',
  ]);

  test('SimpleAccount executeBatch: each call decoded', () => {
    const data = encodeFunctionData({
      abi: account,
      functionName: 'executeBatch',
      args: [
        [usdc, weth],
        [0n, 0n],
        [transfer, approve],
      ],
    });
    const node = decodeCall({ data, to: alice });
    expect(node.children.map((c) => [c.to, c.function?.signature])).toEqual([
      [usdc, 'transfer(address,uint256)'],
      [weth, 'approve(address,uint256)'],
    ]);
  });

  test('executeBatch whose arrays do not line up is reported, not decoded', () => {
    const data = encodeFunctionData({
      abi: account,
      functionName: 'executeBatch',
      args: [[usdc, weth], [transfer]],
    });
    expect(decodeCall({ data, to: alice }).issue?.code).toBe('invalidNested');
  });

  test('a user operation of an ERC-20 transfer through execute', () => {
    const data = encodeFunctionData({ abi: account, functionName: 'execute', args: [usdc, 0n, transfer] });
    expect(signatures(decodeCall({ data, to: alice }))).toEqual({
      fn: 'execute(address,uint256,bytes)',
      children: [{ fn: 'transfer(address,uint256)', children: [] }],
    });
  });
});

test('a token from the bundled token lists is bound to the ERC-20 interface: γ 1', () => {
  const node = decodeCall({ data: transfer, to: usdc, chainId: 1n });
  expect(node).toMatchObject({ source: 'registry', confidence: 1, contract: { id: 'token:USDC' } });
  // The same call to an address no list knows stays a text-signature decode.
  expect(decodeCall({ data: transfer, to: alice, chainId: 1n }).source).toBe('signature');
});

describe('Uniswap v4 position manager', () => {
  test('modifyLiquidities: MINT_POSITION then SETTLE_PAIR, decoded as actions', () => {
    const poolKey = {
      currency0: '0x0000000000000000000000000000000000000000',
      currency1: usdc,
      fee: 500,
      tickSpacing: 10,
      hooks: '0x0000000000000000000000000000000000000000',
    } as const;
    const mint = encodeAbiParameters(
      [
        {
          type: 'tuple',
          components: [
            { type: 'address' },
            { type: 'address' },
            { type: 'uint24' },
            { type: 'int24' },
            { type: 'address' },
          ],
        },
        { type: 'int24' },
        { type: 'int24' },
        { type: 'uint256' },
        { type: 'uint128' },
        { type: 'uint128' },
        { type: 'address' },
        { type: 'bytes' },
      ],
      [
        [poolKey.currency0, poolKey.currency1, poolKey.fee, poolKey.tickSpacing, poolKey.hooks],
        -100,
        100,
        10n ** 12n,
        10n ** 18n,
        10n ** 9n,
        alice,
        '0x',
      ],
    );
    const settle = encodeAbiParameters([{ type: 'address' }, { type: 'address' }], [poolKey.currency0, usdc]);
    const unlockData = encodeAbiParameters(
      [{ type: 'bytes' }, { type: 'bytes[]' }],
      ['0x020d', [mint, settle]],
    );
    const data = encodeFunctionData({
      abi: parseAbi(['function modifyLiquidities(bytes unlockData, uint256 deadline) payable']),
      functionName: 'modifyLiquidities',
      args: [unlockData, 1_900_000_000n],
    });
    const node = decodeCall({ data });
    expect(node.children.map((c) => [c.kind, c.function?.name, c.source])).toEqual([
      ['action', 'MINT_POSITION', 'registry'],
      ['action', 'SETTLE_PAIR', 'registry'],
    ]);
    expect(node.children[0]?.args.find((a) => a.name === 'owner')?.value).toBe(alice);
  });

  test('an unlockData that is not a plan is reported', () => {
    const data = encodeFunctionData({
      abi: parseAbi(['function modifyLiquidities(bytes unlockData, uint256 deadline) payable']),
      functionName: 'modifyLiquidities',
      args: ['0x1234', 1n],
    });
    expect(decodeCall({ data })).toMatchObject({ confidence: 0, issue: { code: 'invalidNested' } });
  });
});
