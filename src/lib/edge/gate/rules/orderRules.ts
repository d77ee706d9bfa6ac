import type { Rule } from '../rule';
import { short, signer, walkIntent } from '../walk';

export const orderProceedsToOther: Rule = {
  id: 'order.proceeds-to-other',
  title: 'Order pays someone else',
  needs: [],
  severity: 'high',
  evaluate: (ctx) => {
    const me = signer(ctx)?.toLowerCase();
    for (const [node, path] of walkIntent(ctx.intent)) {
      if (node.kind !== 'order') continue;
      for (const [i, party] of node.counterparties.entries())
        if (party.role === 'recipient' && party.address.toLowerCase() !== me)
          return {
            path: `${path}.counterparties[${i}]`,
            message: `Part of what this order pays goes to ${short(party.address)}, not to you.`,
          };
    }
    return null;
  },
};

export const orderZeroPrice: Rule = {
  id: 'order.zero-price',
  title: 'Assets offered for nothing',
  needs: [],
  severity: 'critical',
  evaluate: (ctx) => {
    for (const [node, path] of walkIntent(ctx.intent)) {
      if (node.kind !== 'order') continue;
      const gives = node.assets.some((a) => a.role === 'send');
      const gets = node.assets
        .filter((a) => a.role === 'receive')
        .reduce((sum, a) => sum + (a.amount ?? 0n), 0n);
      if (gives && gets === 0n)
        return { path, message: 'You give assets away and receive nothing in return.' };
    }
    return null;
  },
};

export const orderBulk: Rule = {
  id: 'order.bulk',
  title: 'Bulk order signature',
  needs: [],
  severity: 'high',
  evaluate: (ctx) =>
    ctx.payload?.kind === 'typedData' && ctx.payload.primaryType === 'BulkOrder'
      ? {
          path: 'intent',
          message:
            'One signature lists many orders at once; a wallet cannot show them all. Sign bulk orders only on the marketplace you trust.',
        }
      : null,
};
