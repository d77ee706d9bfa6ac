/**
 * What a static 32-byte word most likely holds, from its bytes alone:
 * - `zero`: all zero bytes. It fits any word type; alone it reads as `uint256` (see {@link joinWordKinds}).
 * - `uint256`: a number. Every word is a valid `uint256`; this is the fallback.
 * - `address`: 12 zero bytes, then a 20-byte value that is not number-like.
 * - `bytes32`: a high word that is not number-like (a hash, an id, left-aligned `bytesN` text).
 */
export type WordKind = 'zero' | 'uint256' | 'address' | 'bytes32';

/**
 * Classifies the word at `position`. Heuristic by nature; the rules, in order:
 * 1. all zero → `zero`;
 * 2. under 2^96 (20 or more leading zero bytes) → `uint256`: amounts, counts, ids, timestamps and
 *    flags live here. 0 and 1 are never `bool`: a count shown as true/false would misstate the call,
 *    a flag shown as 0/1 loses nothing. Vanity addresses with 8 or more leading zero bytes read as numbers;
 * 3. number-like → `uint256`: a maximum value 2^k − 1 (`type(uint128).max`, 2^256 − 1), a power of two,
 *    or, under 2^160, a round number ending in 3 or more zero bytes (10^30 wei: a random address
 *    ends so with odds of 2^-24);
 * 4. under 2^160 → `address`; else → `bytes32`.
 */
export function wordKind(bytes: Uint8Array, position: number): WordKind {
  let lead = 0;
  while (lead < 32 && bytes[position + lead] === 0) lead++;
  if (lead === 32) return 'zero';
  if (lead >= 20) return 'uint256';
  if (isNumberLike(bytes, position, lead)) return 'uint256';
  return lead >= 12 ? 'address' : 'bytes32';
}

function isNumberLike(bytes: Uint8Array, position: number, lead: number): boolean {
  const top = bytes[position + lead] ?? 0;
  let allOnes = (top & (top + 1)) === 0;
  let allZeros = (top & (top - 1)) === 0;
  let trailingZeros = 0;
  for (let i = position + lead + 1; i < position + 32; i++) {
    const byte = bytes[i];
    allOnes &&= byte === 0xff;
    allZeros &&= byte === 0;
    trailingZeros = byte === 0 ? trailingZeros + 1 : 0;
  }
  return allOnes || allZeros || (lead >= 12 && trailingZeros >= 3);
}
