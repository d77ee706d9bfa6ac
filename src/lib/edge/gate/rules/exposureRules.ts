import type { Address } from 'viem';
import type { AssetAmount } from '../../intent/types';
import type { Rule, RuleContext } from '../rule';
import { short, walkIntent } from '../walk';

const MAX = (1n << 256n) - 1n;
const assetKey = (asset: Address | undefined): string => (asset ? asset.toLowerCase() : 'native');

function limitOf(limits: Readonly<Record<string, string>>, key: string): bigint | undefined {
  const entry = Object.entries(limits).find(([k]) => k.toLowerCase() === key);
  return entry && /^\d+$/.test(entry[1]) ? BigInt(entry[1]) : undefined;
}

/** What this request sends or grants, per counterparty and asset (unlimited counts as the maximum). */
function outflows(
  ctx: RuleContext,
): { counterparty?: Address; asset: string; amount: bigint; path: string }[] {
  const out: { counterparty?: Address; asset: string; amount: bigint; path: string }[] = [];
  for (const [node, path] of walkIntent(ctx.intent)) {
    const counterparty = node.counterparties[0]?.address;
    for (const [i, a] of node.assets.entries()) {
      if (a.role === 'receive' || (a.amount === undefined && !a.unlimited)) continue;
      const amount = (a as AssetAmount).unlimited ? MAX : (a.amount as bigint);
      out.push({
        ...(counterparty && { counterparty }),
        asset: assetKey(a.asset),
        amount,
        path: `${path}.assets[${i}]`,
      });
    }
  }
  return out;
}

export const valueOverLimit: Rule = {
  id: 'value.over-limit',
  title: 'Over your per-asset limit',
  needs: [],
  severity: 'high',
  evaluate: (ctx) => {
    for (const flow of outflows(ctx)) {
      const limit = limitOf(ctx.policy.limits.perAsset, flow.asset);
      if (limit !== undefined && flow.amount > limit)
        return {
          path: flow.path,
          message: `This moves or allows ${flow.amount === MAX ? 'an unlimited amount' : flow.amount.toString()} of ${flow.asset === 'native' ? 'the native currency' : short(flow.asset)}, over your limit of ${limit}.`,
        };
    }
    return null;
  },
};

export const exposureCumulative: Rule = {
  id: 'exposure.cumulative',
  title: 'Too much to one counterparty this session',
  needs: ['exposure'],
  severity: 'high',
  evaluate: (ctx) => {
    for (const flow of outflows(ctx)) {
      if (!flow.counterparty) continue;
      const limit = limitOf(ctx.policy.limits.perCounterparty, flow.asset);
      if (limit === undefined) continue;
      const earlier = ctx.facts.exposure
        .filter(
          (e) =>
            e.counterparty.toLowerCase() === flow.counterparty?.toLowerCase() &&
            assetKey(e.asset === 'native' ? undefined : e.asset) === flow.asset,
        )
        .reduce((sum, e) => sum + e.amount, 0n);
      if (earlier + flow.amount > limit)
        return {
          path: flow.path,
          message: `With what you already granted or sent ${short(flow.counterparty)} this session, ${short(flow.counterparty)} could take more than your limit of ${limit}.`,
        };
    }
    return null;
  },
};
