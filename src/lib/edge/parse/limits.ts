/** The largest input Vigil reads, in characters (4 MiB: room for a blob transaction with sidecars). */
export const MAX_INPUT_CHARS = 4 * 1024 * 1024;

/** The deepest JSON nesting Vigil reads. */
export const MAX_JSON_DEPTH = 64;

/** The most calls a batch, or entries an access or authorization list, may hold. */
export const MAX_LIST_ITEMS = 10_000;

/** The largest unsigned value any EVM quantity can hold (2^256 - 1). */
export const MAX_UINT256 = (1n << 256n) - 1n;
