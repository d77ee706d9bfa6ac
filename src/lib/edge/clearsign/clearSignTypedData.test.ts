import { expect, test } from 'vitest';
import { parseTypedData } from '../parse/parseTypedData';
import { clearSignTypedData } from './clearSignTypedData';
import { tryClearSignTypedData } from './tryClearSignTypedData';

const permitTypes = {
  EIP712Domain: [
    { name: 'name', type: 'string' },
    { name: 'version', type: 'string' },
    { name: 'chainId', type: 'uint256' },
    { name: 'verifyingContract', type: 'address' },
  ],
  Permit: [
    { name: 'owner', type: 'address' },
    { name: 'spender', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
};
const message = {
  owner: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045',
  spender: '0x1111111254EEB25477B68fb85Ed929f73A960582',
  value: '2500000000000000000000',
  nonce: '7',
  deadline: '1776739200',
};
const arb = {
  name: 'Arbitrum',
  version: '1',
  chainId: 42161,
  verifyingContract: '0x912CE59144191C1204E64559FE8253A0E49E6548',
} as const;
const permit = (domain: object, extra: object = {}) =>
  parseTypedData({ types: permitTypes, primaryType: 'Permit', domain, message: { ...message, ...extra } });

test('ERC-2612 permit of ARB: the registry descriptor (via its ercs/ include)', () => {
  expect(clearSignTypedData(permit(arb))).toEqual({
    title: 'Authorize spending of tokens',
    fields: [
      { label: 'Spender', value: message.spender, path: '#.spender', format: 'raw' },
      { label: 'Max spending amount', value: '2500 ARB', path: '#.value', format: 'tokenAmount' },
      { label: 'Valid until', value: '2026-04-21 02:40:00 UTC', path: '#.deadline', format: 'date' },
    ],
    descriptor: 'registry/permit/eip712-permit-arbitrum-arb.json',
    owner: 'Arbitrum',
    warnings: [],
  });
});

test('plain JSON values (decimal strings, numbers) work without parseTypedData', () => {
  const display = clearSignTypedData({
    domain: arb,
    types: permitTypes,
    primaryType: 'Permit',
    message,
  } as never);
  expect(display?.fields[1]?.value).toBe('2500 ARB');
});

test('a domain name that is not the descriptor’s: shown, with a warning', () => {
  const display = clearSignTypedData(permit({ ...arb, name: 'Example' }));
  expect(display?.descriptor).toBe('registry/permit/eip712-permit-arbitrum-arb.json');
  expect(display?.warnings).toEqual([expect.stringContaining('will not verify at this contract')]);
});

test('a permit on a token the registry does not bind: the generic ERC-2612 descriptor, flagged', () => {
  const wethOnBase = '0x4200000000000000000000000000000000000006';
  const display = clearSignTypedData(
    permit(
      { name: 'Wrapped Ether', version: '1', chainId: 8453, verifyingContract: wethOnBase },
      { value: '250000000000000000' },
    ),
  );
  expect(display).toMatchObject({
    descriptor: 'ercs/eip712-erc2612-permit.json',
    generic: true,
    fields: [
      { label: 'Spender' },
      { label: 'Max spending amount', value: '0.25 WETH' },
      { label: 'Valid until' },
    ],
  });
  expect(display?.warnings).toContainEqual(expect.stringContaining('Generic descriptor'));
});

test('a deadline beyond year 9999: raw, with a warning', () => {
  const display = clearSignTypedData(permit(arb, { deadline: '1000000000000000000' }));
  expect(display?.fields[2]).toEqual({
    label: 'Valid until',
    value: '1000000000000000000',
    path: '#.deadline',
    format: 'raw',
  });
  expect(display?.warnings).toEqual([expect.stringContaining('Valid until: cannot render as date')]);
});

test('a schema the descriptor does not describe → null and why', () => {
  const types = { ...permitTypes, Permit: [...permitTypes.Permit, { name: 'extra', type: 'uint256' }] };
  const typed = parseTypedData({
    types,
    primaryType: 'Permit',
    domain: arb,
    message: { ...message, extra: '1' },
  });
  expect(tryClearSignTypedData(typed)).toEqual({
    display: null,
    reason: { code: 'noFormat', message: expect.stringContaining('has no format for Permit') },
  });
});

test('unknown domain and primary type → noDescriptor; a primary type not in types → invalidInput', () => {
  const typed = parseTypedData({
    types: { Mail: [{ name: 'contents', type: 'string' }] },
    primaryType: 'Mail',
    domain: { name: 'Ether Mail', chainId: 1 },
    message: { contents: 'hi' },
  });
  expect(tryClearSignTypedData(typed).reason?.code).toBe('noDescriptor');
  expect(
    tryClearSignTypedData({ domain: {}, types: {}, primaryType: 'Nope', message: {} }).reason?.code,
  ).toBe('invalidInput');
});

test('a message whose values do not fit its types → invalidInput, not a crash', () => {
  const outcome = tryClearSignTypedData({
    domain: arb,
    types: permitTypes,
    primaryType: 'Permit',
    message: { ...message, value: 'lots' },
  });
  expect(outcome).toEqual({
    display: null,
    reason: { code: 'invalidInput', message: expect.stringContaining('Permit.value: not an integer') },
  });
});
