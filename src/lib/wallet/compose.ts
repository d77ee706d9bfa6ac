import { type Address, encodeFunctionData, erc20Abi, getAddress, isAddress, parseUnits } from 'viem';

/**
 * Compose mode: build a request from a form, as text the inspector reads, so a composed request
 * goes through exactly the same parse, decode and gate as a pasted one. Pure.
 */
export type ComposeInput =
  | {
      readonly kind: 'native';
      readonly chainId: number;
      readonly from: string;
      readonly to: string;
      /** Decimal amount in the chain's currency (18 decimals), e.g. "0.05". */
      readonly amount: string;
    }
  | {
      readonly kind: 'token';
      readonly chainId: number;
      readonly from: string;
      readonly token: string;
      readonly to: string;
      /** Decimal amount in whole tokens, e.g. "12.5". */
      readonly amount: string;
      readonly decimals: number;
    }
  | {
      readonly kind: 'revoke';
      readonly chainId: number;
      readonly from: string;
      readonly token: string;
      readonly spender: string;
      /** `erc20`: approve(spender, 0); `operator`: setApprovalForAll(spender, false) (ERC-721/1155). */
      readonly standard: 'erc20' | 'operator';
    };

/** A form field that is not valid, by name, with a message key of the wallet catalogue. */
export type ComposeError = { readonly field: string; readonly key: ComposeErrorKey };
export type ComposeErrorKey = 'address' | 'amount' | 'decimals' | 'chain' | 'self';

export type ComposeResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly errors: readonly ComposeError[] };

const setApprovalForAll = [
  {
    type: 'function',
    name: 'setApprovalForAll',
    stateMutability: 'nonpayable',
    inputs: [
      { name: 'operator', type: 'address' },
      { name: 'approved', type: 'bool' },
    ],
    outputs: [],
  },
] as const;

const AMOUNT = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The request for a form, as `eth_sendTransaction`-style JSON text, or the fields to fix. */
export function composeRequest(input: ComposeInput): ComposeResult {
  const errors: ComposeError[] = [];
  const address = (field: string, value: string): Address | undefined => {
    const v = value.trim();
    // Any case; a mixed-case address must carry a valid checksum.
    if (
      !isAddress(v, { strict: false }) ||
      (v !== v.toLowerCase() && v.slice(2) !== v.slice(2).toUpperCase() && !isAddress(v))
    ) {
      errors.push({ field, key: 'address' });
      return undefined;
    }
    return getAddress(v);
  };
  const units = (field: string, value: string, decimals: number): bigint | undefined => {
    const v = value.trim();
    if (!AMOUNT.test(v) || (v.split('.')[1]?.length ?? 0) > decimals) {
      errors.push({ field, key: 'amount' });
      return undefined;
    }
    const n = parseUnits(v, decimals);
    if (n <= 0n || n >= 2n ** 256n) {
      errors.push({ field, key: 'amount' });
      return undefined;
    }
    return n;
  };
  if (!Number.isSafeInteger(input.chainId) || input.chainId <= 0)
    errors.push({ field: 'chainId', key: 'chain' });
  const from = address('from', input.from);
  let to: Address | undefined;
  let value = 0n;
  let data: `0x${string}` = '0x';
  if (input.kind === 'native') {
    to = address('to', input.to);
    value = units('amount', input.amount, 18) ?? 0n;
  } else if (input.kind === 'token') {
    to = address('token', input.token);
    const recipient = address('to', input.to);
    if (!Number.isInteger(input.decimals) || input.decimals < 0 || input.decimals > 36)
      errors.push({ field: 'decimals', key: 'decimals' });
    const amount = errors.some((e) => e.field === 'decimals')
      ? undefined
      : units('amount', input.amount, input.decimals);
    if (recipient && to && recipient === to) errors.push({ field: 'to', key: 'self' });
    if (recipient && amount !== undefined)
      data = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [recipient, amount] });
  } else {
    to = address('token', input.token);
    const spender = address('spender', input.spender);
    if (spender)
      data =
        input.standard === 'erc20'
          ? encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [spender, 0n] })
          : encodeFunctionData({
              abi: setApprovalForAll,
              functionName: 'setApprovalForAll',
              args: [spender, false],
            });
  }
  if (errors.length > 0 || !from || !to) return { ok: false, errors };
  return {
    ok: true,
    text: JSON.stringify({ chainId: input.chainId, from, to, value: value.toString(), data }, null, 2),
  };
}
