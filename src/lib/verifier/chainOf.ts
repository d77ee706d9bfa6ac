import type { Payload } from '../edge/payload';

/** The chain a payload names: the transaction's, the batch's or the typed-data domain's; `undefined` when it names none. */
export function chainOf(payload: Payload): bigint | undefined {
  switch (payload.kind) {
    case 'transaction':
    case 'rawTransaction':
    case 'eip681':
      return payload.tx.chainId;
    case 'callBatch':
      return payload.chainId;
    case 'typedData':
      return payload.domain.chainId;
    default:
      return undefined;
  }
}
