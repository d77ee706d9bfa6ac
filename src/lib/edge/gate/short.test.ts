import { expect, test } from 'vitest';
import { short } from './walk';

test('short keeps 8 hex digits at each end, so a 4+4 look-alike never prints like the genuine address', () => {
  const alice = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
  const twin = '0xd8dA000000000000000000000000000000006045';
  expect(short(alice)).toBe('0xd8dA6BF2…7aA96045');
  expect(short(twin)).not.toBe(short(alice));
});
