import { InvalidParamsRpcError, RpcRequestError, UserRejectedRequestError } from 'viem';
import { describe, expect, test } from 'vitest';
import { inspect } from '$lib/edge/inspect';
import { rpcParams, walletMessage } from './send';
import { walletRequestOf } from './walletRequest';

const USER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

function requestOf(input: string) {
  const result = inspect(input);
  if (!result.ok) throw new Error(result.error.message);
  const built = walletRequestOf(result.payload);
  if (!built.ok) throw new Error(built.reason);
  return built.request;
}

describe('rpcParams: exactly the inspected fields', () => {
  test('a transaction without gas, fees or nonce leaves them to the wallet', () => {
    const request = requestOf(
      JSON.stringify({ chainId: 31337, from: USER, to: USER, value: '0x10', data: '0xabcdef01' }),
    );
    expect(rpcParams(request, USER)).toEqual([
      { from: USER, to: USER, value: '0x10', data: '0xabcdef01', chainId: '0x7a69' },
    ]);
  });

  test('a transaction with gas, nonce and EIP-1559 fees carries them as given', () => {
    const request = requestOf(
      JSON.stringify({
        chainId: 1,
        from: USER,
        to: USER,
        value: '0',
        data: '0x',
        gas: '21000',
        nonce: 7,
        maxFeePerGas: '30000000000',
        maxPriorityFeePerGas: '1000000000',
      }),
    );
    expect(rpcParams(request, USER)).toEqual([
      expect.objectContaining({
        gas: '0x5208',
        nonce: '0x7',
        maxFeePerGas: '0x6fc23ac00',
        maxPriorityFeePerGas: '0x3b9aca00',
        chainId: '0x1',
      }),
    ]);
  });

  test('personal_sign puts the message first; typed data is serialized with the account first', () => {
    expect(
      rpcParams(requestOf(JSON.stringify({ method: 'personal_sign', params: ['0x48656c6c6f', USER] })), USER),
    ).toEqual(['0x48656c6c6f', USER]);
    const typed = requestOf(
      JSON.stringify({
        types: { Mail: [{ name: 'amount', type: 'uint256' }] },
        primaryType: 'Mail',
        domain: { name: 'Test', chainId: 31337 },
        message: { amount: '115792089237316195423570985008687907853269984665640564039457584007913129639935' },
      }),
    );
    const [account, json] = rpcParams(typed, USER) as [string, string];
    expect(account).toBe(USER);
    const parsed = JSON.parse(json);
    expect(parsed.primaryType).toBe('Mail');
    expect(parsed.message.amount).toBe(
      '115792089237316195423570985008687907853269984665640564039457584007913129639935',
    );
    // As viem sends it to every wallet (bigints as decimal strings).
    expect(String(parsed.domain.chainId)).toBe('31337');
  });
});

describe("walletMessage: the wallet's own words", () => {
  test("an EIP-1193 error wrapped by viem gives the wallet's message, not viem's boilerplate", () => {
    const wrapped = new InvalidParamsRpcError(
      new RpcRequestError({
        body: {},
        url: 'wallet',
        error: { code: -32602, message: 'External EIP-7702 transactions are not supported.' },
      }),
    );
    expect(wrapped.message).toContain('Version: viem');
    expect(walletMessage(wrapped)).toBe('External EIP-7702 transactions are not supported.');
  });

  test('other errors keep their message; anything else is stringified', () => {
    expect(walletMessage(new Error('connection lost'))).toBe('connection lost');
    expect(walletMessage('nope')).toBe('nope');
    expect(walletMessage(new UserRejectedRequestError(new Error('User rejected the request.')))).toBe(
      'User rejected the request.',
    );
  });
});
