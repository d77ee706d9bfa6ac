import type { Address } from 'viem';
import type { Intent } from '../intent/types';
import { walkIntent } from './walk';

/** 2^256 − 1: what an unlimited grant counts as. */
export const MAX_UINT256 = (1n << 256n) - 1n;

/** One thing a request sends or grants a counterparty. */
export type Flow = {
  readonly counterparty: Address;
  /** `native`, or the token contract. */
  readonly asset: Address | 'native';
  /** Base units; an unlimited grant is `MAX_UINT256`. */
  readonly amount: bigint;
  readonly kind: 'send' | 'grant';
};

/** What signing a request would give away: its flows, and whom it pays and whom it empowers. */
export type Flows = {
  readonly flows: readonly Flow[];
  /** Recipients of payments and transfers, in tree order. */
  readonly recipients: readonly Address[];
  /** Spenders, operators, delegates and new owners the request grants a standing permission. */
  readonly grantees: readonly Address[];
};

/**
 * The flows of an intent tree: each allowance it grants (to the spender) and each amount it sends
 * (to the node's recipient). Pure; the shell turns them into history and the exposure ledger.
 */
export function flowsOf(intent: Intent): Flows {
  const flows: Flow[] = [];
  const recipients: Address[] = [];
  const grantees: Address[] = [];
  for (const [node] of walkIntent(intent)) {
    for (const permission of node.permissions) {
      grantees.push(permission.to);
      if (permission.kind === 'allowance')
        flows.push({
          counterparty: permission.to,
          asset: permission.asset ?? 'native',
          amount: permission.unlimited ? MAX_UINT256 : (permission.amount ?? 0n),
          kind: 'grant',
        });
    }
    const recipient = node.counterparties.find((c) => c.role === 'recipient')?.address;
    if (!recipient) continue;
    recipients.push(recipient);
    for (const asset of node.assets)
      if (asset.role === 'send' && asset.amount !== undefined)
        flows.push({
          counterparty: recipient,
          asset: asset.asset ?? 'native',
          amount: asset.amount,
          kind: 'send',
        });
  }
  return { flows, recipients, grantees };
}
