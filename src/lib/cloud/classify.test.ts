import { expect, test } from 'vitest';
import { classifyAddress, FIELD_TABLE, isPublicAddress } from './classify';

const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const self = new Set(['0x1111111111111111111111111111111111111111']);

test('listed tokens and registry contracts are public on their chain only', () => {
  expect(classifyAddress({ chainId: 1n, address: usdc, self })).toEqual({
    class: 'public',
    address: usdc.toLowerCase(),
    name: 'USDC',
  });
  expect(isPublicAddress(1n, '0xE592427A0AEce92De3Edee1F18E0157C05861564')).toBe(true);
  expect(isPublicAddress(undefined, usdc)).toBe(false);
  expect(isPublicAddress(1n, '0x2222222222222222222222222222222222222222')).toBe(false);
});

test("the user's own address is 'self', whatever its case", () => {
  expect(
    classifyAddress({ chainId: 1n, address: '0x1111111111111111111111111111111111111111', self }),
  ).toEqual({
    class: 'self',
  });
});

test('the table classifies every field once, and private context is never public', () => {
  const paths = FIELD_TABLE.map((r) => r.path);
  expect(new Set(paths).size).toBe(paths.length);
  expect(
    FIELD_TABLE.filter((r) => r.class === 'private').every((r) => /facts|address book/.test(r.path)),
  ).toBe(true);
  for (const r of FIELD_TABLE) expect(r.reason.length).toBeGreaterThan(10);
});
