import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { permitTypes } from '../../../../tests/fixtures/typedData';
import type { Payload } from '../payload';
import { MAX_INPUT_CHARS } from './limits';
import { parsePayload } from './parsePayload';

const signed = JSON.parse(readFileSync('tests/fixtures/signed-transactions.json', 'utf8')) as {
  sender: string;
  transactions: Record<string, string>;
};
const transfer =
  '0xa9059cbb000000000000000000000000d8da6bf26964af9d7eed9e03e53415d37aa960450000000000000000000000000000000000000000000000000000000005f5e100';
const vitalik = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
/** An EIP-7702 authorization (chain 1, delegate USDC, nonce 0) signed by anvil's account 1. */
const signedAuthorization = {
  chainId: '0x1',
  address: usdc,
  nonce: '0x0',
  yParity: '0x1',
  r: '0x6c335602ff7be2d96ba595448a47f20198496872c97cf4b0fbd3076aba862eef',
  s: '0x6cace3b46d2e78078bc74e73ef0c42d82afeaa3549d15ee9cc68bfea02edb080',
};

function accept(text: string): Payload {
  const result = parsePayload(text);
  if (!result.ok) throw new Error(`rejected: ${result.error.code} ${result.error.message}`);
  return result.payload;
}

function reject(text: string): string {
  const result = parsePayload(text);
  if (result.ok) throw new Error(`accepted as ${result.payload.kind}`);
  return result.error.code;
}

describe('calldata', () => {
  test('with 0x', () => {
    expect(accept(transfer)).toEqual({ kind: 'calldata', data: transfer, selector: '0xa9059cbb' });
  });

  test('without 0x, upper case, wrapped over lines with spaces', () => {
    const messy = `  ${transfer.slice(2, 40).toUpperCase()}\n${transfer.slice(40, 90)}\r\n\t${transfer.slice(90)} \n`;
    expect(accept(messy)).toMatchObject({ kind: 'calldata', data: transfer });
  });

  test('selector whose first byte looks like an RLP list is still calldata', () => {
    const data = `0xf2fde38b000000000000000000000000${vitalik.slice(2).toLowerCase()}`;
    expect(accept(data)).toMatchObject({ kind: 'calldata', selector: '0xf2fde38b' });
  });
});

describe('transactions as JSON', () => {
  test('eth_sendTransaction params', () => {
    const payload = accept(
      JSON.stringify([{ from: vitalik, to: usdc, data: transfer, value: '0x0', gas: '0x5208' }]),
    );
    expect(payload).toMatchObject({
      kind: 'transaction',
      tx: { from: vitalik, to: usdc, data: transfer, value: 0n, gas: 21000n },
    });
  });

  test('a JSON-RPC batch of one request', () => {
    const request = {
      jsonrpc: '2.0',
      id: 1,
      method: 'eth_sendTransaction',
      params: [{ to: vitalik, value: '0x1' }],
    };
    expect(accept(JSON.stringify([request]))).toMatchObject({
      kind: 'transaction',
      method: 'eth_sendTransaction',
    });
  });

  test('a JSON-RPC request', () => {
    const payload = accept(
      JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'eth_sendTransaction',
        params: [{ to: vitalik, value: '0xde0b6b3a7640000' }],
      }),
    );
    expect(payload).toMatchObject({
      kind: 'transaction',
      method: 'eth_sendTransaction',
      tx: { value: 10n ** 18n, data: '0x' },
    });
  });

  test('viem-style object: input, decimal quantities, chainId number', () => {
    const payload = accept(
      JSON.stringify({
        to: usdc.toLowerCase(),
        input: transfer,
        value: '1000',
        chainId: 8453,
        nonce: 3,
        maxFeePerGas: '2000000000',
        type: 'eip1559',
      }),
    );
    expect(payload).toMatchObject({
      kind: 'transaction',
      tx: { to: usdc, value: 1000n, chainId: 8453n, nonce: 3n, type: 'eip1559' },
    });
  });

  test('ethers v5 BigNumber and gasLimit', () => {
    const payload = accept(
      JSON.stringify({
        to: vitalik,
        value: { type: 'BigNumber', hex: '0x0de0b6b3a7640000' },
        gasLimit: 21000,
      }),
    );
    expect(payload).toMatchObject({ tx: { value: 10n ** 18n, gas: 21000n } });
  });

  test('data and input that disagree', () => {
    expect(reject(JSON.stringify({ to: vitalik, data: '0x12345678', input: '0x87654321' }))).toBe(
      'conflictingFields',
    );
  });

  test('a number that lost precision in JSON', () => {
    expect(reject('{"to":"0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045","value":1000000000000000000000}')).toBe(
      'invalidQuantity',
    );
  });

  test('negative and fractional values', () => {
    expect(reject(JSON.stringify({ to: vitalik, value: -1 }))).toBe('invalidQuantity');
    expect(reject(JSON.stringify({ to: vitalik, value: '1.5' }))).toBe('invalidQuantity');
  });

  test('EIP-7702 authorization list in JSON', () => {
    const payload = accept(
      JSON.stringify({
        to: vitalik,
        type: '0x4',
        authorizationList: [
          { chainId: '0x1', address: usdc, nonce: '0x0', yParity: '0x1', r: '0x01', s: '0x02' },
        ],
      }),
    );
    expect(payload).toMatchObject({
      tx: { type: 'eip7702', authorizationList: [{ chainId: 1n, address: usdc, nonce: 0n, yParity: 1 }] },
    });
  });
});

test('a type that contradicts the fields', () => {
  const auth = { chainId: '0x1', address: usdc, nonce: '0x0' };
  expect(reject(JSON.stringify({ to: vitalik, type: '0x2', authorizationList: [auth] }))).toBe(
    'conflictingFields',
  );
  expect(
    reject(JSON.stringify({ to: vitalik, type: 'eip1559', blobVersionedHashes: [`0x01${'00'.repeat(31)}`] })),
  ).toBe('conflictingFields');
  // No type at all is fine: the fields say what it is.
  expect(accept(JSON.stringify({ to: vitalik, authorizationList: [auth] }))).toMatchObject({
    tx: { authorizationList: [{ address: usdc }] },
  });
});

test('a signed authorization in JSON names its signer; a signature nobody made is an error', () => {
  // keccak256(0x05 || rlp([1, USDC, 0])) signed by anvil's account 1 (0x7099…79C8).
  const payload = accept(
    JSON.stringify({
      to: vitalik,
      authorizationList: [signedAuthorization],
    }),
  );
  expect(payload).toMatchObject({
    tx: { authorizationList: [{ authority: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' }] },
  });
  expect(
    reject(
      JSON.stringify({ to: vitalik, authorizationList: [{ ...signedAuthorization, r: '0x0', s: '0x0' }] }),
    ),
  ).toBe('invalidSignature');
});

describe('raw transactions', () => {
  test('bare hex, signed EIP-1559', () => {
    expect(accept(signed.transactions.eip1559 as string)).toMatchObject({
      kind: 'rawTransaction',
      txType: 'eip1559',
      signed: true,
    });
  });

  test('eth_sendRawTransaction request', () => {
    const payload = accept(
      JSON.stringify({ method: 'eth_sendRawTransaction', params: [signed.transactions.eip7702] }),
    );
    expect(payload).toMatchObject({ kind: 'rawTransaction', txType: 'eip7702', tx: { from: signed.sender } });
  });

  test('a signed transaction with a byte cut off is not calldata either', () => {
    expect(reject((signed.transactions.eip1559 as string).slice(0, -2))).toBe('invalidRawTransaction');
  });
});

describe('typed data', () => {
  const typed = {
    types: permitTypes,
    primaryType: 'Permit',
    domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: usdc },
    message: {
      owner: vitalik,
      spender: '0x000000000022D473030F116dDEE9F6B43aC78BA3',
      value: '115792089237316195423570985008687907853269984665640564039457584007913129639935',
      nonce: 0,
      deadline: '1893456000',
    },
  };

  test('bare object', () => {
    expect(accept(JSON.stringify(typed))).toMatchObject({
      kind: 'typedData',
      primaryType: 'Permit',
      message: { value: 2n ** 256n - 1n },
    });
  });

  test('eth_signTypedData_v4 request with the typed data as a JSON string', () => {
    const payload = accept(
      JSON.stringify({ method: 'eth_signTypedData_v4', params: [vitalik, JSON.stringify(typed)] }),
    );
    expect(payload).toMatchObject({ kind: 'typedData', method: 'eth_signTypedData_v4', from: vitalik });
  });

  test('bare params [address, typedData]', () => {
    expect(accept(JSON.stringify([vitalik, typed]))).toMatchObject({ kind: 'typedData', from: vitalik });
  });

  test('a JSON string holding typed data', () => {
    expect(accept(JSON.stringify(JSON.stringify(typed)))).toMatchObject({ kind: 'typedData' });
  });

  test('legacy eth_signTypedData v1 is refused by name', () => {
    expect(
      reject(
        JSON.stringify({
          method: 'eth_signTypedData',
          params: [[{ type: 'string', name: 'm', value: 'hi' }], vitalik],
        }),
      ),
    ).toBe('unsupportedMethod');
  });
});

describe('messages', () => {
  test('personal_sign with hex', () => {
    expect(
      accept(JSON.stringify({ method: 'personal_sign', params: ['0x48656c6c6f', vitalik] })),
    ).toMatchObject({
      kind: 'message',
      method: 'personal_sign',
      text: 'Hello',
      from: vitalik,
      blindHash: false,
    });
  });

  test('personal_sign with UTF-8 text (SIWE)', () => {
    const siwe = 'example.com wants you to sign in with your Ethereum account:\n0xd8dA…\n\nNonce: 32891756';
    const payload = accept(JSON.stringify({ method: 'personal_sign', params: [siwe, vitalik] }));
    expect(payload).toMatchObject({ kind: 'message', text: siwe });
  });

  test('eth_sign over 32 bytes is a blind hash', () => {
    expect(
      accept(JSON.stringify({ method: 'eth_sign', params: [vitalik, `0x${'ab'.repeat(32)}`] })),
    ).toMatchObject({
      kind: 'message',
      method: 'eth_sign',
      blindHash: true,
    });
  });

  test('bytes hiding control characters get no text rendering', () => {
    const payload = accept(
      JSON.stringify({ method: 'personal_sign', params: ['0x6869e280ae6f6c6c65', vitalik] }),
    );
    expect(payload).toMatchObject({ kind: 'message' });
    expect((payload as { text?: string }).text).toBeUndefined();
  });
});

describe('EIP-681 URIs', () => {
  test('ERC-20 transfer', () => {
    expect(accept(`ethereum:${usdc}@1/transfer?address=${vitalik}&uint256=1e6`)).toMatchObject({
      kind: 'eip681',
      tx: {
        to: usdc,
        chainId: 1n,
        data: '0xa9059cbb000000000000000000000000d8da6bf26964af9d7eed9e03e53415d37aa9604500000000000000000000000000000000000000000000000000000000000f4240',
      },
    });
  });
});

describe('batches and user operations', () => {
  test('wallet_sendCalls', () => {
    const payload = accept(
      JSON.stringify({
        method: 'wallet_sendCalls',
        params: [
          {
            version: '2.0.0',
            chainId: '0x2105',
            from: vitalik,
            atomicRequired: true,
            calls: [
              { to: usdc, data: transfer },
              { to: vitalik, value: '0x1' },
            ],
            capabilities: { paymasterService: { url: 'https://x' } },
          },
        ],
      }),
    );
    expect(payload).toMatchObject({
      kind: 'callBatch',
      chainId: 8453n,
      atomicRequired: true,
      capabilities: ['paymasterService'],
    });
    expect(payload.kind === 'callBatch' && payload.calls.length).toBe(2);
  });

  const base = {
    sender: vitalik,
    nonce: '0x1',
    callData: transfer,
    callGasLimit: '0x10000',
    verificationGasLimit: '0x20000',
    preVerificationGas: '0xc350',
    maxFeePerGas: '0x3b9aca00',
    maxPriorityFeePerGas: '0x5f5e100',
    signature: '0x',
  };

  test('ERC-4337 v0.6', () => {
    const payload = accept(
      JSON.stringify({
        method: 'eth_sendUserOperation',
        params: [
          { ...base, initCode: '0x', paymasterAndData: '0x' },
          '0x5FF137D4b0FDCD49DcA30c7CF57E578a026d2789',
        ],
      }),
    );
    expect(payload).toMatchObject({
      kind: 'userOperation',
      entryPointVersion: '0.6',
      userOperation: { nonce: 1n },
    });
  });

  test('ERC-4337 v0.7 unpacked', () => {
    const payload = accept(
      JSON.stringify({
        ...base,
        factory: usdc,
        factoryData: '0x1234',
        paymaster: vitalik,
        paymasterVerificationGasLimit: '0x1',
        paymasterPostOpGasLimit: '0x2',
        paymasterData: '0x',
      }),
    );
    expect(payload).toMatchObject({
      kind: 'userOperation',
      entryPointVersion: '0.7',
      userOperation: { factory: usdc, paymasterPostOpGasLimit: 2n },
    });
  });

  test('ERC-4337 v0.7 packed', () => {
    const accountGasLimits = `0x${'0'.repeat(27)}20000${'0'.repeat(27)}10000`;
    const gasFees = `0x${'0'.repeat(25)}5f5e100${'0'.repeat(24)}3b9aca00`;
    const { callGasLimit, verificationGasLimit, maxFeePerGas, maxPriorityFeePerGas, ...rest } = base;
    const payload = accept(
      JSON.stringify({ ...rest, accountGasLimits, gasFees, initCode: '0x', paymasterAndData: '0x' }),
    );
    expect(payload).toMatchObject({
      entryPointVersion: '0.7',
      userOperation: {
        callGasLimit: 0x10000n,
        verificationGasLimit: 0x20000n,
        maxFeePerGas: 1000000000n,
        maxPriorityFeePerGas: 100000000n,
      },
    });
  });

  test('a v0.6 operation sent to the v0.7 entry point', () => {
    expect(
      reject(
        JSON.stringify({
          method: 'eth_sendUserOperation',
          params: [
            { ...base, initCode: '0x', paymasterAndData: '0x' },
            '0x0000000071727De22E5E9d8BAf0edAc6f37da032',
          ],
        }),
      ),
    ).toBe('conflictingFields');
  });
});

describe('garbage gets a typed error', () => {
  test.each([
    ['', 'empty'],
    ['   \n\t ', 'empty'],
    ['0x', 'empty'],
    ['0xzz12', 'invalidHex'],
    ['0xabc', 'oddLength'],
    ['0x1234', 'tooShort'],
    ['0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045', 'looksLikeAddress'],
    [`0x${'ab'.repeat(32)}`, 'looksLikeHash'],
    ['hello', 'unrecognized'],
    ['{"to": 5', 'invalidJson'],
    ['{"to": 5}', 'invalidAddress'],
    ['{"foo": 1}', 'unrecognized'],
    ['[1, 2, 3]', 'unrecognized'],
    ['{"method":"eth_getBalance","params":[]}', 'unsupportedMethod'],
    ['{"method":"eth_sendTransaction","params":[]}', 'invalidField'],
    ['{"method":"eth_sendTransaction","params":{}}', 'invalidField'],
    ['{"value":"1"}', 'missingField'],
    ['{"to":"0x12"}', 'invalidAddress'],
    ['"just a string"', 'unrecognized'],
    ['ethereum:', 'invalidUri'],
    ['ethereum:vitalik.eth', 'unsupported'],
    ['ethereum:0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045?value=1.5', 'invalidUri'],
    ['ethereum:0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045?value=-1', 'invalidUri'],
    ['ethereum:0xd8da6BF26964aF9D7eEd9e03E53415D37aA96045', 'invalidAddress'],
    ['<script>alert(1)</script>', 'unrecognized'],
    [`${'['.repeat(100)}${']'.repeat(100)}`, 'tooDeep'],
    [
      '{"__proto__":{"polluted":1},"to":"0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045","data":"0x"}',
      'accepted',
    ],
  ])('%j → %s', (input, code) => {
    const result = parsePayload(input);
    expect(result.ok ? 'accepted' : result.error.code).toBe(code);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('over the size bound, without reading it', () => {
    expect(reject('0'.repeat(MAX_INPUT_CHARS + 2))).toBe('tooLarge');
  });

  test('errors say where: the character position of bad hex', () => {
    const result = parsePayload('0x12345678zz');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.position).toBe(10);
  });

  test('errors say where: the JSON path of a bad field', () => {
    const result = parsePayload(
      JSON.stringify({ method: 'eth_sendTransaction', params: [{ to: vitalik, value: 'lots' }] }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.path).toBe('params[0].value');
  });
});
