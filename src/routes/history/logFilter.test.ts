import { describe, expect, test } from 'vitest';
import type { DecisionLogRecord } from '$lib/context/records';
import { decided, usdcTransfer } from '$lib/context/testing';
import {
  filterFromQuery,
  filterLog,
  isFiltered,
  type LogFilter,
  newestFirst,
  queryFromFilter,
  rulesInLog,
} from './logFilter';

const alice = '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045';
const lookalike = '0xd8DA000000000000000000000000000000006045';
const permit2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';

/** A log entry from a real decision; `over` changes what the test is about. */
function entry(id: string, over: Partial<DecisionLogRecord> = {}): DecisionLogRecord {
  const { entry: logged } = decided(usdcTransfer(alice), 1_000);
  return {
    ...logged,
    id,
    inputBytes: logged.input.length,
    counterparties: [alice],
    userAction: 'pending',
    ...over,
  };
}

const log: DecisionLogRecord[] = [
  entry('a', { at: 1_000, verdict: 'allow', userAction: 'signed' }),
  entry('b', {
    at: 3_000,
    verdict: 'stepup',
    rules: ['approval.unlimited'],
    counterparties: [permit2],
    userAction: 'cancelled',
  }),
  entry('c', {
    at: 2_000,
    verdict: 'block',
    rules: ['recipient.lookalike', 'recipient.new'],
    counterparties: [lookalike],
    userAction: 'overridden',
  }),
  entry('d', { at: 4_000, verdict: 'block', rules: ['input.malformed'], counterparties: [] }),
];

const ids = (entries: readonly DecisionLogRecord[]): string[] => entries.map((e) => e.id);

describe('newestFirst', () => {
  test('sorts by time, newest first', () => {
    expect(ids(newestFirst(log))).toEqual(['d', 'b', 'c', 'a']);
  });

  test('equal times keep their order, and the input is not reordered', () => {
    const same = [entry('x', { at: 5 }), entry('y', { at: 5 }), entry('z', { at: 6 })];
    expect(ids(newestFirst(same))).toEqual(['z', 'x', 'y']);
    expect(ids(same)).toEqual(['x', 'y', 'z']);
  });
});

describe('filterLog', () => {
  test('no criteria: everything, in order', () => {
    expect(ids(filterLog(log, {}))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(filterLog(log, { verdicts: [] }))).toEqual(['a', 'b', 'c', 'd']);
  });

  test('verdicts: any of those given', () => {
    expect(ids(filterLog(log, { verdicts: ['block'] }))).toEqual(['c', 'd']);
    expect(ids(filterLog(log, { verdicts: ['allow', 'stepup'] }))).toEqual(['a', 'b']);
  });

  test('rule: entries where it fired', () => {
    expect(ids(filterLog(log, { rule: 'recipient.lookalike' }))).toEqual(['c']);
    expect(ids(filterLog(log, { rule: 'recipient' }))).toEqual([]);
  });

  test('counterparty: part of an address, any case, with or without 0x', () => {
    expect(ids(filterLog(log, { counterparty: '0xd8da' }))).toEqual(['a', 'c']);
    expect(ids(filterLog(log, { counterparty: 'D8DA6BF2' }))).toEqual(['a']);
    expect(ids(filterLog(log, { counterparty: '22d473' }))).toEqual(['b']);
    expect(ids(filterLog(log, { counterparty: '  6045 ' }))).toEqual(['a', 'c']);
    expect(ids(filterLog(log, { counterparty: '0xfeed' }))).toEqual([]);
    expect(ids(filterLog(log, { counterparty: ' ' }))).toEqual(['a', 'b', 'c', 'd']);
  });

  test('userAction', () => {
    expect(ids(filterLog(log, { userAction: 'overridden' }))).toEqual(['c']);
    expect(ids(filterLog(log, { userAction: 'pending' }))).toEqual(['d']);
  });

  test('text: rules, hashes, ids, the input', () => {
    expect(ids(filterLog(log, { text: 'MALFORMED' }))).toEqual(['d']);
    const hash = log[0]?.decision.payloadHash.slice(0, 12) ?? '';
    expect(ids(filterLog(log, { text: hash }))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(filterLog(log, { text: 'a9059cbb' }))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(filterLog(log, { text: 'nothing like it' }))).toEqual([]);
  });

  test('every criterion must hold', () => {
    expect(ids(filterLog(log, { verdicts: ['block'], counterparty: '0xd8da' }))).toEqual(['c']);
    expect(ids(filterLog(log, { verdicts: ['block'], userAction: 'signed' }))).toEqual([]);
  });
});

test('rulesInLog: each rule once, sorted', () => {
  expect(rulesInLog(log)).toEqual([
    'approval.unlimited',
    'input.malformed',
    'recipient.lookalike',
    'recipient.new',
  ]);
  expect(rulesInLog([])).toEqual([]);
});

test('isFiltered', () => {
  expect(isFiltered({})).toBe(false);
  expect(isFiltered({ verdicts: [], counterparty: '  ' })).toBe(false);
  expect(isFiltered({ verdicts: ['allow'] })).toBe(true);
  expect(isFiltered({ userAction: 'pending' })).toBe(true);
});

describe('the URL query', () => {
  test('reads every criterion', () => {
    const query = new URLSearchParams(
      'verdict=block&verdict=stepup&rule=recipient.lookalike&counterparty=0xd8da&action=overridden&q=x',
    );
    expect(filterFromQuery(query)).toEqual({
      verdicts: ['stepup', 'block'],
      rule: 'recipient.lookalike',
      counterparty: '0xd8da',
      userAction: 'overridden',
      text: 'x',
    });
  });

  test('a comma list of verdicts works too; unknown values are ignored', () => {
    expect(filterFromQuery(new URLSearchParams('verdict=allow,nope&action=maybe'))).toEqual({
      verdicts: ['allow'],
    });
    expect(filterFromQuery(new URLSearchParams(''))).toEqual({});
  });

  test('writes what it reads back', () => {
    const filter: LogFilter = {
      verdicts: ['block', 'allow'],
      rule: 'recipient.lookalike',
      counterparty: 'd8 da',
      userAction: 'signed',
      text: 'a&b',
    };
    const query = queryFromFilter(filter);
    expect(query.toString()).toBe(
      'verdict=allow&verdict=block&rule=recipient.lookalike&counterparty=d8+da&action=signed&q=a%26b',
    );
    expect(filterFromQuery(new URLSearchParams(query.toString()))).toEqual({
      ...filter,
      verdicts: ['allow', 'block'],
    });
  });

  test('no filter, no query', () => {
    expect(queryFromFilter({}).toString()).toBe('');
    expect(queryFromFilter({ verdicts: [] }).toString()).toBe('');
  });
});
