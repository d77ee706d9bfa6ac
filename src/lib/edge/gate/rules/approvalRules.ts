import type { Address } from 'viem';
import { contractAt } from '../../registry/registry';
import type { Rule, RuleContext } from '../rule';
import { includesAddress, requestChainId, short, walkIntent } from '../walk';

const DAY = 86_400;

/** Chains to look a spender up on when the request does not say its chain (bare calldata). */
const majorChains = [1n, 10n, 56n, 137n, 8453n, 42161n, 43114n];

/**
 * Whether the registry binds `address` to a protocol contract on the request's chain — or, when the
 * chain is unknown, on any major chain (Permit2, routers and Safe share addresses across chains).
 */
function knownContract(chainId: bigint | undefined, address: Address): boolean {
  return (chainId === undefined ? majorChains : [chainId]).some(
    (id) => contractAt(id, address) !== undefined,
  );
}

/** Allowances and operator grants in the intent tree, with their paths. */
function* grants(ctx: RuleContext) {
  for (const [node, path] of walkIntent(ctx.intent))
    for (const [i, permission] of node.permissions.entries())
      if (permission.kind === 'allowance' || permission.kind === 'operator')
        yield { node, permission, path: `${path}.permissions[${i}]` } as const;
}

export const approvalUnlimited: Rule = {
  id: 'approval.unlimited',
  title: 'Unlimited token approval',
  needs: [],
  severity: 'medium',
  evaluate: (ctx) => {
    for (const { permission, path } of grants(ctx))
      if (permission.kind === 'allowance' && permission.unlimited)
        return {
          path,
          message: `Lets ${short(permission.to)} spend every token of this kind you hold, now and later.`,
        };
    return null;
  },
};

export const approvalAll: Rule = {
  id: 'approval.all',
  title: 'Approval for all NFTs of a collection',
  needs: [],
  severity: 'high',
  evaluate: (ctx) => {
    for (const { permission, path } of grants(ctx))
      if (permission.kind === 'operator')
        return { path, message: `Lets ${short(permission.to)} move every NFT you hold in this collection.` };
    return null;
  },
};

export const approvalLongExpiry: Rule = {
  id: 'approval.long-expiry',
  title: 'Approval that lasts a long time',
  needs: [],
  severity: 'low',
  /** Days an approval may last before this rule fires. */
  threshold: 30,
  evaluate: (ctx, days = 30) => {
    for (const { permission, path } of grants(ctx)) {
      if (permission.kind !== 'allowance' || permission.expiry === undefined) continue;
      const now = ctx.facts.now;
      // Without the time, only expiries past the year 3000 count as "never".
      const far =
        now === undefined
          ? permission.expiry > 32_503_680_000n
          : permission.expiry - now > BigInt(Math.round(days * DAY));
      if (far)
        return {
          path,
          message: `The approval to ${short(permission.to)} stays valid for more than ${days} days.`,
        };
    }
    return null;
  },
};

export const approvalToUnknown: Rule = {
  id: 'approval.to-unknown',
  title: 'Approval to an unknown spender',
  needs: [],
  severity: 'medium',
  evaluate: (ctx) => {
    const chainId = requestChainId(ctx);
    for (const { permission, path } of grants(ctx)) {
      const known =
        includesAddress(ctx.policy.allowlist, permission.to) ||
        includesAddress(ctx.facts.allowlist, permission.to) ||
        ctx.facts.addressBook.some((entry) => entry.address.toLowerCase() === permission.to.toLowerCase()) ||
        knownContract(chainId, permission.to);
      if (!known)
        return {
          path,
          message: `${short(permission.to)} is not a protocol contract Vigil knows, nor on your allowlist or in your address book.`,
        };
    }
    return null;
  },
};

export const approvalToEoa: Rule = {
  id: 'approval.to-eoa',
  title: 'Approval to an account without code',
  needs: ['hasCode'],
  severity: 'high',
  evaluate: (ctx) => {
    for (const { permission, path } of grants(ctx))
      if (ctx.facts.hasCode[permission.to.toLowerCase()] === false)
        return {
          path,
          message: `${short(permission.to)} is a plain account, not a contract: protocols do not ask for approvals to people.`,
        };
    return null;
  },
};

export const permitOffchain: Rule = {
  id: 'permit.offchain',
  title: 'Gasless permit signature',
  needs: [],
  severity: 'low',
  evaluate: (ctx) => {
    const intent = ctx.intent;
    if (ctx.payload?.kind !== 'typedData' || intent?.kind !== 'permit') return null;
    return {
      path: 'intent',
      message:
        'This signature costs no gas and shows no transaction, yet anyone holding it can move your tokens later without asking again.',
    };
  },
};
