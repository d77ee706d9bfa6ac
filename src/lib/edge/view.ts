import type { ClearSignDisplay } from './clearsign/types';
import type { DecodedCall } from './decode/types';
import type { ParseErrorInfo } from './errors';
import type { Decision } from './gate/decision';
import type { Intent } from './intent/types';
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
  | 'domainSeparator'
  | 'structHash'
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

/** What the inspector shows for an input. */
export type InspectResult =
  | {
      readonly ok: true;
      readonly kind: PayloadKind;
      readonly payload: Payload;
      readonly fields: readonly Field[];
      /** The calls the payload makes, each decoded with everything nested in it. */
      readonly calls: readonly DecodedCall[];
      /** What the payload does, as actions, assets, counterparties and permissions. */
      readonly intent: Intent;
      /** The ERC-7730 clear-signing display, when a descriptor is bound to the contract or domain. */
      readonly display?: ClearSignDisplay;
      /** The gate's verdict under the policy and facts given to inspect. */
      readonly decision: Decision;
    }
  | { readonly ok: false; readonly error: ParseErrorInfo; readonly decision: Decision };
