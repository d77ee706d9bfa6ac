import { type Address, getAddress } from 'viem';
import { ClearSignFormatError } from './errors';
import type { ValueNode } from './types';

/** An integer value: an (u)int, bytes up to 32 (big-endian), a bool, or a decimal string. */
export function leafToBigInt(node: ValueNode): bigint {
  if (node.kind !== 'leaf')
    throw new ClearSignFormatError(`expected a number, got a ${node.kind} (${node.type})`);
  const { value, type } = node;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (type.startsWith('bytes') && value.length > 2 && value.length <= 66) return BigInt(value);
  if (type === 'string' && /^\d{1,78}$/.test(value)) return BigInt(value);
  throw new ClearSignFormatError(`expected a number, got ${type}`);
}

/**
 * An address value: an address, 20 bytes, or a 32-byte word / integer whose top 12 bytes are zero
 * (how some contracts pack an address into a uint256). Checksummed.
 */
export function leafToAddress(node: ValueNode): Address {
  if (node.kind !== 'leaf')
    throw new ClearSignFormatError(`expected an address, got a ${node.kind} (${node.type})`);
  const { value, type } = node;
  if (type === 'address' && typeof value === 'string') return getAddress(value);
  if (typeof value === 'string' && type.startsWith('bytes') && /^0x[0-9a-f]*$/i.test(value)) {
    const digits = value.slice(2);
    if (digits.length === 40) return getAddress(value);
    if (digits.length === 64 && /^0{24}/.test(digits)) return getAddress(`0x${digits.slice(24)}`);
  }
  if (typeof value === 'bigint' && value >= 0n && value < 1n << 160n)
    return getAddress(`0x${value.toString(16).padStart(40, '0')}`);
  throw new ClearSignFormatError(`expected an address, got ${type}`);
}

/**
 * The low 20 bytes of a 32-byte word or integer as an address, however its top bytes are set
 * (routers pack flags there, e.g. 1inch pools). Undefined for any other value.
 */
export function leafLowAddress(node: ValueNode): Address | undefined {
  if (node.kind !== 'leaf') return undefined;
  const { value, type } = node;
  if (typeof value === 'bigint' && value >= 0n && value < 1n << 256n)
    return getAddress(`0x${(value & ((1n << 160n) - 1n)).toString(16).padStart(40, '0')}`);
  if (typeof value === 'string' && type.startsWith('bytes') && /^0x[0-9a-f]{64}$/i.test(value))
    return getAddress(`0x${value.slice(26)}`);
  return undefined;
}
