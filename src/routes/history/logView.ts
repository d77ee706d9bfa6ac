import { utcDay } from '$lib/context/effects';
import type {
  ContactRecord,
  ContextData,
  DecisionLogRecord,
  ExposureRecord,
  HistoryRecord,
} from '$lib/context/records';
import { DEFAULT_EXPOSURE_WINDOW_DAYS } from '$lib/context/snapshot';
import { MAX_UINT256 } from '$lib/edge/gate/flowsOf';
import { type Severity, severityRisk } from '$lib/edge/gate/policy';
import { en, type MessageKey } from '$lib/i18n/en';
import type { Locale } from '$lib/i18n/i18n.svelte';

/**
 * `0xd8dA6BF2…7aA96045`: an address cut for display next to the full one (in a title or a copy
 * button). Eight hex digits at each end, not the usual four: a poisoning look-alike matches a few
 * digits at each end (`0xd8DA…6045` is not Alice), and it must not look the same here.
 */
export function shortAddress(address: string): string {
  return address.length > 20 ? `${address.slice(0, 10)}…${address.slice(-8)}` : address;
}

const isKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

/**
 * The message for a logged action kind: `action.<kind>`, a batch without its count (the log does
 * not keep the intent), `action.unknown` for a kind this Vigil does not know.
 */
export function actionKey(action: string): MessageKey {
  if (action === 'batch') return 'history.batch';
  const key = `action.${action}`;
  return isKey(key) ? key : 'action.unknown';
}

/** The message for a payload kind, or `undefined` for one this Vigil does not name (show it raw). */
export function kindKey(kind: string): MessageKey | undefined {
  if (kind === 'unreadable') return 'history.unreadable';
  const key = `kind.${kind}`;
  return isKey(key) ? key : undefined;
}

/** A rule that fired, with the highest severity its findings had (none when they are gone). */
export type RuleBadge = { readonly rule: string; readonly severity?: Severity };

/** The entry's rules, most severe first (ties in the logged order), each with its severity. */
export function ruleBadges(entry: DecisionLogRecord): RuleBadge[] {
  const severity = new Map<string, Severity>();
  for (const finding of entry.decision.findings) {
    const old = severity.get(finding.rule);
    if (!old || severityRisk[finding.severity] > severityRisk[old])
      severity.set(finding.rule, finding.severity);
  }
  const risk = (rule: string): number => {
    const s = severity.get(rule);
    return s ? severityRisk[s] : -1;
  };
  return [...new Set(entry.rules)]
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => risk(b.rule) - risk(a.rule) || a.index - b.index)
    .map(({ rule }) => {
      const s = severity.get(rule);
      return s ? { rule, severity: s } : { rule };
    });
}

/** The contact saved for `address` (compared case-insensitively), if any. */
export function contactFor(address: string, book: readonly ContactRecord[]): ContactRecord | undefined {
  const lower = address.toLowerCase();
  return book.find((c) => c.address.toLowerCase() === lower);
}

/** The counterparty history, most recently seen first. */
export function historyByLastSeen(history: readonly HistoryRecord[]): HistoryRecord[] {
  return [...history].sort((a, b) => b.lastSeen - a.lastSeen || a.address.localeCompare(b.address));
}

/** The exposure ledger the gate counts now, and the window it counts over. */
export type ExposureView = {
  /** UTC days counted, today included. */
  readonly windowDays: number;
  /** The entries inside the window, newest day first, then by counterparty and asset. */
  readonly entries: readonly ExposureRecord[];
  /** Entries of older days, kept but no longer counted. */
  readonly older: number;
};

/** The exposure entries inside the policy's window as of `now` (Unix ms), as the gate counts them. */
export function exposureView(data: ContextData, now: number): ExposureView {
  const windowDays = data.policy[0]?.exposureWindowDays ?? DEFAULT_EXPOSURE_WINDOW_DAYS;
  const firstDay = utcDay(now - (windowDays - 1) * 86_400_000);
  const today = utcDay(now);
  const entries = data.exposure
    .filter((e) => e.day >= firstDay && e.day <= today)
    .sort(
      (a, b) =>
        b.day.localeCompare(a.day) ||
        a.counterparty.localeCompare(b.counterparty) ||
        a.asset.localeCompare(b.asset),
    );
  return { windowDays, entries, older: data.exposure.filter((e) => e.day < firstDay).length };
}

/** Whether a ledger amount is an unlimited grant (2^256 − 1). */
export function isUnlimited(amount: string): boolean {
  return amount === MAX_UINT256.toString();
}

const localeTags: Readonly<Record<Locale, string>> = { en: 'en', zh: 'zh-CN' };

/** A time (Unix ms) as date and time in the UI's locale and the user's time zone. */
export function formatTime(ms: number, locale: Locale): string {
  return new Date(ms).toLocaleString(localeTags[locale], { dateStyle: 'medium', timeStyle: 'short' });
}

/** A count with the UI locale's digit grouping. */
export function formatCount(count: number, locale: Locale): string {
  return count.toLocaleString(localeTags[locale]);
}
