import type { Address, Hex } from 'viem';

/** One line of a clear-signing display: what the user reads. */
export type ClearSignField = {
  /** The descriptor's label, e.g. `Amount`. */
  label: string;
  /** The rendered value, e.g. `0.5 WETH`, `2025-02-07 00:00:00 UTC`, a checksummed address. */
  value: string;
  /** Where the value was read: `#.` call data or message, `@.` container, `$.` descriptor. A field
   * of a nested call is `outer>inner`. */
  path: string;
  /** The ERC-7730 format used (`raw` when a format was missing or not supported). */
  format: string;
  /** 1 and more for the fields of a nested call (ERC-7730 `calldata` format); absent at the top. */
  depth?: number;
};

/** What a hardware wallet with the same descriptor would show, rendered offline. */
export type ClearSignDisplay = {
  /** The intent, e.g. `Send`, `Authorize spending of tokens`. */
  title: string;
  fields: ClearSignField[];
  /** The descriptor used, as its path in the registry, e.g. `registry/weth/calldata-weth.json`. */
  descriptor: string;
  /** `metadata.owner` (or `contractName`) of the descriptor. */
  owner?: string;
  /** A generic ERC descriptor (`ercs/`) applied to a contract the registry does not bind it to. */
  generic?: true;
  /** Things the user should know: unknown tokens, paths that did not resolve, unsupported formats. */
  warnings: string[];
};

/** Why no display was produced. Stable codes; the message is for people. */
export type ClearSignMissCode =
  /** No descriptor is bound to this contract / EIP-712 domain. */
  | 'noDescriptor'
  /** A descriptor is bound, but none of its formats is for this function / message type. */
  | 'noFormat'
  /** The call data does not decode as the function the descriptor describes. */
  | 'undecodable'
  /** The call data decodes, but is not the canonical ABI encoding of what it decodes to. */
  | 'notCanonical'
  /** The input is not usable (e.g. a typed-data value of the wrong type). */
  | 'invalidInput'
  /** Nested calls deeper than the limit. */
  | 'tooDeep';

/** The outcome of a clear-signing attempt: a display, or the reason there is none. */
export type ClearSignOutcome =
  | { display: ClearSignDisplay; reason?: undefined }
  | { display: null; reason: { code: ClearSignMissCode; message: string } };

/** A decoded value, typed: call arguments and EIP-712 messages both become this tree. */
export type ValueNode =
  | {
      kind: 'leaf';
      /** The ABI / EIP-712 type: `address`, `uint256`, `bytes`, `bytes32`, `bool`, `string`… */
      type: string;
      /** bigint for integers, boolean, checksummed address, lowercase hex for bytes, or text. */
      value: bigint | boolean | string;
    }
  | { kind: 'array'; type: string; items: readonly ValueNode[] }
  | { kind: 'struct'; type: string; fields: Readonly<Record<string, ValueNode>> };

/** The `@.` values: the transaction (or the EIP-712 domain and signer) around the data. */
export type Container = {
  /** Absent for EIP-712 data whose domain names no chain. */
  chainId?: bigint;
  to?: Address;
  from?: Address;
  value?: bigint;
};

/** A field of a display format, as compacted by scripts/erc7730/build.ts. */
export type DescriptorField = {
  path?: string;
  label?: string;
  format?: string;
  params?: Readonly<Record<string, unknown>>;
  /** Absent: shown. `never`: hidden. An object: a condition (`ifNotIn`, `mustMatch`). */
  visible?: 'never' | 'optional' | 'always' | Readonly<Record<string, unknown>>;
  fields?: readonly DescriptorField[];
  /** A constant instead of a path: a literal or a `$.metadata…` reference. */
  value?: unknown;
};

/** One entry of `display.formats`, keyed by a function signature or an EIP-712 encodeType. */
export type DescriptorFormat = {
  intent?: string | Readonly<Record<string, string>>;
  fields: readonly DescriptorField[];
};

/** A descriptor with includes resolved and only what rendering needs. */
export type Descriptor = {
  id: string;
  kind: 'calldata' | 'eip712';
  /** `[chainId, lowercase address]` pairs. */
  deployments?: readonly (readonly [number, string])[];
  domain?: { name?: string; version?: string };
  owner?: string;
  contractName?: string;
  constants?: Readonly<Record<string, unknown>>;
  enums?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  token?: { ticker?: string; name?: string; decimals?: number };
  generic?: true;
  /** Index into the shared display bodies. */
  display: number;
};

/** What a nested call (ERC-7730 `calldata` format) is rendered from. */
export type NestedCall = {
  chainId: bigint;
  to: Address;
  from?: Address;
  value: bigint;
  data: Hex;
  depth: number;
};

/** Everything a format needs to render one value. */
export type RenderContext = {
  descriptor: Descriptor;
  container: Container;
  data: ValueNode;
  depth: number;
  /** Renders a nested call; supplied by clearSignCalldata so the modules stay acyclic. */
  nested: (call: NestedCall) => ClearSignOutcome;
};
