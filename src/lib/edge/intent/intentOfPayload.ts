import type { DecodedCall } from '../decode/types';
import type { Authorization, Payload } from '../payload';
import { intentOfCall } from './intentOfCall';
import { intentOfTypedData } from './intentOfTypedData';
import type { Intent } from './types';

const none = { args: {}, assets: [], counterparties: [], permissions: [], children: [] } as const;

/** An EIP-7702 authorization: the authority's account will run the delegate's code. */
function delegation(authorization: Authorization): Intent {
  return {
    ...none,
    kind: 'delegate',
    to: authorization.address,
    args: {
      chainId: authorization.chainId.toString(),
      address: authorization.address.toLowerCase(),
      nonce: authorization.nonce.toString(),
      ...(authorization.authority && { authority: authorization.authority.toLowerCase() }),
    },
    counterparties: [{ role: 'delegate', address: authorization.address }],
    permissions: [{ kind: 'delegation', to: authorization.address }],
    source: 'payload',
    confidence: 1,
  };
}

/**
 * The intent of any payload, from its decoded calls (see decodePayloadCalls): a transaction is its
 * call (EIP-7702 authorizations added as delegations), a batch is its calls, a user operation is
 * its callData; typed data is read by its primary type; a plain message is a message signature.
 */
export function intentOfPayload(payload: Payload, calls: readonly DecodedCall[]): Intent {
  const intents = calls.map(intentOfCall);
  switch (payload.kind) {
    case 'calldata':
    case 'userOperation':
      return intents[0] ?? unknown();
    case 'transaction':
    case 'rawTransaction':
    case 'eip681': {
      const call = intents[0] ?? unknown();
      const delegations = (payload.tx.authorizationList ?? []).map(delegation);
      if (delegations.length === 0) return call;
      // The delegations are what the transaction grants: they head the intent when the call itself does nothing.
      const noOp = call.source === 'empty' && call.assets.length === 0;
      return {
        ...call,
        kind: noOp ? 'delegate' : call.kind,
        counterparties: [...call.counterparties, ...delegations.flatMap((d) => d.counterparties)],
        permissions: [...call.permissions, ...delegations.flatMap((d) => d.permissions)],
        children: [...call.children, ...delegations],
      };
    }
    case 'callBatch':
      return {
        ...none,
        kind: 'batch',
        source: 'payload',
        confidence: Math.min(1, ...intents.map((c) => c.confidence)),
        children: intents,
      };
    case 'typedData':
      return intentOfTypedData(payload);
    case 'message':
      return { ...none, kind: 'messageSignature', source: 'message', confidence: 1 };
  }
}

function unknown(): Intent {
  return { ...none, kind: 'unknown', source: 'none', confidence: 0 };
}
