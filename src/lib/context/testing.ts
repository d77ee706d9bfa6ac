import type { Decision } from '$lib/edge/gate/decision';
import { inspect } from '$lib/edge/inspect';
import type { Intent } from '$lib/edge/intent/types';
import type { DecisionInput } from './store';

/** Deterministic ids for tests: `id-1`, `id-2`, … */
export function counterIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** A token transfer on mainnet: 100 USDC to `to`. */
export function usdcTransfer(to: string): string {
  return JSON.stringify({
    chainId: 1,
    from: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    to: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
    data: `0xa9059cbb000000000000000000000000${to.slice(2).toLowerCase()}0000000000000000000000000000000000000000000000000000000005f5e100`,
    value: '0',
  });
}

/** Inspects `input` under no private context and returns what the shell logs, with the intent. */
export function decided(
  input: string,
  at: number,
): { entry: DecisionInput; intent?: Intent; decision: Decision } {
  const result = inspect(input);
  const decision = result.decision;
  return {
    decision,
    ...(result.ok && { intent: result.intent }),
    entry: {
      at,
      input,
      kind: result.ok ? result.kind : 'unreadable',
      decision,
      verdict: decision.verdict,
      rules: decision.findings.map((f) => f.rule),
      counterparties: [],
    },
  };
}
