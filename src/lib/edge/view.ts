import type { Address, Hex } from 'viem';
import type { ParseErrorInfo } from './errors';
import type { Payload, PayloadKind } from './payload';

/** Names of the fields the inspector shows; the UI translates each as `field.<key>`. */
export type FieldKey =
  | 'chain'
  | 'from'
  | 'to'
  | 'contractCreation'
  | 'value'
  | 'txType'
  | 'signed'
  | 'hash'
  | 'nonce'
  | 'gas'
  | 'gasPrice'
  | 'maxFeePerGas'
  | 'maxPriorityFeePerGas'
  | 'maxFeePerBlobGas'
  | 'blobCount'
  | 'accessList'
  | 'authorizations'
  | 'dataSize'
  | 'selector'
  | 'data'
  | 'method'
  | 'primaryType'
  | 'domainName'
  | 'domainVersion'
  | 'verifyingContract'
  | 'digest'
  | 'message'
  | 'messageText'
  | 'entryPoint'
  | 'sender'
  | 'callCount'
  | 'atomicRequired'
  | 'capabilities'
  | 'uri'
  | 'function';

/** One normalized field, ready to display: `value` for reading, `copy` the exact value to copy. */
export type Field = {
  readonly key: FieldKey;
  readonly value: string;
  /** A second rendering, e.g. the wei amount under the ETH amount. */
  readonly detail?: string;
  readonly copy: string;
  /** Show in a monospace, wrapping block (hex, JSON). */
  readonly block?: boolean;
  /**
   * How to localize `value`: `boolean` fields hold `yes`/`no`; `bytes` fields hold a byte count
   * in `copy`. Other values are language-neutral (addresses, amounts with units, hex).
   */
  readonly format?: 'boolean' | 'bytes';
};

/** One decoded argument, its value rendered as text. */
export type DecodedArg = { readonly name: string; readonly type: string; readonly value: string };

/** The decode of one call's data against the standard ABIs Vigil ships. */
export type CallDecode =
  | { readonly status: 'empty' }
  | { readonly status: 'tooShort'; readonly size: number }
  | { readonly status: 'unknown'; readonly selector: Hex }
  | {
      readonly status: 'decoded';
      readonly selector: Hex;
      readonly functionName: string;
      readonly signature: string;
      /** Every standard whose ABI has this function, e.g. `['ERC-20', 'ERC-721']`. */
      readonly standards: readonly string[];
      readonly args: readonly DecodedArg[];
    }
  | {
      readonly status: 'malformed';
      readonly selector: Hex;
      readonly signature: string;
      readonly standards: readonly string[];
      readonly reason: string;
    };

/** One call the payload makes (a transaction has one, a batch several). */
export type CallView = {
  readonly index: number;
  readonly to?: Address | null;
  readonly value?: bigint;
  readonly dataSize: number;
  readonly decode: CallDecode;
};

/** What the inspector shows for an input. */
export type InspectResult =
  | {
      readonly ok: true;
      readonly kind: PayloadKind;
      readonly payload: Payload;
      readonly fields: readonly Field[];
      readonly calls: readonly CallView[];
    }
  | { readonly ok: false; readonly error: ParseErrorInfo };
