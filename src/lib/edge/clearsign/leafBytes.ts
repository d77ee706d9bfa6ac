import { type Hex, numberToHex } from 'viem';
import { ClearSignFormatError } from './errors';
import type { ValueNode } from './types';

/**
 * The bytes of a value as the ABI lays them out: an address is 20 bytes, `bytes`/`bytesN` are
 * themselves, an integer is its 32-byte big-endian (two's complement) word. Lowercase hex.
 */
export function leafBytes(node: ValueNode): Hex {
  if (node.kind !== 'leaf') throw new ClearSignFormatError(`a ${node.kind} has no bytes to slice`);
  const { type, value } = node;
  if (typeof value === 'string' && (type === 'address' || type.startsWith('bytes')))
    return value.toLowerCase() as Hex;
  if (typeof value === 'bigint') {
    const word = value < 0n ? (1n << 256n) + value : value;
    if (word < 0n || word >= 1n << 256n) throw new ClearSignFormatError(`${type} out of range`);
    return numberToHex(word, { size: 32 });
  }
  throw new ClearSignFormatError(`a ${type} value has no byte layout to slice`);
}
