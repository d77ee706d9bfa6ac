export { clearSignCalldata } from './clearSignCalldata';
export { clearSignTypedData } from './clearSignTypedData';
export { REGISTRY_SOURCE } from './descriptors';
export { MAX_NESTED_DEPTH } from './limits';
export { SUPPORTED_FORMATS } from './renderValue';
export { type ClearSignCalldataParameters, tryClearSignCalldata } from './tryClearSignCalldata';
export { type ClearSignTypedDataParameters, tryClearSignTypedData } from './tryClearSignTypedData';
export type { ClearSignDisplay, ClearSignField, ClearSignMissCode, ClearSignOutcome } from './types';
