import type { DecisionLogRecord, UserAction } from '$lib/context/records';
import type { Verdict } from '$lib/edge/gate/decision';

/** What the History page narrows the decision log to; an absent field does not filter. */
export type LogFilter = {
  /** Any of these verdicts (absent or empty: every verdict). */
  readonly verdicts?: readonly Verdict[];
  /** A rule that fired, by id (`recipient.lookalike`). */
  readonly rule?: string;
  /** Part of a counterparty's address, case-insensitive, with or without `0x`. */
  readonly counterparty?: string;
  readonly userAction?: UserAction;
  /** Free text, case-insensitive: id, kind, action, rules, addresses, hashes, the logged input. */
  readonly text?: string;
};

export const verdicts: readonly Verdict[] = ['allow', 'stepup', 'block'];
export const userActions: readonly UserAction[] = [
  'pending',
  'signed',
  'cancelled',
  'overridden',
  'rejected',
  'failed',
];

/** The entries newest first (by `at`; equal times keep their order). Does not reorder its input. */
export function newestFirst(entries: readonly DecisionLogRecord[]): DecisionLogRecord[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.at - a.entry.at || a.index - b.index)
    .map(({ entry }) => entry);
}

/** `0xAbC…` or `abc…` as lowercase hex digits without `0x`, for matching part of an address. */
function hexQuery(query: string): string {
  const q = query.trim().toLowerCase();
  return q.startsWith('0x') ? q.slice(2) : q;
}

/** Whether `entry` names a counterparty whose address contains `query` (case-insensitive). */
function matchesCounterparty(entry: DecisionLogRecord, query: string): boolean {
  const q = hexQuery(query);
  if (q === '') return true;
  return entry.counterparties.some((address) => address.toLowerCase().slice(2).includes(q));
}

function matchesText(entry: DecisionLogRecord, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const haystack = [
    entry.id,
    entry.kind,
    entry.decision.action,
    entry.decision.payloadHash,
    entry.result ?? '',
    entry.resultHash ?? '',
    ...entry.rules,
    ...entry.counterparties,
    entry.input ?? '',
  ];
  return haystack.some((value) => value.toLowerCase().includes(q));
}

/** The entries `filter` lets through, in their order. Every given criterion must hold. */
export function filterLog(entries: readonly DecisionLogRecord[], filter: LogFilter): DecisionLogRecord[] {
  const { verdicts: wanted, rule, counterparty, userAction, text } = filter;
  return entries.filter(
    (entry) =>
      (!wanted?.length || wanted.includes(entry.verdict)) &&
      (!rule || entry.rules.includes(rule)) &&
      (!userAction || entry.userAction === userAction) &&
      (!counterparty || matchesCounterparty(entry, counterparty)) &&
      (!text || matchesText(entry, text)),
  );
}

/** Every rule that fired somewhere in the log, once each, sorted by id. */
export function rulesInLog(entries: readonly DecisionLogRecord[]): string[] {
  return [...new Set(entries.flatMap((entry) => entry.rules))].sort();
}

/** Whether `filter` narrows anything. */
export function isFiltered(filter: LogFilter): boolean {
  return !!(
    filter.verdicts?.length ||
    filter.rule ||
    filter.counterparty?.trim() ||
    filter.userAction ||
    filter.text?.trim()
  );
}

const isUserAction = (value: string): value is UserAction =>
  (userActions as readonly string[]).includes(value);

/**
 * The filter a URL query names (`?verdict=block&verdict=stepup&rule=…&counterparty=…&action=…&q=…`),
 * so a filtered view can be bookmarked. Unknown verdicts and actions are ignored, not errors.
 */
export function filterFromQuery(query: URLSearchParams): LogFilter {
  const chosen = query.getAll('verdict').flatMap((v) => v.split(','));
  const found = verdicts.filter((v) => chosen.includes(v));
  const rule = query.get('rule') ?? '';
  const counterparty = query.get('counterparty') ?? '';
  const action = query.get('action') ?? '';
  const text = query.get('q') ?? '';
  return {
    ...(found.length > 0 && { verdicts: found }),
    ...(rule !== '' && { rule }),
    ...(counterparty !== '' && { counterparty }),
    ...(isUserAction(action) && { userAction: action }),
    ...(text !== '' && { text }),
  };
}

/** The URL query for `filter` (the inverse of `filterFromQuery`); empty when nothing is filtered. */
export function queryFromFilter(filter: LogFilter): URLSearchParams {
  const query = new URLSearchParams();
  for (const verdict of verdicts) if (filter.verdicts?.includes(verdict)) query.append('verdict', verdict);
  if (filter.rule) query.set('rule', filter.rule);
  if (filter.counterparty) query.set('counterparty', filter.counterparty);
  if (filter.userAction) query.set('action', filter.userAction);
  if (filter.text) query.set('q', filter.text);
  return query;
}
