import type { Address } from 'viem';
import type { ActionKind, Intent } from '../edge/intent/types';
import { type AssetKey, assetInfo, assetKeyOf } from './assets';

/** One action node of the edge's intent tree, as Δ compares it. */
export type EdgeAction = {
  readonly kind: ActionKind;
  /** It grants a standing permission (an allowance, operator, delegation or ownership). */
  readonly grants: boolean;
  /** The assets it allows (for approvals and permits). */
  readonly allows: readonly AssetKey[];
};

/** Something the request sends or lets someone spend, with what Vigil knows of the asset. */
export type Outflow = {
  readonly asset: AssetKey;
  readonly role: 'send' | 'allow';
  /** Base units; `undefined` when the payload does not say (an NFT by id, a permit without amount). */
  readonly amount?: bigint;
  readonly unlimited: boolean;
  readonly symbol?: string;
  readonly decimals?: number;
};

/** The edge intent flattened to what Δ compares: actions, outflows and counterparties. */
export type EdgeReading = {
  readonly actions: readonly EdgeAction[];
  readonly outflows: readonly Outflow[];
  /** Every counterparty and permission holder, checksummed, in tree order, without repeats. */
  readonly counterparties: readonly Address[];
};

/**
 * Flattens an intent tree: every node but the `batch` containers is an action; every `send` or
 * `allow` asset and every allowance or operator permission is an outflow (an operator approval
 * counts as unlimited); every counterparty and permission holder is a counterparty. Pure.
 */
export function readEdge(intent: Intent, chainId: bigint | undefined): EdgeReading {
  const actions: EdgeAction[] = [];
  const outflows: Outflow[] = [];
  const counterparties = new Map<string, Address>();
  const outflow = (entry: Omit<Outflow, 'symbol' | 'decimals'>): Outflow => {
    const info = assetInfo(entry.asset, chainId);
    return {
      ...entry,
      ...(info.symbol !== undefined && { symbol: info.symbol }),
      ...(info.decimals !== undefined && { decimals: info.decimals }),
    };
  };
  const visit = (node: Intent) => {
    const allows: AssetKey[] = [];
    for (const a of node.assets) {
      if (a.role === 'receive') continue;
      const asset = assetKeyOf(node, a);
      if (a.role === 'allow') allows.push(asset);
      outflows.push(
        outflow({
          asset,
          role: a.role,
          ...(a.amount !== undefined && { amount: a.amount }),
          unlimited: a.unlimited === true,
        }),
      );
    }
    for (const p of node.permissions) {
      counterparties.set(p.to.toLowerCase(), p.to);
      if (p.kind !== 'allowance' && p.kind !== 'operator') continue;
      const asset = assetKeyOf(node, p);
      allows.push(asset);
      outflows.push(
        outflow({
          asset,
          role: 'allow',
          ...(p.amount !== undefined && { amount: p.amount }),
          unlimited: p.kind === 'operator' || p.unlimited === true,
        }),
      );
    }
    for (const c of node.counterparties) counterparties.set(c.address.toLowerCase(), c.address);
    if (node.kind !== 'batch') actions.push({ kind: node.kind, grants: node.permissions.length > 0, allows });
    for (const child of node.children) visit(child);
  };
  visit(intent);
  return { actions, outflows, counterparties: [...counterparties.values()] };
}
