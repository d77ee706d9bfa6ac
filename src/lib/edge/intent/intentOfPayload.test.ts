import { readFileSync } from 'node:fs';
import { encodeFunctionData, parseAbi } from 'viem';
import { describe, expect, test } from 'vitest';
import { seaportItemFields } from '../../../../tests/fixtures/typedData';
import { decodePayloadCalls } from '../decode/decodePayloadCalls';
import { parsePayload } from '../parse/parsePayload';
import { intentOfPayload } from './intentOfPayload';
import type { Intent } from './types';

const alice = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const permit2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
const signed = JSON.parse(readFileSync('tests/fixtures/signed-transactions.json', 'utf8')) as {
  authority: string;
  transactions: Record<string, string>;
};

function intentOf(input: unknown): Intent {
  const parsed = parsePayload(typeof input === 'string' ? input : JSON.stringify(input));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return intentOfPayload(parsed.payload, decodePayloadCalls(parsed.payload));
}

const erc20 = parseAbi([
  'function approve(address spender, uint256 amount) returns (bool)',
  'function setApprovalForAll(address operator, bool approved)',
]);

describe('calls', () => {
  test('a plain ETH transfer', () => {
    expect(intentOf({ chainId: 1, to: alice, value: '1000' })).toMatchObject({
      kind: 'nativeTransfer',
      assets: [{ role: 'send', amount: 1000n }],
      counterparties: [{ role: 'recipient', address: alice }],
      confidence: 1,
    });
  });

  test('an unlimited approval to Permit2 on USDC (bound in the registry)', () => {
    const data = encodeFunctionData({
      abi: erc20,
      functionName: 'approve',
      args: [permit2, 2n ** 256n - 1n],
    });
    expect(intentOf({ chainId: 1, to: usdc, data })).toMatchObject({
      kind: 'approve',
      function: 'approve(address,uint256)',
      assets: [{ role: 'allow', asset: usdc, unlimited: true }],
      counterparties: [{ role: 'spender', address: permit2 }],
      permissions: [{ kind: 'allowance', to: permit2, asset: usdc, unlimited: true }],
    });
  });

  test('setApprovalForAll(true) grants an operator; (false) grants nothing', () => {
    const on = encodeFunctionData({ abi: erc20, functionName: 'setApprovalForAll', args: [alice, true] });
    const off = encodeFunctionData({ abi: erc20, functionName: 'setApprovalForAll', args: [alice, false] });
    expect(intentOf(on)).toMatchObject({
      kind: 'setApprovalForAll',
      permissions: [{ kind: 'operator', to: alice }],
    });
    expect(intentOf(off)).toMatchObject({ kind: 'setApprovalForAll', permissions: [] });
  });

  test('contract creation', () => {
    expect(intentOf({ data: '0x6080604052' }).kind).toBe('deploy');
  });

  test('EIP-7702: the authorization becomes a delegation with its recovered authority', () => {
    const intent = intentOf(signed.transactions.eip7702 as string);
    // The transaction calls nothing and sends nothing: it is a delegation.
    expect(intent).toMatchObject({
      kind: 'delegate',
      permissions: [{ kind: 'delegation', to: '0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B' }],
    });
    const delegation = intent.children.at(-1);
    expect(delegation).toMatchObject({
      kind: 'delegate',
      permissions: [{ kind: 'delegation', to: '0x63c0c19a282a1B52b07dD5a65b58948A07DAE32B' }],
      args: { authority: signed.authority.toLowerCase() },
    });
  });

  test('wallet_sendCalls: a batch of its calls, γ the minimum', () => {
    const approve = encodeFunctionData({ abi: erc20, functionName: 'approve', args: [permit2, 5n] });
    const intent = intentOf({
      method: 'wallet_sendCalls',
      params: [
        {
          chainId: '0x1',
          calls: [
            { to: usdc, data: approve },
            { to: alice, data: '0xdeadbeef' },
          ],
        },
      ],
    });
    expect(intent.kind).toBe('batch');
    expect(intent.children.map((c) => c.kind)).toEqual(['approve', 'unknown']);
    expect(intent.confidence).toBe(0.3); // the unknown call's layout is a guess
  });
});

describe('typed data', () => {
  const domain = { name: 'Permit2', chainId: 1, verifyingContract: permit2 };

  test('Permit2 PermitSingle', () => {
    const intent = intentOf({
      types: {
        PermitSingle: [
          { name: 'details', type: 'PermitDetails' },
          { name: 'spender', type: 'address' },
          { name: 'sigDeadline', type: 'uint256' },
        ],
        PermitDetails: [
          { name: 'token', type: 'address' },
          { name: 'amount', type: 'uint160' },
          { name: 'expiration', type: 'uint48' },
          { name: 'nonce', type: 'uint48' },
        ],
      },
      primaryType: 'PermitSingle',
      domain,
      message: {
        details: {
          token: usdc,
          amount: '1461501637330902918203684832716283019655932542975',
          expiration: '1900000000',
          nonce: 0,
        },
        spender: alice,
        sigDeadline: '1900000000',
      },
    });
    expect(intent).toMatchObject({
      kind: 'permit',
      primaryType: 'PermitSingle',
      permissions: [{ kind: 'allowance', to: alice, asset: usdc, unlimited: true, expiry: 1900000000n }],
      args: {
        details: { token: usdc.toLowerCase(), amount: '1461501637330902918203684832716283019655932542975' },
      },
      source: 'typedData',
    });
  });

  test('Seaport order: what the offerer gives, what comes back, who else is paid', () => {
    const item = seaportItemFields;
    const nftContract = '0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D';
    const intent = intentOf({
      types: {
        OrderComponents: [
          { name: 'offerer', type: 'address' },
          { name: 'offer', type: 'OfferItem[]' },
          { name: 'consideration', type: 'ConsiderationItem[]' },
        ],
        OfferItem: item,
        ConsiderationItem: [...item, { name: 'recipient', type: 'address' }],
      },
      primaryType: 'OrderComponents',
      domain: {
        name: 'Seaport',
        version: '1.5',
        chainId: 1,
        verifyingContract: '0x00000000000000ADc04C56Bf30aC9d3c0aAF14dC',
      },
      message: {
        offerer: alice,
        offer: [{ itemType: 2, token: nftContract, identifierOrCriteria: 42, startAmount: 1, endAmount: 1 }],
        consideration: [
          {
            itemType: 0,
            token: '0x0000000000000000000000000000000000000000',
            identifierOrCriteria: 0,
            startAmount: '1000',
            endAmount: '1000',
            recipient: alice,
          },
          {
            itemType: 0,
            token: '0x0000000000000000000000000000000000000000',
            identifierOrCriteria: 0,
            startAmount: '1000000000000000000',
            endAmount: '1000000000000000000',
            recipient: permit2,
          },
        ],
      },
    });
    expect(intent).toMatchObject({
      kind: 'order',
      assets: [
        { role: 'send', asset: nftContract, tokenId: 42n },
        { role: 'receive', amount: 1000n },
      ],
      counterparties: [{ role: 'recipient', address: permit2 }],
    });
  });

  test('Blur listing: the NFT goes, the price comes back', () => {
    const collection = '0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D';
    const intent = intentOf({
      types: {
        Order: [
          { name: 'trader', type: 'address' },
          { name: 'side', type: 'uint8' },
          { name: 'collection', type: 'address' },
          { name: 'tokenId', type: 'uint256' },
          { name: 'amount', type: 'uint256' },
          { name: 'paymentToken', type: 'address' },
          { name: 'price', type: 'uint256' },
        ],
      },
      primaryType: 'Order',
      domain: {
        name: 'Blur Exchange',
        version: '1.0',
        chainId: 1,
        verifyingContract: '0x000000000000Ad05Ccc4F10045630fb830B95127',
      },
      message: {
        trader: alice,
        side: 1,
        collection,
        tokenId: 7,
        amount: 1,
        paymentToken: '0x0000000000000000000000000000000000000000',
        price: '5000000000000000000',
      },
    });
    expect(intent).toMatchObject({
      kind: 'order',
      assets: [
        { role: 'send', asset: collection, tokenId: 7n, amount: 1n },
        { role: 'receive', amount: 5000000000000000000n },
      ],
    });
    expect(intent.assets[1]?.asset).toBeUndefined();
  });

  test('LooksRare v2 bid: the price goes, the NFTs come', () => {
    const collection = '0xBC4CA0EdA7647A8aB7C2061c2E118A18a936f13D';
    const weth = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
    const intent = intentOf({
      types: {
        Maker: [
          { name: 'quoteType', type: 'uint8' },
          { name: 'collection', type: 'address' },
          { name: 'currency', type: 'address' },
          { name: 'price', type: 'uint256' },
          { name: 'itemIds', type: 'uint256[]' },
          { name: 'amounts', type: 'uint256[]' },
        ],
      },
      primaryType: 'Maker',
      domain: {
        name: 'LooksRareProtocol',
        version: '2',
        chainId: 1,
        verifyingContract: '0x0000000000E655fAe4d56241588680F86E3b2377',
      },
      message: { quoteType: 0, collection, currency: weth, price: '100', itemIds: [1, 2], amounts: [1, 1] },
    });
    expect(intent.assets).toEqual([
      { role: 'send', asset: weth, amount: 100n },
      { role: 'receive', asset: collection, tokenId: 1n, amount: 1n },
      { role: 'receive', asset: collection, tokenId: 2n, amount: 1n },
    ]);
  });

  test('a personal_sign message', () => {
    expect(intentOf({ method: 'personal_sign', params: ['0x68656c6c6f', alice] })).toMatchObject({
      kind: 'messageSignature',
      confidence: 1,
    });
  });
});
