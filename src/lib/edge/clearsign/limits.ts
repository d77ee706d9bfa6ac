/** How deep calls nested in call data (ERC-7730 `calldata` format) are decoded. */
export const MAX_NESTED_DEPTH = 3;
