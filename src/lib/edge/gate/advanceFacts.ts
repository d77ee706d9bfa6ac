import type { Intent } from '../intent/types';
import type { ExposureEntry, Facts } from './facts';
import { flowsOf } from './flowsOf';

/**
 * The facts after the user signed a request with this intent: its recipients join the history,
 * and what it grants or sends to each counterparty adds to the session's exposure. Pure: the shell
 * (and the multi-turn scenarios) carry facts from one turn to the next with it.
 */
export function advanceFacts(facts: Facts, intent: Intent, at?: bigint): Facts {
  const { flows, recipients } = flowsOf(intent);
  const exposure: ExposureEntry[] = [
    ...facts.exposure,
    ...flows.map(({ counterparty, asset, amount }) => ({
      counterparty,
      asset,
      amount,
      ...(at !== undefined && { at }),
    })),
  ];
  const history = [...facts.history];
  for (const address of recipients)
    if (!history.some((h) => h.address.toLowerCase() === address.toLowerCase()))
      history.push({ address, ...(at !== undefined && { lastSeen: at }) });
  return { ...facts, history, historyKnown: true, exposure };
}
