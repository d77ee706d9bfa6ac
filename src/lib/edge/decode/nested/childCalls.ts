import type { Address, Hex } from 'viem';
import { fitParameters } from '../fitParameters';
import type { DecodedArgument } from '../types';
import { unpackMultiSend } from './unpackMultiSend';

/** A call found inside another call's arguments, to decode in turn. */
export type ChildCall = {
  readonly to: Address | null | undefined;
  readonly value?: bigint;
  readonly data: Hex;
  readonly operation?: 'call' | 'delegatecall';
};

/** Nested calls of a decoded call, or why they could not be read. */
export type ChildCallsResult = { readonly calls: readonly ChildCall[] } | { readonly error: string };

/** A tuple component, whether viem decoded it as an object (named) or an array (unnamed). */
function component(tuple: unknown, name: string, index: number): unknown {
  if (Array.isArray(tuple)) return tuple[index];
  if (typeof tuple === 'object' && tuple !== null) return (tuple as Record<string, unknown>)[name];
  return undefined;
}

const arg = (args: readonly DecodedArgument[], i: number): unknown => args[i]?.value;
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/** Calls `(target, callData)` tuples (Multicall/Multicall2). */
function targetCalls(value: unknown): ChildCall[] {
  return list(value).map((call) => ({
    to: component(call, 'target', 0) as Address,
    data: component(call, 'callData', 1) as Hex,
  }));
}

/** Which arguments of which functions are calls, keyed by canonical signature. */
const extractors: Readonly<
  Record<
    string,
    (args: readonly DecodedArgument[], self: Address | null | undefined, max: number) => ChildCallsResult
  >
> = {
  'aggregate((address,bytes)[])': (args) => ({ calls: targetCalls(arg(args, 0)) }),
  'blockAndAggregate((address,bytes)[])': (args) => ({ calls: targetCalls(arg(args, 0)) }),
  'tryAggregate(bool,(address,bytes)[])': (args) => ({ calls: targetCalls(arg(args, 1)) }),
  'tryBlockAndAggregate(bool,(address,bytes)[])': (args) => ({ calls: targetCalls(arg(args, 1)) }),
  'aggregate3((address,bool,bytes)[])': (args) => ({
    calls: list(arg(args, 0)).map((c) => ({
      to: component(c, 'target', 0) as Address,
      data: component(c, 'callData', 2) as Hex,
    })),
  }),
  'aggregate3Value((address,bool,uint256,bytes)[])': (args) => ({
    calls: list(arg(args, 0)).map((c) => ({
      to: component(c, 'target', 0) as Address,
      value: component(c, 'value', 2) as bigint,
      data: component(c, 'callData', 3) as Hex,
    })),
  }),
  'multicall(bytes[])': (args, self) => ({
    calls: list(arg(args, 0)).map((data) => ({ to: self, data: data as Hex })),
  }),
  'multicall(uint256,bytes[])': (args, self) => ({
    calls: list(arg(args, 1)).map((data) => ({ to: self, data: data as Hex })),
  }),
  'multicall(bytes32,bytes[])': (args, self) => ({
    calls: list(arg(args, 1)).map((data) => ({ to: self, data: data as Hex })),
  }),
  'execTransaction(address,uint256,bytes,uint8,uint256,uint256,uint256,address,address,bytes)': (args) =>
    safeCall(args),
  'execTransactionFromModule(address,uint256,bytes,uint8)': (args) => safeCall(args),
  'execute(bytes32,bytes)': (args, self) => erc7821Calls(args, self),
  // Smart accounts (SimpleAccount, Coinbase Smart Wallet): the calls a user operation makes.
  'execute(address,uint256,bytes)': (args) => ({
    calls: [{ to: arg(args, 0) as Address, value: arg(args, 1) as bigint, data: arg(args, 2) as Hex }],
  }),
  'executeBatch(address[],bytes[])': (args) => zipped(list(arg(args, 0)), undefined, list(arg(args, 1))),
  'executeBatch(address[],uint256[],bytes[])': (args) =>
    zipped(list(arg(args, 0)), list(arg(args, 1)), list(arg(args, 2))),
  'executeBatch((address,uint256,bytes)[])': (args) => ({
    calls: list(arg(args, 0)).map((c) => ({
      to: component(c, 'target', 0) as Address,
      value: component(c, 'value', 1) as bigint,
      data: component(c, 'data', 2) as Hex,
    })),
  }),
  'multiSend(bytes)': (args, _self, max) => {
    const unpacked = unpackMultiSend(arg(args, 0) as Hex, max);
    return 'error' in unpacked
      ? { error: `MultiSend: ${unpacked.error} at byte ${unpacked.offset}` }
      : { calls: unpacked };
  },
  // ERC-4337 EntryPoint: each operation's callData runs on its sender.
  'handleOps((address,uint256,bytes,bytes,uint256,uint256,uint256,uint256,uint256,bytes,bytes)[],address)': (
    args,
  ) => ({
    calls: list(arg(args, 0)).map((op) => ({
      to: component(op, 'sender', 0) as Address,
      data: component(op, 'callData', 3) as Hex,
    })),
  }),
  'handleOps((address,uint256,bytes,bytes,bytes32,uint256,bytes32,bytes,bytes)[],address)': (args) => ({
    calls: list(arg(args, 0)).map((op) => ({
      to: component(op, 'sender', 0) as Address,
      data: component(op, 'callData', 3) as Hex,
    })),
  }),
};

const erc7821Call = {
  type: 'tuple[]',
  name: 'calls',
  components: [
    { name: 'to', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'data', type: 'bytes' },
  ],
} as const;

/** ERC-7821 `execute(bytes32 mode, bytes executionData)`: `abi.encode(Call[])`, or with `bytes opData` after. */
function erc7821Calls(args: readonly DecodedArgument[], self: Address | null | undefined): ChildCallsResult {
  const executionData = arg(args, 1) as Hex;
  const decoded =
    fitParameters([erc7821Call], executionData) ??
    fitParameters([erc7821Call, { name: 'opData', type: 'bytes' }], executionData);
  if (!decoded) return { error: 'ERC-7821 executionData is not an encoded Call[] (with or without opData)' };
  return {
    calls: list(decoded[0]?.value).map((c) => {
      const to = component(c, 'to', 0) as Address;
      // ERC-7821: a zero `to` means the account itself.
      return {
        to: to === '0x0000000000000000000000000000000000000000' ? self : to,
        value: component(c, 'value', 1) as bigint,
        data: component(c, 'data', 2) as Hex,
      };
    }),
  };
}

/** Parallel arrays of targets, values and data; lengths must agree (SimpleAccount reverts otherwise). */
function zipped(
  targets: readonly unknown[],
  values: readonly unknown[] | undefined,
  data: readonly unknown[],
): ChildCallsResult {
  if (targets.length !== data.length || (values && values.length !== targets.length))
    return {
      error: `executeBatch: ${targets.length} targets, ${values?.length ?? '(no)'} values and ${data.length} calls do not line up`,
    };
  return {
    calls: targets.map((to, i) => ({
      to: to as Address,
      ...(values && { value: values[i] as bigint }),
      data: data[i] as Hex,
    })),
  };
}

function safeCall(args: readonly DecodedArgument[]): ChildCallsResult {
  const operation = arg(args, 3);
  if (operation !== 0 && operation !== 1)
    return { error: `Safe operation ${String(operation)} is neither call (0) nor delegatecall (1)` };
  return {
    calls: [
      {
        to: arg(args, 0) as Address,
        value: arg(args, 1) as bigint,
        data: arg(args, 2) as Hex,
        operation: operation === 0 ? 'call' : 'delegatecall',
      },
    ],
  };
}

/**
 * The calls nested in a decoded call's arguments (Multicall, Uniswap multicall, Safe, MultiSend,
 * EntryPoint), or `undefined` when the function does not nest calls.
 */
export function childCalls(
  signature: string,
  args: readonly DecodedArgument[],
  self: Address | null | undefined,
  maxCalls: number,
): ChildCallsResult | undefined {
  const extract = extractors[signature];
  return extract ? extract(args, self, maxCalls) : undefined;
}
