import { type Address, getAddress, type Hex } from 'viem';

/** One transaction of a Safe MultiSend batch. */
export type MultiSendTransaction = {
  readonly operation: 'call' | 'delegatecall';
  readonly to: Address;
  readonly value: bigint;
  readonly data: Hex;
};

/** Why a MultiSend payload could not be unpacked. */
export type UnpackMultiSendError = { readonly error: string; readonly offset: number };

/**
 * Unpacks the `transactions` bytes of Safe's `multiSend(bytes)`: a concatenation of
 * `operation (1 byte) ‖ to (20) ‖ value (32) ‖ dataLength (32) ‖ data`. Every byte must belong to a
 * transaction: trailing or truncated bytes make the whole batch undecodable.
 */
export function unpackMultiSend(
  transactions: Hex,
  maxTransactions: number,
): readonly MultiSendTransaction[] | UnpackMultiSendError {
  const hex = transactions.slice(2);
  const out: MultiSendTransaction[] = [];
  let at = 0; // in hex digits
  while (at < hex.length) {
    const offset = at / 2;
    if (out.length >= maxTransactions) return { error: `more than ${maxTransactions} transactions`, offset };
    if (hex.length - at < 2 * 85) return { error: 'a transaction header is cut short', offset };
    const op = Number.parseInt(hex.slice(at, at + 2), 16);
    if (op !== 0 && op !== 1)
      return { error: `operation ${op} is neither call (0) nor delegatecall (1)`, offset };
    const to = getAddress(`0x${hex.slice(at + 2, at + 42)}`);
    const value = BigInt(`0x${hex.slice(at + 42, at + 106)}`);
    const length = BigInt(`0x${hex.slice(at + 106, at + 170)}`);
    const start = at + 170;
    if (length > BigInt((hex.length - start) / 2))
      return { error: 'a transaction’s data is cut short', offset };
    const end = start + Number(length) * 2;
    out.push({
      operation: op === 0 ? 'call' : 'delegatecall',
      to,
      value,
      data: `0x${hex.slice(start, end)}`,
    });
    at = end;
  }
  return out;
}
