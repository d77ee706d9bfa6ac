import { serializeTransaction } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, test } from 'vitest';
import { inspect } from '$lib/edge/inspect';
import { rpcParams } from './send';
import { walletRequestOf } from './walletRequest';

// Anvil's well-known dev keys: local chains only.
const alice = privateKeyToAccount('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
const bob = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d');
const DELEGATE = '0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B';

function built(input: string) {
  const result = inspect(input);
  if (!result.ok) throw new Error(result.error.message);
  return walletRequestOf(result.payload);
}

async function delegation(nonce = 0, chainId = 31337) {
  const auth = await bob.signAuthorization({ chainId, address: DELEGATE, nonce });
  return {
    chainId: `0x${chainId.toString(16)}`,
    address: auth.address,
    nonce: `0x${nonce.toString(16)}`,
    yParity: `0x${auth.yParity}`,
    r: auth.r,
    s: auth.s,
  };
}

describe('EIP-7702 authorizations go to the wallet when signed', () => {
  test('a sponsored delegation: type 4, the authorization exactly as signed', async () => {
    const auth = await delegation();
    const request = built(
      JSON.stringify({ chainId: 31337, from: alice.address, to: bob.address, authorizationList: [auth] }),
    );
    expect(request).toMatchObject({ ok: true, request: { method: 'eth_sendTransaction', chainId: 31337 } });
    if (!request.ok) return;
    const [params] = rpcParams(request.request, alice.address) as [Record<string, unknown>];
    expect(params).toEqual({
      from: alice.address,
      to: bob.address,
      value: '0x0',
      data: '0x',
      chainId: '0x7a69',
      type: '0x4',
      authorizationList: [
        {
          chainId: '0x7a69',
          address: DELEGATE,
          nonce: '0x0',
          yParity: auth.yParity === '0x0' ? '0x0' : '0x1',
          r: auth.r,
          s: auth.s,
        },
      ],
    });
  });

  test('the inspector names whose account is delegated (the recovered authority)', async () => {
    const result = inspect(
      JSON.stringify({ chainId: 31337, to: bob.address, authorizationList: [await delegation()] }),
    );
    expect(
      result.ok && result.payload.kind === 'transaction' && result.payload.tx.authorizationList?.[0],
    ).toMatchObject({ authority: bob.address, address: DELEGATE });
  });

  test('an unsigned authorization cannot be asked for', () => {
    expect(
      built(
        JSON.stringify({
          chainId: 31337,
          to: bob.address,
          authorizationList: [{ chainId: '0x7a69', address: DELEGATE, nonce: '0x0' }],
        }),
      ),
    ).toEqual({ ok: false, reason: 'unsignedAuthorization' });
  });

  test('a blob transaction cannot be asked for', () => {
    expect(
      built(
        JSON.stringify({
          chainId: 1,
          to: bob.address,
          blobVersionedHashes: [`0x01${'ab'.repeat(31)}`],
          maxFeePerBlobGas: '0x1',
        }),
      ),
    ).toEqual({ ok: false, reason: 'blob' });
  });
});

describe('raw transactions', () => {
  test('an unsigned one is asked for with its own fields', () => {
    const raw = serializeTransaction({
      chainId: 31337,
      to: bob.address,
      value: 5n,
      nonce: 3,
      gas: 21_000n,
      maxFeePerGas: 2n,
      maxPriorityFeePerGas: 1n,
    });
    const request = built(raw);
    expect(request).toMatchObject({ ok: true, request: { method: 'eth_sendTransaction', chainId: 31337 } });
    if (!request.ok) return;
    expect(rpcParams(request.request, alice.address)).toEqual([
      {
        from: alice.address,
        to: bob.address,
        value: '0x5',
        data: '0x',
        chainId: '0x7a69',
        nonce: '0x3',
        gas: '0x5208',
        maxFeePerGas: '0x2',
        maxPriorityFeePerGas: '0x1',
        type: '0x2',
      },
    ]);
  });

  test('a signed one has nothing left to sign', async () => {
    const raw = await alice.signTransaction({
      chainId: 31337,
      to: bob.address,
      value: 5n,
      nonce: 3,
      gas: 21_000n,
      maxFeePerGas: 2n,
      maxPriorityFeePerGas: 1n,
    });
    expect(built(raw)).toEqual({ ok: false, reason: 'alreadySigned' });
  });
});
