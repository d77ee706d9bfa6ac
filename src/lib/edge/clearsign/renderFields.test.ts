import { expect, test } from 'vitest';
import { renderFields } from './renderFields';
import type { ClearSignOutcome, Descriptor, DescriptorField, RenderContext, ValueNode } from './types';

const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const WETH = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
const leaf = (type: string, value: bigint | boolean | string): ValueNode => ({ kind: 'leaf', type, value });
const order = (token: string, amount: bigint): ValueNode => ({
  kind: 'struct',
  type: 'tuple',
  fields: { token: leaf('address', token), amount: leaf('uint256', amount) },
});
const data: ValueNode = {
  kind: 'struct',
  type: 'tuple',
  fields: {
    orders: { kind: 'array', type: 'tuple[]', items: [order(USDC, 1500000n), order(WETH, 10n ** 17n)] },
    mode: leaf('uint8', 1n),
    when: leaf('uint256', 1738886400n),
    note: leaf('string', 'hello'),
  },
};
const descriptor: Descriptor = {
  id: 'test/descriptor.json',
  kind: 'calldata',
  display: 0,
  constants: { fee: 30, usdc: USDC, ticker: 'vUSDC' },
  enums: { mode: { '0': 'Off', '1': 'On' } },
};
const noNested = (): ClearSignOutcome => ({
  display: null,
  reason: { code: 'noDescriptor', message: 'none' },
});
const ctx: RenderContext = {
  descriptor,
  container: { chainId: 1n, to: WETH, value: 0n },
  data,
  depth: 0,
  nested: noNested,
};
const render = (fields: DescriptorField[]) => renderFields(fields, ctx);

test('a field group over an array: one line per element, relative paths, the token of the same element', () => {
  const { fields, warnings } = render([
    {
      path: '#.orders.[]',
      fields: [{ path: 'amount', label: 'Amount', format: 'tokenAmount', params: { tokenPath: 'token' } }],
    },
  ]);
  expect(fields).toEqual([
    { label: 'Amount', value: '1.5 USDC', path: '#.orders.[0].amount', format: 'tokenAmount' },
    { label: 'Amount', value: '0.1 WETH', path: '#.orders.[1].amount', format: 'tokenAmount' },
  ]);
  expect(warnings).toEqual([]);
});

test('a [] field with a [] parameter path: the parameter follows the element', () => {
  const { fields } = render([
    {
      path: '#.orders.[].amount',
      label: 'Amount',
      format: 'tokenAmount',
      params: { tokenPath: '#.orders.[].token' },
    },
  ]);
  expect(fields.map((f) => f.value)).toEqual(['1.5 USDC', '0.1 WETH']);
});

test('constants: a value field, $. parameters, enums', () => {
  const { fields } = render([
    { label: 'Ticker', format: 'raw', value: '$.metadata.constants.ticker' },
    { label: 'Fee', format: 'unit', value: '$.metadata.constants.fee', params: { decimals: 2, base: '%' } },
    { path: 'mode', label: 'Mode', format: 'enum', params: { $ref: '$.metadata.enums.mode' } },
    {
      path: '#.orders.[0].amount',
      label: 'First',
      format: 'tokenAmount',
      params: { token: '$.metadata.constants.usdc' },
    },
  ]);
  expect(fields.map((f) => [f.label, f.value, f.path])).toEqual([
    ['Ticker', 'vUSDC', '$.metadata.constants.ticker'],
    ['Fee', '0.3%', '$.metadata.constants.fee'],
    ['Mode', 'On', '#.mode'],
    ['First', '1.5 USDC', '#.orders.[0].amount'],
  ]);
});

test('hidden fields are skipped; visibility rules are applied', () => {
  const { fields, warnings } = render([
    { path: 'note', label: 'Note', visible: 'never' },
    { path: 'mode', label: 'Mode if not 1', visible: { ifNotIn: ['1'] } },
    { path: 'mode', label: 'Mode must be 0', visible: { mustMatch: ['0'] } },
  ]);
  expect(fields.map((f) => f.label)).toEqual(['Mode must be 0']);
  expect(warnings).toEqual(['Mode must be 0: 1 is not one of the values the descriptor expects here.']);
});

test('garbage: missing paths, wrong types, unknown constants and formats become warnings, never throws', () => {
  const { fields, warnings } = render([
    { path: '#.nope', label: 'Missing' },
    { path: '#.note', label: 'Text as address', format: 'addressName' },
    { path: '#.note', label: 'Text as amount', format: 'tokenAmount', params: { token: USDC } },
    { path: '#.when', label: 'Fancy', format: 'sparkles' },
    { path: '#.mode', label: 'Bad enum', format: 'enum', params: { $ref: '$.metadata.enums.missing' } },
    { label: 'Bad constant', value: '$.metadata.constants.missing' },
    { label: 'Nothing' },
    {
      path: '#.when',
      label: 'Bad token path',
      format: 'tokenAmount',
      params: { tokenPath: '#.orders.[5].token' },
    },
    { path: '#.[[', label: 'Bad path' },
    { path: '@.from', label: 'No sender', format: 'addressName' },
    { path: '#.when', label: 'Date', format: 'date' },
  ]);
  expect(fields).toEqual([
    { label: 'Text as address', value: 'hello', path: '#.note', format: 'raw' },
    { label: 'Text as amount', value: 'hello', path: '#.note', format: 'raw' },
    { label: 'Fancy', value: '1738886400', path: '#.when', format: 'raw' },
    { label: 'Bad enum', value: '1', path: '#.mode', format: 'raw' },
    { label: 'Bad token path', value: '1738886400', path: '#.when', format: 'raw' },
    { label: 'Date', value: '2025-02-07 00:00:00 UTC', path: '#.when', format: 'date' },
  ]);
  expect(warnings).toEqual([
    'Missing: #.nope: # has no field "nope"',
    'Text as address: cannot render as addressName (expected an address, got string); the raw value is shown.',
    'Text as amount: cannot render as tokenAmount (expected a number, got string); the raw value is shown.',
    'Fancy: the format "sparkles" is not supported; the raw value is shown.',
    'Bad enum: cannot render as enum ($.metadata.enums.missing: the descriptor defines no such constant); the raw value is shown.',
    'Bad constant: $.metadata.constants.missing: the descriptor defines no such constant',
    'Nothing: the field has neither a path nor a value.',
    'Bad token path: cannot render as tokenAmount (#.orders.[5].token: #.orders has no element 5); the raw value is shown.',
    'Bad path: #.[[: unclosed [',
    'No sender: @.from: @.from is unknown',
  ]);
});

test('field groups nested absurdly deep stop with a warning', () => {
  let field: DescriptorField = { path: '#.mode', label: 'Mode' };
  for (let i = 0; i < 12; i++) field = { fields: [field] };
  const { fields, warnings } = render([field]);
  expect(fields).toEqual([]);
  expect(warnings).toEqual(['Field groups nest deeper than 8: the rest is not shown.']);
});
