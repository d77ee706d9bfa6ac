import type { Address } from 'viem';
import { findLookalike } from '../../facts/findLookalike';
import { knownMalicious } from '../../facts/maliciousAddresses';
import { tokenInfo } from '../../tokens/tokens';
import type { Rule, RuleContext } from '../rule';
import { includesAddress, requestChainId, short, walkCalls, walkIntent } from '../walk';

/** Every address the request names as someone it pays, lets act, delegates to, or calls. */
function* parties(ctx: RuleContext): Generator<readonly [Address, string]> {
  for (const [node, path] of walkIntent(ctx.intent)) {
    for (const [i, party] of node.counterparties.entries())
      yield [party.address, `${path}.counterparties[${i}]`];
    for (const [i, permission] of node.permissions.entries())
      yield [permission.to, `${path}.permissions[${i}]`];
  }
  for (const [call, path] of walkCalls(ctx.calls)) if (call.to) yield [call.to, `${path}.to`];
  const p = ctx.payload;
  if (p?.kind === 'typedData' && p.domain.verifyingContract)
    yield [p.domain.verifyingContract, 'payload.domain.verifyingContract'];
}

export const addressKnownMalicious: Rule = {
  id: 'address.known-malicious',
  title: 'Known malicious address',
  needs: [],
  severity: 'critical',
  evaluate: (ctx) => {
    const chainId = requestChainId(ctx);
    for (const [address, path] of parties(ctx)) {
      if (includesAddress(ctx.policy.denylist, address) || includesAddress(ctx.facts.denylist, address))
        return { path, message: `${short(address)} is on your denylist.` };
      const known = knownMalicious(address, chainId);
      if (known)
        return {
          path,
          message: `${short(address)} is labelled ${known.category} (${known.label}) by ${known.source}.`,
        };
    }
    return null;
  },
};

/** Recipients of transfers and payments in the intent tree. */
function* recipients(ctx: RuleContext) {
  for (const [node, path] of walkIntent(ctx.intent))
    for (const [i, party] of node.counterparties.entries())
      if (party.role === 'recipient')
        yield { node, address: party.address, path: `${path}.counterparties[${i}]` } as const;
}

export const recipientLookalike: Rule = {
  id: 'recipient.lookalike',
  title: 'Look-alike of an address you know',
  // Either the address book or the history is enough; with neither there is nothing to look like.
  needs: [],
  severity: 'critical',
  evaluate: (ctx) => {
    const known = [
      ...ctx.facts.addressBook.map((e) => e.address),
      ...ctx.facts.history.map((e) => e.address),
    ];
    for (const { address, path } of recipients(ctx)) {
      const twin = findLookalike(address, known);
      if (twin) {
        const name = ctx.facts.addressBook.find((e) => e.address.toLowerCase() === twin.toLowerCase())?.name;
        return {
          path,
          message: `${address} looks like ${name ? `${name} (${twin})` : twin} but is a different address: a classic address-poisoning trap.`,
        };
      }
    }
    return null;
  },
};

export const recipientNew: Rule = {
  id: 'recipient.new',
  title: 'First payment to this address',
  needs: ['history'],
  severity: 'low',
  evaluate: (ctx) => {
    if (!ctx.facts.historyKnown) return null;
    for (const { address, path } of recipients(ctx)) {
      const seen =
        ctx.facts.history.some((e) => e.address.toLowerCase() === address.toLowerCase()) ||
        ctx.facts.addressBook.some((e) => e.address.toLowerCase() === address.toLowerCase());
      if (!seen) return { path, message: `You have never sent anything to ${short(address)} before.` };
    }
    return null;
  },
};

export const transferToTokenContract: Rule = {
  id: 'transfer.to-token-contract',
  title: 'Tokens sent to a token contract',
  needs: [],
  severity: 'high',
  evaluate: (ctx) => {
    const chainId = requestChainId(ctx);
    for (const { node, address, path } of recipients(ctx)) {
      if (node.kind !== 'tokenTransfer') continue; // ETH sent to WETH is a deposit, not a loss
      const toItsOwnToken = node.assets.some(
        (a) => a.asset && a.asset.toLowerCase() === address.toLowerCase(),
      );
      const toAnyToken = chainId !== undefined && tokenInfo(chainId, address) !== undefined;
      if (toItsOwnToken || toAnyToken)
        return {
          path,
          message: `${short(address)} is a token contract: tokens sent there are almost always lost.`,
        };
    }
    return null;
  },
};
