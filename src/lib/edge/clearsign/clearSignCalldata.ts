import { type ClearSignCalldataParameters, tryClearSignCalldata } from './tryClearSignCalldata';
import type { ClearSignDisplay } from './types';

/**
 * The ERC-7730 clear-signing display of a contract call, or `null` when the registry has no
 * descriptor or format for it or the data is not exactly what the descriptor describes
 * (tryClearSignCalldata says why).
 */
export function clearSignCalldata(parameters: ClearSignCalldataParameters): ClearSignDisplay | null {
  return tryClearSignCalldata(parameters).display;
}
