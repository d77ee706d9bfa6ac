import { concat, keccak256 } from 'viem';
import { expect, test } from 'vitest';
import { permitTypes } from '../../../tests/fixtures/typedData';
import { inspect } from './inspect';
import { toJsonText } from './json';

const transfer =
  '0xa9059cbb000000000000000000000000d8da6bf26964af9d7eed9e03e53415d37aa960450000000000000000000000000000000000000000000000000000000005f5e100';

test('calldata: size, selector, decoded call', () => {
  const result = inspect(transfer);
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.kind).toBe('calldata');
  expect(result.fields.map((f) => f.key)).toEqual(['dataSize', 'selector', 'data']);
  expect(result.fields[0]).toEqual({ key: 'dataSize', value: '68 bytes', copy: '68', format: 'bytes' });
  expect(result.calls[0]?.function?.signature).toBe('transfer(address,uint256)');
  expect(result.intent).toMatchObject({
    kind: 'tokenTransfer',
    function: 'transfer(address,uint256)',
    source: 'signature',
    confidence: 0.7,
  });
});

test('transaction: chain name, value in ETH and wei, gas', () => {
  const result = inspect(
    JSON.stringify({
      chainId: '0x1',
      from: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045',
      to: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
      value: '1500000000000000000',
      gas: '0x5208',
      maxFeePerGas: '0x77359400',
      data: transfer,
    }),
  );
  if (!result.ok) throw new Error(result.error.message);
  const byKey = Object.fromEntries(result.fields.map((f) => [f.key, f]));
  expect(byKey.chain).toEqual({ key: 'chain', value: 'Ethereum (1)', copy: '1' });
  expect(byKey.value).toEqual({
    key: 'value',
    value: '1.5 ETH',
    detail: '1,500,000,000,000,000,000 wei',
    copy: '1500000000000000000',
  });
  expect(byKey.gas?.value).toBe('21,000');
  expect(byKey.maxFeePerGas?.value).toBe('2 gwei');
  expect(byKey.selector?.value).toBe('0xa9059cbb');
  expect(result.calls[0]).toMatchObject({
    to: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
    value: 1500000000000000000n,
    dataSize: 68,
  });
});

test('contract creation is shown as such', () => {
  const result = inspect(JSON.stringify({ data: '0x6080604052' }));
  if (!result.ok) throw new Error(result.error.message);
  expect(result.fields.some((f) => f.key === 'contractCreation')).toBe(true);
  expect(result.fields.some((f) => f.key === 'to')).toBe(false);
});

test('unknown chain', () => {
  const result = inspect(
    JSON.stringify({ chainId: 999999, to: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045' }),
  );
  expect(result.ok && result.fields.find((f) => f.key === 'chain')?.value).toBe('999999');
});

test('an error is plain data with code and message, and the gate blocks it', () => {
  const result = inspect('0xabc');
  expect(result).toMatchObject({
    ok: false,
    error: {
      code: 'oddLength',
      message: 'The hex has 3 digits, an odd number: a byte is cut in half.',
      expected: 'an even number of hex digits',
    },
    decision: { verdict: 'block', findings: [{ rule: 'input.malformed', severity: 'critical' }] },
  });
  expect(Object.keys(result.ok ? {} : result.error)).toEqual(['code', 'message', 'expected']);
});

test('deterministic: the same input gives byte-identical output', () => {
  const input = JSON.stringify({
    method: 'wallet_sendCalls',
    params: [
      { chainId: '0x1', calls: [{ to: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045', data: transfer }] },
    ],
  });
  expect(toJsonText(inspect(input))).toBe(toJsonText(inspect(input)));
});

test('typed data: domain separator and struct hash make the digest', () => {
  const result = inspect(
    JSON.stringify({
      types: permitTypes,
      primaryType: 'Permit',
      domain: {
        name: 'USD Coin',
        version: '2',
        chainId: 1,
        verifyingContract: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
      },
      message: {
        owner: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045',
        spender: '0x000000000022D473030F116dDEE9F6B43aC78BA3',
        value: '115792089237316195423570985008687907853269984665640564039457584007913129639935',
        nonce: 0,
        deadline: '1893456000',
      },
    }),
  );
  if (!result.ok) throw new Error(result.error.message);
  const field = (key: string) => result.fields.find((f) => f.key === key)?.copy as `0x${string}`;
  expect(keccak256(concat(['0x1901', field('domainSeparator'), field('structHash')]))).toBe(field('digest'));
  expect(result.intent).toMatchObject({
    kind: 'permit',
    primaryType: 'Permit',
    counterparties: [{ role: 'spender', address: '0x000000000022D473030F116dDEE9F6B43aC78BA3' }],
    permissions: [{ kind: 'allowance', unlimited: true, expiry: 1893456000n }],
  });
  expect(result.display?.title).toBeTruthy();
});
