import type { Payload } from '../payload';
import { decodeCall } from './decodeCall';
import type { DecodedCall } from './types';

/**
 * Decodes the calls a payload makes: one for a transaction or calldata, one per call of a batch,
 * the `callData` of a user operation (run by its sender). Typed data and messages make none.
 */
export function decodePayloadCalls(payload: Payload): readonly DecodedCall[] {
  switch (payload.kind) {
    case 'calldata':
      return [decodeCall({ data: payload.data })];
    case 'transaction':
    case 'rawTransaction':
    case 'eip681': {
      const { tx } = payload;
      return [
        decodeCall({
          data: tx.data,
          to: tx.to,
          value: tx.value,
          ...(tx.chainId !== undefined && { chainId: tx.chainId }),
        }),
      ];
    }
    case 'callBatch':
      return payload.calls.map((call) =>
        decodeCall({
          data: call.data,
          to: call.to,
          value: call.value,
          ...(payload.chainId !== undefined && { chainId: payload.chainId }),
        }),
      );
    case 'userOperation':
      return [decodeCall({ data: payload.userOperation.callData, to: payload.userOperation.sender })];
    case 'typedData':
    case 'message':
      return [];
  }
}
