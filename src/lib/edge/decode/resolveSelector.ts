import { type AbiFunction, type Address, type Hex, parseAbiItem, toFunctionSelector } from 'viem';
import { contractAt, functionsBySelector } from '../registry/registry';
import { tokenInfo } from '../tokens/tokens';
import { fourByteSignatures } from './signatures/fourByteSignatures';

/** A function a selector may stand for, and where Vigil knows it from. */
export type SelectorCandidate = {
  readonly signature: string;
  readonly item: AbiFunction;
  /** `bound`: in the registry ABI of the very contract called; `registry`: in a vetted ABI elsewhere; `text`: a text signature only. */
  readonly origin: 'bound' | 'registry' | 'text';
};

/** What is known about a call's selector at its target. */
export type SelectorResolution = {
  readonly contract?: { readonly id: string; readonly name: string };
  /** Candidates, best origin first; within an origin, by signature. */
  readonly candidates: readonly SelectorCandidate[];
};

let textIndex: Map<Hex, SelectorCandidate[]> | undefined;

/** The text-signature table, parsed once. Spam signatures stay in: they are how collisions are seen. */
function textCandidates(selector: Hex): readonly SelectorCandidate[] {
  if (!textIndex) {
    textIndex = new Map();
    for (const [sel, signature] of fourByteSignatures) {
      const item = parseAbiItem(`function ${signature}`) as AbiFunction;
      if (toFunctionSelector(item) !== sel) continue; // a corrupt table row never becomes a candidate
      const list = textIndex.get(sel) ?? [];
      list.push({ signature, item, origin: 'text' });
      textIndex.set(sel, list);
    }
  }
  return textIndex.get(selector) ?? [];
}

/** Standard interfaces a listed token is held to implement (ERC-20 and its allowance helpers). */
const tokenInterfaces = ['erc20', 'erc20.allowance-helpers'];

/**
 * The contract at (chainId, to): a registry contract, or a token from the bundled token lists —
 * a maintained list that names the address as an ERC-20 token binds it to the ERC-20 interface.
 */
function boundContract(
  chainId: bigint,
  to: Address,
):
  | {
      readonly contract: { readonly id: string; readonly name: string };
      readonly interfaces: readonly string[];
    }
  | undefined {
  const contract = contractAt(chainId, to);
  if (contract) return { contract: { id: contract.id, name: contract.name }, interfaces: [] };
  const token = tokenInfo(chainId, to);
  if (token)
    return {
      contract: { id: `token:${token.symbol}`, name: `${token.name} (${token.symbol})` },
      interfaces: tokenInterfaces,
    };
  return undefined;
}

const originRank = { bound: 0, registry: 1, text: 2 } as const;

/** Collects every function the selector may be, from the registry (bound first) and the text table. */
export function resolveSelector(
  selector: Hex,
  chainId: bigint | undefined,
  to: Address | null | undefined,
): SelectorResolution {
  const bound = chainId !== undefined && to ? boundContract(chainId, to) : undefined;
  const contract = bound?.contract;
  const bySignature = new Map<string, SelectorCandidate>();
  for (const fn of functionsBySelector(selector)) {
    const origin =
      bound &&
      (fn.contracts.includes(bound.contract.id) || fn.interfaces.some((id) => bound.interfaces.includes(id)))
        ? 'bound'
        : 'registry';
    bySignature.set(fn.signature, { signature: fn.signature, item: fn.item, origin });
  }
  for (const candidate of textCandidates(selector))
    if (!bySignature.has(candidate.signature)) bySignature.set(candidate.signature, candidate);
  const candidates = [...bySignature.values()].sort(
    (a, b) =>
      originRank[a.origin] - originRank[b.origin] ||
      (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0),
  );
  return { ...(contract && { contract }), candidates };
}
