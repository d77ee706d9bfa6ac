import { type Address, formatUnits } from 'viem';
import type { AssetAmount, Counterparty, Intent, Permission } from '../edge/intent/types';
import { contractAt } from '../edge/registry/registry';
import { type AssetKey, assetInfo, assetKeyOf } from './assets';
import { clip } from './text';

/** An address the person knows (address book, history, allowlist), with the name they gave it. */
export type KnownAddress = { readonly address: Address; readonly name?: string };

/** What a projection may use besides the intent: the request's chain and the person's known addresses. */
export type ProjectionContext = {
  readonly chainId?: bigint;
  readonly known?: readonly KnownAddress[];
};

/** An amount as a model reads it: in whole tokens when the decimals are known, else in base units. */
type ProjectedAmount = { amount?: string; baseUnits?: string; unlimited?: true };

export type ProjectedAsset = ProjectedAmount & {
  role: AssetAmount['role'];
  asset: AssetKey;
  symbol?: string;
  tokenId?: string;
};

export type ProjectedCounterparty = {
  role: Counterparty['role'];
  address: Address;
  /** In the person's address book, history or allowlist; present only when the context lists them. */
  known?: boolean;
  /** The person's name for it. */
  name?: string;
  /** The protocol contract Vigil's registry binds to it. */
  protocol?: string;
};

export type ProjectedPermission = ProjectedAmount & {
  kind: Permission['kind'];
  to: Address;
  asset?: AssetKey;
  symbol?: string;
  /** Unix seconds. */
  expiry?: string;
};

/** A compact, JSON-ready reading of an edge intent node for a prompt; paths match the edge's (`intent.children[1]…`). */
export type ProjectedIntent = {
  kind: Intent['kind'];
  function?: string;
  to?: Address;
  protocol?: string;
  confidence: number;
  assets: ProjectedAsset[];
  counterparties: ProjectedCounterparty[];
  permissions: ProjectedPermission[];
  children?: ProjectedIntent[];
  /** How many list entries or nested calls were left out to stay small. */
  omitted?: number;
};

/** Caps that keep a projection small: nodes in all, nesting depth, entries per list, characters per string. */
export const PROJECTION_LIMITS = {
  nodes: 24,
  depth: 6,
  list: 12,
  functionChars: 160,
  nameChars: 48,
} as const;

/** Chains to look a contract up on when the request does not say its chain (as the edge's approval rules do). */
const majorChains = [1n, 10n, 56n, 137n, 8453n, 42161n, 43114n];

function protocolOf(address: Address, chainId: bigint | undefined): string | undefined {
  for (const id of chainId === undefined ? majorChains : [chainId]) {
    const contract = contractAt(id, address);
    if (contract) return clip(contract.name, PROJECTION_LIMITS.nameChars);
  }
  return undefined;
}

function amountOf(
  amount: bigint | undefined,
  unlimited: boolean | undefined,
  decimals: number | undefined,
): ProjectedAmount {
  if (unlimited) return { unlimited: true };
  if (amount === undefined) return {};
  return decimals === undefined
    ? { baseUnits: amount.toString() }
    : { amount: formatUnits(amount, decimals) };
}

class Projector {
  #nodes = 0;
  readonly #chainId: bigint | undefined;
  readonly #known: readonly KnownAddress[] | undefined;

  constructor(context: ProjectionContext) {
    this.#chainId = context.chainId;
    this.#known = context.known;
  }

  #symbol(asset: AssetKey): { symbol?: string; decimals?: number } {
    const info = assetInfo(asset, this.#chainId);
    return {
      ...(info.symbol !== undefined && { symbol: clip(info.symbol, 24) }),
      ...(info.decimals !== undefined && { decimals: info.decimals }),
    };
  }

  #counterparty(c: Counterparty): ProjectedCounterparty {
    const lower = c.address.toLowerCase();
    const entry = this.#known?.find((k) => k.address.toLowerCase() === lower);
    const protocol = protocolOf(c.address, this.#chainId);
    return {
      role: c.role,
      address: c.address,
      ...(this.#known && { known: entry !== undefined }),
      ...(entry?.name && { name: clip(entry.name, PROJECTION_LIMITS.nameChars) }),
      ...(protocol && { protocol }),
    };
  }

  node(intent: Intent, depth: number): ProjectedIntent {
    this.#nodes++;
    let omitted = 0;
    const take = <T>(list: readonly T[]): readonly T[] => {
      omitted += Math.max(0, list.length - PROJECTION_LIMITS.list);
      return list.slice(0, PROJECTION_LIMITS.list);
    };
    const assets = take(intent.assets).map((a): ProjectedAsset => {
      const key = assetKeyOf(intent, a);
      const { symbol, decimals } = this.#symbol(key);
      return {
        role: a.role,
        asset: key,
        ...(symbol !== undefined && { symbol }),
        ...amountOf(a.amount, a.unlimited, decimals),
        ...(a.tokenId !== undefined && { tokenId: a.tokenId.toString() }),
      };
    });
    const permissions = take(intent.permissions).map((p): ProjectedPermission => {
      const key = p.kind === 'allowance' || p.kind === 'operator' ? assetKeyOf(intent, p) : undefined;
      const { symbol, decimals } = key ? this.#symbol(key) : {};
      return {
        kind: p.kind,
        to: p.to,
        ...(key && { asset: key }),
        ...(symbol !== undefined && { symbol }),
        ...amountOf(p.amount, p.unlimited, decimals),
        ...(p.expiry !== undefined && { expiry: p.expiry.toString() }),
      };
    });
    const counterparties = take(intent.counterparties).map((c) => this.#counterparty(c));
    const children: ProjectedIntent[] = [];
    for (const child of intent.children) {
      if (depth + 1 >= PROJECTION_LIMITS.depth || this.#nodes >= PROJECTION_LIMITS.nodes) omitted++;
      else children.push(this.node(child, depth + 1));
    }
    const protocol = intent.to ? protocolOf(intent.to, this.#chainId) : undefined;
    return {
      kind: intent.kind,
      ...(intent.function && { function: clip(intent.function, PROJECTION_LIMITS.functionChars) }),
      ...(intent.to && { to: intent.to }),
      ...(protocol && { protocol }),
      confidence: intent.confidence,
      assets,
      counterparties,
      permissions,
      ...(children.length > 0 && { children }),
      ...(omitted > 0 && { omitted }),
    };
  }
}

/**
 * The edge intent as a model is shown it: action kind, function, assets with tickers and amounts in
 * whole tokens (when the bundled tables know the decimals), counterparties with their roles, whether
 * the person knows them and which protocol contract they are, permissions, and nested calls —
 * capped by `PROJECTION_LIMITS`. Plain JSON: no bigints. Pure.
 */
export function projectIntent(intent: Intent, context: ProjectionContext = {}): ProjectedIntent {
  return new Projector(context).node(intent, 0);
}
