import type { Address, Hex } from 'viem';
import type { WalletFill } from '$lib/edge/gate/policy';
import type { BatchCall, Payload, TransactionFields, TypedDataPayload } from '$lib/edge/payload';

/**
 * What Vigil hands a wallet for a payload: exactly the inspected fields, nothing added but what
 * the policy lets the wallet fill. `chainId` is the chain the request is bound to (the wallet must
 * be on it); `from`, when the request names one, is the account that must sign.
 */
export type WalletRequest =
  | {
      readonly method: 'eth_sendTransaction';
      readonly chainId: number;
      readonly from?: Address;
      readonly tx: TransactionFields & { readonly to: Address };
    }
  | {
      readonly method: 'eth_signTypedData_v4';
      readonly chainId?: number;
      readonly from?: Address;
      readonly typedData: Pick<TypedDataPayload, 'domain' | 'types' | 'primaryType' | 'message'>;
    }
  | { readonly method: 'personal_sign'; readonly from?: Address; readonly message: Hex }
  | {
      readonly method: 'wallet_sendCalls';
      readonly chainId: number;
      readonly from?: Address;
      readonly calls: readonly (BatchCall & { readonly to: Address })[];
      readonly atomicRequired: boolean;
    };

/** Why a payload cannot be signed through Vigil; each has a sentence in the catalogues. */
export type UnsignableReason =
  /** Bare calldata: no contract, no chain. */
  | 'noTarget'
  /** A transaction or batch that names no chain: bind it to one first. */
  | 'noChain'
  /** A contract creation: Vigil does not deploy. */
  | 'creation'
  /** Already signed: broadcast it from a wallet or node; nothing to sign. */
  | 'alreadySigned'
  /** eth_sign over a hash (or any eth_sign): a blind signature Vigil will not ask a wallet for. */
  | 'ethSign'
  /** An ERC-4337 user operation: signed by the smart account's own flow, not a wallet request. */
  | 'userOperation'
  /** Blob transactions carry sidecars no wallet takes as a request. */
  | 'blob'
  /**
   * An EIP-7702 authorization without its signature: only the account's own wallet can sign it,
   * and wallets do not sign delegations for a site. A signed one travels in the request.
   */
  | 'unsignedAuthorization'
  /** A chain id too large for a wallet to accept. */
  | 'badChain';

export type WalletRequestResult =
  | { readonly ok: true; readonly request: WalletRequest }
  | { readonly ok: false; readonly reason: UnsignableReason };

const no = (reason: UnsignableReason): WalletRequestResult => ({ ok: false, reason });

const chainNumber = (id: bigint | undefined): number | 'missing' | 'bad' =>
  id === undefined ? 'missing' : id > 0n && id <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(id) : 'bad';

/** The wallet request for a payload, or why there is none. Pure. */
export function walletRequestOf(payload: Payload): WalletRequestResult {
  switch (payload.kind) {
    case 'calldata':
      return no('noTarget');
    case 'userOperation':
      return no('userOperation');
    case 'rawTransaction':
      return payload.signed ? no('alreadySigned') : transactionRequest(payload.tx);
    case 'message':
      return payload.method === 'eth_sign'
        ? no('ethSign')
        : {
            ok: true,
            request: {
              method: 'personal_sign',
              message: payload.raw,
              ...(payload.from && { from: payload.from }),
            },
          };
    case 'typedData': {
      const chain = chainNumber(payload.domain.chainId);
      if (chain === 'bad') return no('badChain');
      const { domain, types, primaryType, message } = payload;
      return {
        ok: true,
        request: {
          method: 'eth_signTypedData_v4',
          ...(chain !== 'missing' && { chainId: chain }),
          ...(payload.from && { from: payload.from }),
          typedData: { domain, types, primaryType, message },
        },
      };
    }
    case 'callBatch': {
      const chain = chainNumber(payload.chainId);
      if (chain === 'missing') return no('noChain');
      if (chain === 'bad') return no('badChain');
      if (payload.calls.some((c) => c.to === null)) return no('creation');
      return {
        ok: true,
        request: {
          method: 'wallet_sendCalls',
          chainId: chain,
          ...(payload.from && { from: payload.from }),
          calls: payload.calls as (BatchCall & { to: Address })[],
          atomicRequired: payload.atomicRequired ?? false,
        },
      };
    }
    case 'transaction':
    case 'eip681':
      return transactionRequest(payload.tx);
  }
}

/**
 * A transaction to ask a wallet for: every field as inspected. EIP-7702 authorizations go with it
 * when each is signed (the wallet sends a type-4 transaction carrying them, if it supports that).
 */
function transactionRequest(tx: TransactionFields): WalletRequestResult {
  if (tx.type === 'eip4844' || tx.blobVersionedHashes) return no('blob');
  if (tx.authorizationList?.some((a) => a.r === undefined || a.s === undefined || a.yParity === undefined))
    return no('unsignedAuthorization');
  const chain = chainNumber(tx.chainId);
  if (chain === 'missing') return no('noChain');
  if (chain === 'bad') return no('badChain');
  if (tx.to === null) return no('creation');
  return {
    ok: true,
    request: {
      method: 'eth_sendTransaction',
      chainId: chain,
      ...(tx.from && { from: tx.from }),
      tx: tx as TransactionFields & { to: Address },
    },
  };
}

/** The fields a transaction leaves for the wallet to fill, of those the policy governs. */
export function walletFillsOf(tx: TransactionFields): WalletFill[] {
  const fills: WalletFill[] = [];
  if (tx.gas === undefined) fills.push('gas');
  if (tx.gasPrice === undefined && tx.maxFeePerGas === undefined) fills.push('fees');
  if (tx.nonce === undefined) fills.push('nonce');
  return fills;
}
