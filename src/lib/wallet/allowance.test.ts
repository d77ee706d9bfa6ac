import type { Config } from '@wagmi/core';
import {
  createClient,
  custom,
  encodeAbiParameters,
  encodeErrorResult,
  type Hex,
  maxUint256,
  stringToHex,
  toFunctionSelector,
} from 'viem';
import { beforeEach, describe, expect, test, vi } from 'vitest';

/** What the fake wallet answers to an `eth_call`, by function selector; a missing entry answers `0x`. */
let answers: Record<string, Hex | Error> = {};
let connectError: Error | undefined;
const calls: { to: string; data: string }[] = [];

vi.mock('@wagmi/core', () => ({
  getConnectorClient: async () => {
    if (connectError) throw connectError;
    return createClient({
      transport: custom(
        {
          async request({ method, params }: { method: string; params?: unknown }) {
            if (method !== 'eth_call') throw new Error(`unexpected ${method}`);
            const [call] = params as [{ to: string; data: string }];
            calls.push(call);
            const answer = answers[call.data.slice(0, 10)] ?? '0x';
            if (answer instanceof Error) throw answer;
            return answer;
          },
        },
        // As wagmi's connector client: the wallet is asked once, no retries.
        { retryCount: 0 },
      ),
    });
  },
}));

const { cleanSymbol, readAllowance, readFailureOf, readOperatorApproval, readTokenMeta } = await import(
  './allowance'
);

const config = {} as Config;
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const OWNER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const SPENDER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

const uint = (n: bigint | number): Hex => encodeAbiParameters([{ type: 'uint256' }], [BigInt(n)]);
const str = (s: string): Hex => encodeAbiParameters([{ type: 'string' }], [s]);
const sel = {
  decimals: toFunctionSelector('decimals()'),
  symbol: toFunctionSelector('symbol()'),
  allowance: toFunctionSelector('allowance(address,address)'),
  isApprovedForAll: toFunctionSelector('isApprovedForAll(address,address)'),
};
/** How a node reports a revert: JSON-RPC error 3 with the revert data. */
const revert = (reason: string) =>
  Object.assign(new Error('execution reverted'), {
    code: 3,
    data: encodeErrorResult({
      abi: [{ type: 'error', name: 'Error', inputs: [{ name: 'message', type: 'string' }] }],
      errorName: 'Error',
      args: [reason],
    }),
  });

beforeEach(() => {
  answers = {};
  connectError = undefined;
  calls.length = 0;
});

describe('readTokenMeta', () => {
  test('decimals() and symbol() of the token, asked of the token', async () => {
    answers = { [sel.decimals]: uint(6), [sel.symbol]: str('USDC') };
    expect(await readTokenMeta(config, TOKEN)).toEqual({ ok: true, value: { decimals: 6, symbol: 'USDC' } });
    expect(calls.map((c) => c.to.toLowerCase())).toEqual([TOKEN.toLowerCase(), TOKEN.toLowerCase()]);
  });

  test('a bytes32 symbol (MKR) is read too', async () => {
    answers = {
      [sel.decimals]: uint(18),
      [sel.symbol]: stringToHex('MKR', { size: 32 }),
    };
    expect(await readTokenMeta(config, TOKEN)).toEqual({ ok: true, value: { decimals: 18, symbol: 'MKR' } });
  });

  test('no readable symbol still gives the decimals', async () => {
    answers = { [sel.decimals]: uint(8), [sel.symbol]: revert('no symbol') };
    expect(await readTokenMeta(config, TOKEN)).toEqual({
      ok: true,
      value: { decimals: 8, symbol: undefined },
    });
  });

  test('the symbol is shown without control or bidi characters', async () => {
    answers = { [sel.decimals]: uint(18), [sel.symbol]: str('US\u202eDC\u0000 ') };
    expect(await readTokenMeta(config, TOKEN)).toMatchObject({ value: { symbol: 'USDC' } });
  });

  test('no contract: noData, not a throw', async () => {
    expect(await readTokenMeta(config, TOKEN)).toMatchObject({
      ok: false,
      value: undefined,
      reason: 'noData',
    });
  });

  test('decimals out of uint8 range: invalid', async () => {
    answers = { [sel.decimals]: uint(300), [sel.symbol]: str('BAD') };
    expect(await readTokenMeta(config, TOKEN)).toMatchObject({ ok: false, reason: 'invalid' });
  });

  test('no wallet: notConnected', async () => {
    connectError = Object.assign(new Error('Connector not connected.'), {
      name: 'ConnectorNotConnectedError',
    });
    expect(await readTokenMeta(config, TOKEN)).toMatchObject({
      ok: false,
      reason: 'notConnected',
      message: 'Connector not connected.',
    });
  });
});

describe('readAllowance', () => {
  test('allowance(owner, spender) in base units', async () => {
    answers = { [sel.allowance]: uint(maxUint256) };
    expect(await readAllowance(config, TOKEN, OWNER, SPENDER)).toEqual({ ok: true, value: maxUint256 });
    expect(calls[0]?.data).toBe(
      `${sel.allowance}${encodeAbiParameters([{ type: 'address' }, { type: 'address' }], [OWNER, SPENDER]).slice(2)}`,
    );
  });

  test('a revert is reverted, with its message', async () => {
    answers = { [sel.allowance]: revert('nope') };
    const r = await readAllowance(config, TOKEN, OWNER, SPENDER);
    expect(r).toMatchObject({ ok: false, value: undefined, reason: 'reverted' });
  });

  test('the wallet on another chain: chain', async () => {
    connectError = Object.assign(new Error('mismatch'), { name: 'ConnectorChainMismatchError' });
    expect(await readAllowance(config, TOKEN, OWNER, SPENDER)).toMatchObject({ reason: 'chain' });
  });

  test('a failing node: failed', async () => {
    answers = { [sel.allowance]: new Error('socket hang up') };
    expect(await readAllowance(config, TOKEN, OWNER, SPENDER)).toMatchObject({ ok: false, reason: 'failed' });
  });
});

describe('readOperatorApproval', () => {
  test('isApprovedForAll(owner, operator)', async () => {
    answers = { [sel.isApprovedForAll]: uint(1) };
    expect(await readOperatorApproval(config, TOKEN, OWNER, SPENDER)).toEqual({ ok: true, value: true });
    answers = { [sel.isApprovedForAll]: uint(0) };
    expect(await readOperatorApproval(config, TOKEN, OWNER, SPENDER)).toEqual({ ok: true, value: false });
  });

  test('an ERC-20 has no isApprovedForAll: noData', async () => {
    answers = { [sel.allowance]: uint(5) };
    expect(await readOperatorApproval(config, TOKEN, OWNER, SPENDER)).toMatchObject({ reason: 'noData' });
  });
});

describe('readFailureOf', () => {
  test('the most specific known error in the cause chain', () => {
    const inner = Object.assign(new Error('x'), { name: 'ContractFunctionRevertedError' });
    expect(readFailureOf(new Error('outer', { cause: inner }))).toBe('reverted');
    expect(readFailureOf('text')).toBe('failed');
    expect(readFailureOf(undefined)).toBe('failed');
  });
});

describe('cleanSymbol', () => {
  test('trims, strips control characters, caps the length; empty is undefined', () => {
    expect(cleanSymbol('  WETH ')).toBe('WETH');
    expect(cleanSymbol('\u200b\u202e')).toBeUndefined();
    expect(cleanSymbol('A'.repeat(40))).toHaveLength(32);
  });
});
