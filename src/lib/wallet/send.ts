import { type Config, getConnectorClient } from '@wagmi/core';
import {
  type Address,
  type Hex,
  numberToHex,
  serializeTypedData,
  type TransactionReceipt,
  UserRejectedRequestError,
} from 'viem';
import { waitForTransactionReceipt } from 'viem/actions';
import type { WalletRequest } from './walletRequest';

/** What the wallet returned. */
export type WalletResult =
  | { readonly kind: 'transaction'; readonly hash: Hex }
  | { readonly kind: 'signature'; readonly signature: Hex }
  | { readonly kind: 'calls'; readonly id: string };

/** The wallet said no (EIP-1193 4001), or failed. */
export class WalletRequestError extends Error {
  readonly rejected: boolean;
  constructor(message: string, rejected: boolean, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'WalletRequestError';
    this.rejected = rejected;
  }
}

const q = (value: bigint | undefined): Hex | undefined =>
  value === undefined ? undefined : numberToHex(value);

/** The JSON-RPC form of a request, exactly its fields: nothing estimated, nothing added. */
export function rpcParams(request: WalletRequest, account: Address): unknown[] {
  switch (request.method) {
    case 'eth_sendTransaction': {
      const { tx } = request;
      const out: Record<string, unknown> = {
        from: account,
        to: tx.to,
        value: numberToHex(tx.value),
        data: tx.data,
        chainId: numberToHex(request.chainId),
      };
      const optional: [string, Hex | undefined][] = [
        ['gas', q(tx.gas)],
        ['nonce', q(tx.nonce)],
        ['gasPrice', q(tx.gasPrice)],
        ['maxFeePerGas', q(tx.maxFeePerGas)],
        ['maxPriorityFeePerGas', q(tx.maxPriorityFeePerGas)],
      ];
      for (const [key, value] of optional) if (value !== undefined) out[key] = value;
      if (tx.accessList) out.accessList = tx.accessList;
      if (tx.authorizationList)
        out.authorizationList = tx.authorizationList.map((a) => ({
          chainId: numberToHex(a.chainId),
          address: a.address,
          nonce: numberToHex(a.nonce),
          yParity: numberToHex(a.yParity ?? 0),
          r: a.r,
          s: a.s,
        }));
      if (tx.authorizationList || tx.type === 'eip7702') out.type = '0x4';
      else if (tx.type === 'legacy') out.type = '0x0';
      else if (tx.type === 'eip2930') out.type = '0x1';
      else if (tx.type === 'eip1559') out.type = '0x2';
      return [out];
    }
    case 'eth_signTypedData_v4':
      return [account, serializeTypedData(request.typedData as Parameters<typeof serializeTypedData>[0])];
    case 'personal_sign':
      return [request.message, account];
    case 'wallet_sendCalls':
      return [
        {
          version: '2.0.0',
          chainId: numberToHex(request.chainId),
          from: account,
          atomicRequired: request.atomicRequired,
          calls: request.calls.map((c) => ({ to: c.to, value: numberToHex(c.value), data: c.data })),
        },
      ];
  }
}

/**
 * The wallet's own words for a failure: viem wraps an EIP-1193 error in a generic sentence
 * ("Invalid parameters were provided to the RPC method…") and keeps the wallet's message as
 * `details`; other errors keep theirs as the short message.
 */
export function walletMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { details, shortMessage } = error as { details?: unknown; shortMessage?: unknown };
  if (typeof details === 'string' && details.trim()) return details.trim();
  if (typeof shortMessage === 'string' && shortMessage.trim()) return shortMessage.trim();
  return error.message;
}

function isRejection(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if (e instanceof UserRejectedRequestError) return true;
    if (typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 4001) return true;
  }
  return false;
}

/**
 * Hands the request to the connected wallet through its own EIP-1193 provider, as raw JSON-RPC:
 * the wallet sees exactly the inspected fields. Throws WalletRequestError (with `rejected` when
 * the user said no in the wallet).
 */
export async function sendWalletRequest(
  config: Config,
  request: WalletRequest,
  account: Address,
): Promise<WalletResult> {
  try {
    const client = await getConnectorClient(config);
    const params = rpcParams(request, account);
    const answer = (await client.request({ method: request.method, params } as never)) as unknown;
    if (request.method === 'eth_sendTransaction') return { kind: 'transaction', hash: answer as Hex };
    if (request.method === 'wallet_sendCalls')
      return {
        kind: 'calls',
        id: typeof answer === 'string' ? answer : String((answer as { id: string }).id),
      };
    return { kind: 'signature', signature: answer as Hex };
  } catch (error) {
    const rejected = isRejection(error);
    throw new WalletRequestError(
      rejected ? 'You rejected the request in your wallet.' : walletMessage(error),
      rejected,
      error,
    );
  }
}

/** Waits for a transaction's receipt through the wallet's provider (the network it was sent on). */
export async function waitForReceipt(config: Config, hash: Hex): Promise<TransactionReceipt> {
  const client = await getConnectorClient(config);
  return waitForTransactionReceipt(client, { hash, pollingInterval: 1_000, timeout: 180_000 });
}

/** A batch's outcome (EIP-5792 `wallet_getCallsStatus`), summed over its transactions. */
export type CallsOutcome = {
  readonly status: 'success' | 'reverted';
  readonly block: bigint;
  readonly gas: bigint;
};

/**
 * Polls the wallet for a batch's status until it is final (EIP-5792 status 200 or above), through
 * the wallet's provider. Every receipt must succeed for the batch to count as a success.
 */
export async function waitForCalls(config: Config, id: string, timeoutMs = 180_000): Promise<CallsOutcome> {
  const client = await getConnectorClient(config);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = (await client.request({ method: 'wallet_getCallsStatus', params: [id] } as never)) as {
      status: number;
      receipts?: { status: string; blockNumber: Hex; gasUsed: Hex }[];
    };
    if (status.status >= 200) {
      const receipts = status.receipts ?? [];
      return {
        status: status.status === 200 && receipts.every((r) => r.status === '0x1') ? 'success' : 'reverted',
        block: receipts.reduce((max, r) => (BigInt(r.blockNumber) > max ? BigInt(r.blockNumber) : max), 0n),
        gas: receipts.reduce((sum, r) => sum + BigInt(r.gasUsed), 0n),
      };
    }
    if (Date.now() > deadline) throw new Error('The wallet did not report the batch as final in time.');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
