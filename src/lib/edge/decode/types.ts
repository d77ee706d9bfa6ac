import type { AbiFunction, AbiParameter, Address, Hex } from 'viem';

/**
 * Where a decode came from, most to least certain. See DESIGN.md "Confidence γ".
 * - `registry`: an ABI vetted for this very contract (address on this chain);
 * - `signature`: a function known by its text signature only, one candidate fits the data;
 * - `ambiguous`: several candidate signatures fit the data;
 * - `guess`: a layout guessed from the bytes;
 * - `none`: nothing decodes.
 * `empty` is a call without data (a plain value transfer): nothing to decode, nothing unknown.
 */
export type DecodeSource = 'registry' | 'signature' | 'ambiguous' | 'guess' | 'none' | 'empty';

/** Confidence γ of each source. */
export const sourceConfidence: Readonly<Record<DecodeSource, number>> = {
  empty: 1,
  registry: 1,
  signature: 0.7,
  ambiguous: 0.4,
  guess: 0.3,
  none: 0,
};

/** Why a node is not (fully) decoded. */
export type DecodeIssueCode =
  /** Under 4 bytes: no selector. */
  | 'truncated'
  /** No known function has this selector. */
  | 'unknownSelector'
  /** Known selectors, but the data is not the exact encoding of any of them. */
  | 'malformed'
  /** The arguments decode exactly, and more bytes follow them. */
  | 'trailingData'
  /** Nesting past the depth limit: not decoded further. */
  | 'tooDeep'
  /** More nested calls than the size limit: the rest are not decoded. */
  | 'tooManyCalls'
  /** A nested payload (MultiSend bytes, a router plan) whose layout is broken. */
  | 'invalidNested'
  /** A Universal Router command or v4 action byte Vigil does not know. */
  | 'unknownCommand';

/** A problem found while decoding a node. */
export type DecodeIssue = { readonly code: DecodeIssueCode; readonly message: string };

/** One decoded argument: its ABI parameter and its value as viem decodes it (bigint, Address, Hex, …). */
export type DecodedArgument = {
  readonly name: string;
  readonly type: string;
  readonly param: AbiParameter;
  readonly value: unknown;
};

/** One node of the decoded tree: a call, or a step of a router plan. */
export type DecodedCall = {
  /** What this node is: a contract call, a Universal Router command, a v4 action. */
  readonly kind: 'call' | 'command' | 'action';
  /** Call target, when known (`null` creates a contract). */
  readonly to?: Address | null;
  readonly value?: bigint;
  /** Safe transactions and MultiSend entries say how the call is made. */
  readonly operation?: 'call' | 'delegatecall';
  readonly dataSize: number;
  readonly selector?: Hex;
  readonly source: DecodeSource;
  /** γ of this node alone; see {@link treeConfidence} for the subtree. */
  readonly confidence: number;
  /** The function (or command) decoded, with its canonical signature `name(type,…)`. */
  readonly function?: { readonly name: string; readonly signature: string; readonly item?: AbiFunction };
  readonly args: readonly DecodedArgument[];
  /** Every canonical signature that fits the data, when more than one does and none settles it. */
  readonly candidates?: readonly string[];
  /**
   * Signatures known only as text that also fit, when a vetted ABI's function settled the decode:
   * selector collisions, listed so nothing is hidden.
   */
  readonly collisions?: readonly string[];
  /** The registry contract this call is bound to. */
  readonly contract?: { readonly id: string; readonly name: string };
  /** For swaps: the tokens from input to output, read from the command's path. */
  readonly route?: readonly Address[];
  /** For commands: the command byte and whether it may revert without failing the plan. */
  readonly command?: { readonly byte: number; readonly allowRevert: boolean };
  readonly issue?: DecodeIssue;
  readonly children: readonly DecodedCall[];
};

/** γ of a subtree: the minimum over its nodes. */
export function treeConfidence(node: DecodedCall): number {
  let min = node.confidence;
  for (const child of node.children) min = Math.min(min, treeConfidence(child));
  return min;
}
