import { type Config, getConnectorClient } from '@wagmi/core';
import { type Address, BaseError, type Client, erc20Abi, hexToString } from 'viem';
import { readContract } from 'viem/actions';

/**
 * Reads Compose mode shows before a request is built: a token's symbol and decimals, an ERC-20
 * allowance, an NFT operator approval. They go through the connected wallet's own provider (the
 * chain the wallet is on), never an RPC endpoint of Vigil's, and never throw: a failure is a
 * result with a reason the UI can put in words.
 */

/** Why a read gave no value. */
export type ChainReadFailure =
  /** No wallet is connected (or it is still reconnecting). */
  | 'notConnected'
  /** The wallet is on another chain than the one asked for. */
  | 'chain'
  /** The call returned nothing: no contract at the address, or it has no such function. */
  | 'noData'
  /** The contract reverted. */
  | 'reverted'
  /** It answered something that is not a valid value (decimals above 255, say). */
  | 'invalid'
  /** Anything else: the wallet or its node failed. */
  | 'failed';

/** A value read from the chain, or `undefined` and why not. */
export type ChainRead<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly value: undefined;
      readonly reason: ChainReadFailure;
      /** The underlying error's short message, for the curious; may be empty. */
      readonly message: string;
    };

/** A token's metadata as its contract states it: nothing here is verified. */
export type TokenMeta = {
  readonly decimals: number;
  /** `undefined` when the contract has no readable symbol. */
  readonly symbol: string | undefined;
};

const operatorAbi = [
  {
    type: 'function',
    name: 'isApprovedForAll',
    stateMutability: 'view',
    inputs: [
      { name: 'owner', type: 'address' },
      { name: 'operator', type: 'address' },
    ],
    outputs: [{ name: '', type: 'bool' }],
  },
] as const;

/** Old tokens (MKR, SAI) return their symbol as bytes32. */
const bytes32SymbolAbi = [
  {
    type: 'function',
    name: 'symbol',
    stateMutability: 'view',
    inputs: [],
    outputs: [{ name: '', type: 'bytes32' }],
  },
] as const;

const failureByName: Readonly<Record<string, ChainReadFailure>> = {
  ConnectorNotConnectedError: 'notConnected',
  ConnectorAccountNotFoundError: 'notConnected',
  ConnectorUnavailableReconnectingError: 'notConnected',
  ConnectorChainMismatchError: 'chain',
  ContractFunctionZeroDataError: 'noData',
  ContractFunctionRevertedError: 'reverted',
};

/** The reason for a failed read: the most specific known error in the cause chain. */
export function readFailureOf(error: unknown): ChainReadFailure {
  for (let e: unknown = error, depth = 0; e && depth < 16; e = (e as { cause?: unknown }).cause, depth++) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string' && Object.hasOwn(failureByName, name))
      return failureByName[name] ?? 'failed';
  }
  return 'failed';
}

function failed(reason: ChainReadFailure, error?: unknown): ChainRead<never> {
  const message =
    error instanceof BaseError
      ? error.shortMessage
      : error instanceof Error
        ? error.message
        : error === undefined
          ? ''
          : String(error);
  return { ok: false, value: undefined, reason, message };
}

/** Runs `read` on the wallet's client; any error becomes a failed result. */
async function withClient<T>(config: Config, read: (client: Client) => Promise<T>): Promise<ChainRead<T>> {
  try {
    const client = await getConnectorClient(config);
    return { ok: true, value: await read(client) };
  } catch (error) {
    return failed(readFailureOf(error), error);
  }
}

/**
 * A symbol as the contract states it, made safe to show: control and formatting characters
 * (bidirectional overrides included) removed, whitespace trimmed, at most 32 characters.
 */
export function cleanSymbol(raw: string): string | undefined {
  const clean = raw.replace(/\p{C}/gu, '').trim().slice(0, 32);
  return clean === '' ? undefined : clean;
}

/** `decimals()` and `symbol()` of an ERC-20 on the wallet's chain; the symbol is optional. */
export async function readTokenMeta(config: Config, token: Address): Promise<ChainRead<TokenMeta>> {
  const decimals = await withClient(config, (client) =>
    readContract(client, { address: token, abi: erc20Abi, functionName: 'decimals' }),
  );
  if (!decimals.ok) return decimals;
  if (!Number.isInteger(decimals.value) || decimals.value < 0 || decimals.value > 255)
    return failed('invalid', `decimals() answered ${decimals.value}`);
  let symbol = await withClient(config, (client) =>
    readContract(client, { address: token, abi: erc20Abi, functionName: 'symbol' }),
  );
  if (!symbol.ok && symbol.reason !== 'notConnected' && symbol.reason !== 'chain')
    symbol = await withClient(config, async (client) =>
      hexToString(
        await readContract(client, { address: token, abi: bytes32SymbolAbi, functionName: 'symbol' }),
        { size: 32 },
      ),
    );
  return {
    ok: true,
    value: { decimals: decimals.value, symbol: symbol.ok ? cleanSymbol(symbol.value) : undefined },
  };
}

/** `allowance(owner, spender)` of an ERC-20 on the wallet's chain, in base units. */
export function readAllowance(
  config: Config,
  token: Address,
  owner: Address,
  spender: Address,
): Promise<ChainRead<bigint>> {
  return withClient(config, (client) =>
    readContract(client, {
      address: token,
      abi: erc20Abi,
      functionName: 'allowance',
      args: [owner, spender],
    }),
  );
}

/** `isApprovedForAll(owner, operator)` of an ERC-721 / ERC-1155 collection on the wallet's chain. */
export function readOperatorApproval(
  config: Config,
  token: Address,
  owner: Address,
  operator: Address,
): Promise<ChainRead<boolean>> {
  return withClient(config, (client) =>
    readContract(client, {
      address: token,
      abi: operatorAbi,
      functionName: 'isApprovedForAll',
      args: [owner, operator],
    }),
  );
}
