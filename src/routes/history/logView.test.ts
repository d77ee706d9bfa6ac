import type { Address } from 'viem';
import { describe, expect, test } from 'vitest';
import {
  type ContextData,
  type DecisionLogRecord,
  type ExposureRecord,
  emptyContext,
  type HistoryRecord,
} from '$lib/context/records';
import { decided, usdcTransfer } from '$lib/context/testing';
import type { Finding } from '$lib/edge/gate/decision';
import {
  actionKey,
  contactFor,
  exposureView,
  historyByLastSeen,
  isUnlimited,
  kindKey,
  ruleBadges,
  shortAddress,
} from './logView';

const alice = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045' as const;

test('shortAddress: eight digits at each end, so a look-alike does not look the same', () => {
  expect(shortAddress(alice)).toBe('0xd8dA6BF2…7aA96045');
  expect(shortAddress('0xd8DA000000000000000000000000000000006045')).toBe('0xd8DA0000…00006045');
  expect(shortAddress('0x1234')).toBe('0x1234');
});

test('actionKey: known kinds, a batch without its count, unknown kinds', () => {
  expect(actionKey('tokenTransfer')).toBe('action.tokenTransfer');
  expect(actionKey('batch')).toBe('history.batch');
  expect(actionKey('teleport')).toBe('action.unknown');
  expect(actionKey('batchOne')).toBe('action.batchOne');
});

test('kindKey: known kinds, unreadable input, unknown kinds', () => {
  expect(kindKey('typedData')).toBe('kind.typedData');
  expect(kindKey('unreadable')).toBe('history.unreadable');
  expect(kindKey('hologram')).toBeUndefined();
});

describe('ruleBadges', () => {
  const { entry: logged } = decided(usdcTransfer(alice), 0);
  const finding = (rule: string, severity: Finding['severity']): Finding => ({
    rule,
    severity,
    message: rule,
    path: 'intent',
  });
  const entry = (rules: string[], findings: Finding[]): DecisionLogRecord => ({
    ...logged,
    id: 'x',
    inputBytes: 0,
    userAction: 'pending',
    rules,
    decision: { ...logged.decision, findings },
  });

  test('most severe first, ties in the logged order, the highest severity per rule', () => {
    const badges = ruleBadges(
      entry(
        ['recipient.new', 'recipient.lookalike', 'approval.unlimited', 'decode.partial'],
        [
          finding('recipient.new', 'low'),
          finding('recipient.lookalike', 'critical'),
          finding('approval.unlimited', 'medium'),
          finding('decode.partial', 'low'),
          finding('recipient.new', 'high'),
        ],
      ),
    );
    expect(badges).toEqual([
      { rule: 'recipient.lookalike', severity: 'critical' },
      { rule: 'recipient.new', severity: 'high' },
      { rule: 'approval.unlimited', severity: 'medium' },
      { rule: 'decode.partial', severity: 'low' },
    ]);
  });

  test('a rule without its finding comes last, without a severity; duplicates once', () => {
    expect(ruleBadges(entry(['x', 'y', 'x'], [finding('y', 'info')]))).toEqual([
      { rule: 'y', severity: 'info' },
      { rule: 'x' },
    ]);
  });
});

test('contactFor: any case', () => {
  const book = [
    { id: '1', name: 'Alice', address: alice, chains: [], notes: '', createdAt: 0, updatedAt: 0 },
  ] as const;
  expect(contactFor(alice.toLowerCase(), book)?.name).toBe('Alice');
  expect(contactFor('0x000000000022D473030F116dDEE9F6B43aC78BA3', book)).toBeUndefined();
});

test('historyByLastSeen', () => {
  const h = (id: string, lastSeen: number): HistoryRecord => ({
    id,
    address: alice,
    firstSeen: 0,
    lastSeen,
    count: 1,
    directions: ['sent'],
  });
  expect(historyByLastSeen([h('a', 1), h('b', 3), h('c', 2)]).map((r) => r.id)).toEqual(['b', 'c', 'a']);
});

describe('exposureView', () => {
  const now = Date.UTC(2025, 0, 31, 23, 0);
  const e = (id: string, day: string, counterparty: Address = alice): ExposureRecord => ({
    id,
    day,
    asset: 'native',
    counterparty,
    amount: '1',
    count: 1,
  });
  const exposure = [
    e('old', '2025-01-29'),
    e('yesterday', '2025-01-30'),
    e('today-b', '2025-01-31', '0xb000000000000000000000000000000000000000'),
    e('today-a', '2025-01-31', '0xa000000000000000000000000000000000000000'),
    e('future', '2025-02-01'),
  ];

  test('default window: today (UTC) only', () => {
    const view = exposureView({ ...emptyContext, exposure }, now);
    expect(view.windowDays).toBe(1);
    expect(view.entries.map((x) => x.id)).toEqual(['today-a', 'today-b']);
    expect(view.older).toBe(2);
  });

  test("the policy's window, newest day first", () => {
    const data: ContextData = {
      ...emptyContext,
      exposure,
      policy: [{ id: 'current', document: {}, exposureWindowDays: 2, updatedAt: 0 }],
    };
    const view = exposureView(data, now);
    expect(view.windowDays).toBe(2);
    expect(view.entries.map((x) => x.id)).toEqual(['today-a', 'today-b', 'yesterday']);
    expect(view.older).toBe(1);
  });
});

test('isUnlimited', () => {
  expect(isUnlimited((2n ** 256n - 1n).toString())).toBe(true);
  expect(isUnlimited('1000')).toBe(false);
});
