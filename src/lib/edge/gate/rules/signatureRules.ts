import type { Rule } from '../rule';

export const signatureBlind: Rule = {
  id: 'signature.blind',
  title: 'Blind signature over a hash',
  needs: [],
  severity: 'high',
  evaluate: (ctx) => {
    const p = ctx.payload;
    if (p?.kind !== 'message') return null;
    if (p.blindHash)
      return {
        path: 'payload',
        message: 'eth_sign over a 32-byte hash: this can be a transaction or a permit you cannot see.',
      };
    if (p.raw.length === 66 && p.text === undefined)
      return {
        path: 'payload',
        message:
          'The message is exactly 32 unreadable bytes, the shape of a transaction hash: you cannot see what it authorizes.',
      };
    return null;
  },
};

export const typedDataDomainMismatch: Rule = {
  id: 'typed-data.domain-mismatch',
  title: 'Typed data for another chain',
  needs: ['chainId'],
  severity: 'high',
  evaluate: (ctx) => {
    const p = ctx.payload;
    const wallet = ctx.facts.chainId;
    if (p?.kind !== 'typedData' || wallet === undefined || p.domain.chainId === undefined) return null;
    if (p.domain.chainId !== wallet && p.domain.chainId !== 0n)
      return {
        path: 'payload.domain.chainId',
        message: `The signature is for chain ${p.domain.chainId} while your wallet is on chain ${wallet}.`,
      };
    return null;
  },
};
