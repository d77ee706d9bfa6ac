import type { Address } from 'viem';
import type { Intent } from '../intent/types';
import type { ExposureEntry, Facts } from './facts';
import { walkIntent } from './walk';

const MAX = (1n << 256n) - 1n;

/**
 * The facts after the user signed a request with this intent: its recipients join the history,
 * and what it grants or sends to each counterparty adds to the session's exposure. Pure: the shell
 * (and the multi-turn scenarios) carry facts from one turn to the next with it.
 */
export function advanceFacts(facts: Facts, intent: Intent, at?: bigint): Facts {
  const exposure: ExposureEntry[] = [...facts.exposure];
  const seen: Address[] = [];
  for (const [node] of walkIntent(intent)) {
    for (const permission of node.permissions)
      if (permission.kind === 'allowance')
        exposure.push({
          counterparty: permission.to,
          asset: permission.asset ?? 'native',
          amount: permission.unlimited ? MAX : (permission.amount ?? 0n),
          ...(at !== undefined && { at }),
        });
    const recipient = node.counterparties.find((c) => c.role === 'recipient')?.address;
    if (!recipient) continue;
    seen.push(recipient);
    for (const asset of node.assets)
      if (asset.role === 'send' && asset.amount !== undefined)
        exposure.push({
          counterparty: recipient,
          asset: asset.asset ?? 'native',
          amount: asset.amount,
          ...(at !== undefined && { at }),
        });
  }
  const history = [...facts.history];
  for (const address of seen)
    if (!history.some((h) => h.address.toLowerCase() === address.toLowerCase()))
      history.push({ address, ...(at !== undefined && { lastSeen: at }) });
  return { ...facts, history, historyKnown: true, exposure };
}
