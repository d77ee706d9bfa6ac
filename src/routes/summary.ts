import { type Address, formatEther, formatUnits } from 'viem';
import { type DecodedCall, type DecodeIssueCode, treeConfidence } from '$lib/edge/decode/types';
import { formatInteger } from '$lib/edge/format';
import type { ActionKind, AssetAmount, Counterparty, Intent, Permission } from '$lib/edge/intent/types';
import type { Payload } from '$lib/edge/payload';
import { nativeCurrency } from '$lib/edge/tokens/nativeCurrency';
import { tokenInfo } from '$lib/edge/tokens/tokens';

/** The chain a payload names, when it names one. */
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

/** An asset of the intent tree, with what is needed to name it. */
export type SummaryAsset = AssetAmount & {
  /** No token contract and a known target: the chain's native currency. */
  readonly native: boolean;
};

/** Everything the intent tree does, gathered for the summary card. */
export type IntentDigest = {
  readonly kind: ActionKind;
  /** For a batch: the actions it is made of, in order (nested batches flattened). */
  readonly actions: readonly ActionKind[];
  readonly assets: readonly SummaryAsset[];
  readonly counterparties: readonly Counterparty[];
  readonly permissions: readonly Permission[];
};

/** Gathers the assets, counterparties and permissions of every node of an intent tree. */
export function digestIntent(intent: Intent): IntentDigest {
  const assets: SummaryAsset[] = [];
  const counterparties: Counterparty[] = [];
  const permissions: Permission[] = [];
  const seen = new Set<string>();
  const visit = (node: Intent): void => {
    // A call without a known target (bare calldata, typed data without a verifying contract)
    // cannot move the native currency: an asset without a token contract is an unnamed token.
    for (const asset of node.assets) assets.push({ ...asset, native: !asset.asset && node.to !== undefined });
    for (const party of node.counterparties) {
      const key = `${party.role}:${party.address.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      counterparties.push(party);
    }
    permissions.push(...node.permissions);
    node.children.forEach(visit);
  };
  visit(intent);
  return {
    kind: intent.kind,
    actions: intent.kind === 'batch' ? actionsOf(intent) : [],
    assets,
    counterparties,
    permissions,
  };
}

function actionsOf(intent: Intent): ActionKind[] {
  return intent.children.flatMap((child) =>
    child.kind === 'batch' && child.children.length > 0 ? actionsOf(child) : [child.kind],
  );
}

/** `1234567.5` → `1,234,567.5`: groups the integer digits of an exact decimal. */
function groupDecimal(text: string): string {
  const [whole = '', fraction] = text.split('.');
  const grouped = formatInteger(BigInt(whole));
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** An amount, named: `1,000 USDC`, `0.5 ETH`; `known` is false for a token Vigil cannot name. */
export type AmountText = { readonly amount?: string; readonly symbol?: string; readonly known: boolean };

/** Formats an amount of a token (or of the native currency) on a chain, exactly. */
export function amountText(
  amount: bigint | undefined,
  token: Address | undefined,
  native: boolean,
  chainId: bigint | undefined,
): AmountText {
  if (token) {
    const info = chainId === undefined ? undefined : tokenInfo(chainId, token);
    if (!info) return { ...(amount !== undefined && { amount: formatInteger(amount) }), known: false };
    return {
      ...(amount !== undefined && { amount: groupDecimal(formatUnits(amount, info.decimals)) }),
      symbol: info.symbol,
      known: true,
    };
  }
  if (!native) return { ...(amount !== undefined && { amount: formatInteger(amount) }), known: false };
  const currency = chainId === undefined ? undefined : nativeCurrency(chainId);
  const value =
    amount === undefined
      ? undefined
      : groupDecimal(currency ? formatUnits(amount, currency.decimals) : formatEther(amount));
  return {
    ...(value !== undefined && { amount: value }),
    ...(currency && { symbol: currency.symbol }),
    known: true,
  };
}

/** The native currency's symbol on a chain, `ETH` when the chain is not given or not known. */
export function nativeSymbol(chainId: bigint | undefined): string {
  return (chainId === undefined ? undefined : nativeCurrency(chainId)?.symbol) ?? 'ETH';
}

/** `2026-01-01 00:00:00 UTC` for Unix seconds, or `undefined` past what a date can hold. */
export function utcDate(seconds: bigint): string | undefined {
  if (seconds <= 0n || seconds > 8_640_000_000_000n) return undefined;
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Why the confidence is what it is: the source (and issue) of the weakest node. */
export type ConfidenceReason = { readonly source: Intent['source']; readonly issue?: DecodeIssueCode };

/** Follows the decoded tree down to a node of least confidence. */
function weakestCall(nodes: readonly DecodedCall[]): DecodedCall | undefined {
  let weakest: DecodedCall | undefined;
  for (const node of nodes) if (!weakest || treeConfidence(node) < treeConfidence(weakest)) weakest = node;
  if (!weakest) return undefined;
  const below = weakestCall(weakest.children);
  return below && treeConfidence(below) <= weakest.confidence ? below : weakest;
}

/** Follows the intent tree down to a node whose confidence is the whole tree's. */
function weakestIntent(intent: Intent): Intent {
  const child = intent.children.find((c) => c.confidence === intent.confidence);
  return child ? weakestIntent(child) : intent;
}

/** The reason behind the overall confidence: the weakest decoded call, else the weakest intent. */
export function confidenceReason(calls: readonly DecodedCall[], intent: Intent): ConfidenceReason {
  const call = weakestCall(calls);
  if (call && call.confidence <= intent.confidence)
    return { source: call.source, ...(call.issue && { issue: call.issue.code }) };
  return { source: weakestIntent(intent).source };
}
