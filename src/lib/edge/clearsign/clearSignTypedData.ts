import { type ClearSignTypedDataParameters, tryClearSignTypedData } from './tryClearSignTypedData';
import type { ClearSignDisplay } from './types';

/**
 * The ERC-7730 clear-signing display of EIP-712 typed data, or `null` when the registry has no
 * descriptor or format for it (tryClearSignTypedData says why).
 */
export function clearSignTypedData(parameters: ClearSignTypedDataParameters): ClearSignDisplay | null {
  return tryClearSignTypedData(parameters).display;
}
