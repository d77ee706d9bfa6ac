import { getAddress } from 'viem';
import { knownDelegate } from '../../facts/delegates';
import { contractAt } from '../../registry/registry';
import type { Rule, RuleContext } from '../rule';
import { includesAddress, requestChainId, short, walkCalls, walkIntent } from '../walk';

export const delegate7702Unknown: Rule = {
  id: 'delegate.7702-unknown',
  title: 'EIP-7702 delegation to an unknown contract',
  needs: [],
  severity: 'high',
  evaluate: (ctx) => {
    for (const [node, path] of walkIntent(ctx.intent)) {
      if (node.kind !== 'delegate' || node.source !== 'payload' || !node.to) continue;
      const trusted =
        knownDelegate(node.to) !== undefined ||
        includesAddress(ctx.facts.delegates, node.to) ||
        includesAddress(ctx.policy.allowlist, node.to);
      if (!trusted) {
        const other = otherAuthority(ctx, node.args.authority);
        return {
          path,
          message: other
            ? `The account ${short(getAddress(other))} would run the code of ${short(node.to)}, which is not a wallet delegate Vigil knows: it could move everything that account holds.`
            : `Your account would run the code of ${short(node.to)}, which is not a wallet delegate Vigil knows: it could move everything you own.`,
        };
      }
    }
    return null;
  },
};

/** The account an authorization delegates when it is not the sender's own (a sponsored delegation). */
function otherAuthority(ctx: RuleContext, authority: unknown): string | undefined {
  const tx = ctx.payload && 'tx' in ctx.payload ? ctx.payload.tx : undefined;
  if (typeof authority !== 'string' || !tx?.from || tx.from.toLowerCase() === authority) return undefined;
  return authority;
}

export const delegate7702AllChains: Rule = {
  id: 'delegate.7702-all-chains',
  title: 'EIP-7702 delegation valid on every chain',
  needs: [],
  severity: 'high',
  evaluate: (ctx) => {
    for (const [node, path] of walkIntent(ctx.intent))
      if (node.kind === 'delegate' && node.source === 'payload' && node.args.chainId === '0')
        return { path, message: 'The authorization has chain id 0: it can be replayed on every EVM chain.' };
    return null;
  },
};

const upgrades = new Set([
  'upgradeTo(address)',
  'upgradeToAndCall(address,bytes)',
  'changeAdmin(address)',
  'upgrade(address,address)',
  'upgradeAndCall(address,address,bytes)',
  'changeProxyAdmin(address,address)',
]);

export const adminOwnershipChange: Rule = {
  id: 'admin.ownership-change',
  title: 'Ownership or control change',
  needs: [],
  severity: 'high',
  evaluate: (ctx) => {
    for (const [node, path] of walkIntent(ctx.intent))
      if (node.kind === 'adminChange' && !upgrades.has(node.function ?? ''))
        return {
          path,
          message: `This changes who controls a contract or account (${node.function ?? 'admin call'}).`,
        };
    return null;
  },
};

export const adminUpgrade: Rule = {
  id: 'admin.upgrade',
  title: 'Contract upgrade',
  needs: [],
  severity: 'high',
  evaluate: (ctx) => {
    for (const [node, path] of walkIntent(ctx.intent))
      if (upgrades.has(node.function ?? ''))
        return { path, message: `This replaces a contract's code or admin (${node.function}).` };
    return null;
  },
};

export const callDelegatecall: Rule = {
  id: 'call.delegatecall',
  title: 'Delegatecall',
  needs: [],
  severity: 'high',
  evaluate: (ctx) => {
    const chainId = requestChainId(ctx);
    for (const [call, path] of walkCalls(ctx.calls)) {
      if (call.operation !== 'delegatecall') continue;
      const target = call.to && chainId !== undefined ? contractAt(chainId, call.to) : undefined;
      if (!target?.id.startsWith('safe.multi-send'))
        return {
          path,
          message: `The Safe would run ${call.to ? short(call.to) : 'unknown code'} as itself (delegatecall): that code can take everything the Safe holds.`,
        };
    }
    return null;
  },
};
