import type { Address, Hex } from 'viem';

/** Envelope type of an Ethereum transaction. */
export type TxType = 'legacy' | 'eip2930' | 'eip1559' | 'eip4844' | 'eip7702';

/** One EIP-2930 access-list entry. */
export type AccessListEntry = { readonly address: Address; readonly storageKeys: readonly Hex[] };

/** One EIP-7702 authorization tuple; `authority` is the signer recovered from it, when signed. */
export type Authorization = {
  readonly chainId: bigint;
  readonly address: Address;
  readonly nonce: bigint;
  readonly yParity?: number;
  readonly r?: Hex;
  readonly s?: Hex;
  readonly authority?: Address;
};

/** The normalized fields of a transaction, whatever form it came in. Every quantity is a bigint. */
export type TransactionFields = {
  readonly type?: TxType;
  readonly chainId?: bigint;
  readonly from?: Address;
  /** `null` creates a contract. */
  readonly to: Address | null;
  readonly value: bigint;
  readonly data: Hex;
  readonly nonce?: bigint;
  readonly gas?: bigint;
  readonly gasPrice?: bigint;
  readonly maxFeePerGas?: bigint;
  readonly maxPriorityFeePerGas?: bigint;
  readonly maxFeePerBlobGas?: bigint;
  readonly accessList?: readonly AccessListEntry[];
  readonly blobVersionedHashes?: readonly Hex[];
  readonly authorizationList?: readonly Authorization[];
};

/** Bare calldata: a 4-byte selector and its arguments. */
export type CalldataPayload = { readonly kind: 'calldata'; readonly data: Hex; readonly selector: Hex };

/** A transaction request given as JSON (an object, `eth_sendTransaction` params, or a JSON-RPC request). */
export type TransactionPayload = {
  readonly kind: 'transaction';
  /** The JSON-RPC method when the input was a request, e.g. `eth_sendTransaction`. */
  readonly method?: string;
  readonly tx: TransactionFields;
};

/** The signature of a signed raw transaction. */
export type TransactionSignature = {
  readonly r: Hex;
  readonly s: Hex;
  readonly yParity: number;
  /** Legacy transactions only. */
  readonly v?: bigint;
};

/** A serialized (RLP or typed-envelope) transaction, signed or not. */
export type RawTransactionPayload = {
  readonly kind: 'rawTransaction';
  readonly raw: Hex;
  readonly txType: TxType;
  readonly signed: boolean;
  /** keccak256 of the transaction's bytes (without blob sidecars): the transaction hash when signed. */
  readonly hash: Hex;
  readonly signature?: TransactionSignature;
  /** `tx.from` is the recovered sender when the transaction is signed. */
  readonly tx: TransactionFields;
};

/** One EIP-712 type member. */
export type TypedDataField = { readonly name: string; readonly type: string };

/** The EIP-712 domain, normalized (chainId a bigint, verifyingContract checksummed). */
export type TypedDataDomain = {
  readonly name?: string;
  readonly version?: string;
  readonly chainId?: bigint;
  readonly verifyingContract?: Address;
  readonly salt?: Hex;
};

/** EIP-712 typed data (`eth_signTypedData_v4`), normalized and hashed. */
export type TypedDataPayload = {
  readonly kind: 'typedData';
  readonly method?: string;
  /** The account asked to sign, when the request names one. */
  readonly from?: Address;
  readonly domain: TypedDataDomain;
  readonly types: Readonly<Record<string, readonly TypedDataField[]>>;
  readonly primaryType: string;
  /** The message with every integer a bigint, every address checksummed, every bytes value lower-case hex. */
  readonly message: Readonly<Record<string, unknown>>;
  /** The EIP-712 digest the signature commits to. */
  readonly digest: Hex;
};

/** A `personal_sign` or `eth_sign` message. */
export type MessagePayload = {
  readonly kind: 'message';
  readonly method: 'personal_sign' | 'eth_sign';
  readonly from?: Address;
  /** The exact bytes to be signed. */
  readonly raw: Hex;
  /** The bytes as text, when they are valid UTF-8 without control characters. */
  readonly text?: string;
  /** eth_sign over exactly 32 bytes: a blind signature over a hash (possibly a transaction). */
  readonly blindHash: boolean;
  /** The EIP-191 digest the signature commits to (personal_sign) or the raw 32 bytes (eth_sign). */
  readonly digest?: Hex;
};

/** An EIP-681 payment request or function call URI, resolved to a transaction. */
export type Eip681Payload = {
  readonly kind: 'eip681';
  readonly uri: string;
  /** The function named in the URI, with its typed arguments, when it is a call. */
  readonly call?: {
    readonly functionName: string;
    readonly signature: string;
    readonly args: readonly { readonly type: string; readonly value: string }[];
  };
  readonly tx: TransactionFields;
};

/** One call of an EIP-5792 batch. */
export type BatchCall = { readonly to: Address | null; readonly value: bigint; readonly data: Hex };

/** An EIP-5792 `wallet_sendCalls` batch. */
export type CallBatchPayload = {
  readonly kind: 'callBatch';
  readonly method?: string;
  readonly version?: string;
  readonly chainId?: bigint;
  readonly from?: Address;
  readonly atomicRequired?: boolean;
  readonly calls: readonly BatchCall[];
  /** Capability names requested (e.g. `paymasterService`); their values are not interpreted. */
  readonly capabilities: readonly string[];
};

/** Fields shared by ERC-4337 v0.6 and v0.7 user operations. */
type UserOperationBase = {
  readonly sender: Address;
  readonly nonce: bigint;
  readonly callData: Hex;
  readonly callGasLimit: bigint;
  readonly verificationGasLimit: bigint;
  readonly preVerificationGas: bigint;
  readonly maxFeePerGas: bigint;
  readonly maxPriorityFeePerGas: bigint;
  readonly signature: Hex;
};

/** An ERC-4337 v0.6 user operation. */
export type UserOperationV06 = UserOperationBase & {
  readonly initCode: Hex;
  readonly paymasterAndData: Hex;
};

/** An ERC-4337 v0.7 user operation (unpacked RPC shape). */
export type UserOperationV07 = UserOperationBase & {
  readonly factory?: Address;
  readonly factoryData?: Hex;
  readonly paymaster?: Address;
  readonly paymasterVerificationGasLimit?: bigint;
  readonly paymasterPostOpGasLimit?: bigint;
  readonly paymasterData?: Hex;
};

/** An ERC-4337 user operation (`eth_sendUserOperation`). */
export type UserOperationPayload =
  | {
      readonly kind: 'userOperation';
      readonly entryPointVersion: '0.6';
      readonly entryPoint?: Address;
      readonly userOperation: UserOperationV06;
    }
  | {
      readonly kind: 'userOperation';
      readonly entryPointVersion: '0.7';
      readonly entryPoint?: Address;
      readonly userOperation: UserOperationV07;
    };

/** Everything Vigil can be asked to inspect, normalized. */
export type Payload =
  | CalldataPayload
  | TransactionPayload
  | RawTransactionPayload
  | TypedDataPayload
  | MessagePayload
  | Eip681Payload
  | CallBatchPayload
  | UserOperationPayload;

/** The kind of a payload. */
export type PayloadKind = Payload['kind'];
