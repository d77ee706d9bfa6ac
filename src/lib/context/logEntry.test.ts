import { describe, expect, test } from 'vitest';
import { inspect } from '$lib/edge/inspect';
import { counterpartiesOf, logEntryOf } from './logEntry';
import { usdcTransfer } from './testing';

const ALICE = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const PERMIT2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';

describe('logEntryOf', () => {
  test('a token transfer: kind, verdict, rules, the recipient, the chain', () => {
    const input = usdcTransfer(ALICE);
    const entry = logEntryOf(inspect(input), input, 42);
    expect(entry).toMatchObject({
      at: 42,
      input,
      kind: 'transaction',
      verdict: 'allow',
      rules: [],
      counterparties: [ALICE],
      chainId: 1,
    });
    expect(entry.decision.schema).toBe('vigil.decision/1');
  });

  test('an unlimited approval names the spender and the rules that fired, once each', () => {
    const input = `0x095ea7b3000000000000000000000000${PERMIT2.slice(2).toLowerCase()}${'f'.repeat(64)}`;
    const result = inspect(input);
    const entry = logEntryOf(result, input, 1);
    expect(entry.counterparties).toEqual([PERMIT2]);
    expect(entry.rules).toContain('approval.unlimited');
    expect(new Set(entry.rules).size).toBe(entry.rules.length);
    expect(entry.chainId).toBeUndefined();
  });

  test('unreadable input is logged as unreadable, blocked or stepped up, with no counterparties', () => {
    for (const input of ['0x12', '{"to":', 'hello world']) {
      const entry = logEntryOf(inspect(input), input, 1);
      expect(entry.kind).toBe('unreadable');
      expect(entry.verdict).not.toBe('allow');
      expect(entry.counterparties).toEqual([]);
    }
  });
});

test('counterpartiesOf leaves out the contract called', () => {
  const result = inspect(usdcTransfer(ALICE));
  if (!result.ok) throw new Error('expected a decode');
  expect(counterpartiesOf(result.intent)).not.toContain('0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48');
});
