import type { DecisionLogRecord } from '$lib/context/records';

export const DECISIONS_FORMAT = 'vigil.decisions';
export const DECISIONS_VERSION = 1;

/** The JSON document "Export shown decisions" writes. */
export type DecisionsExport = {
  readonly format: typeof DECISIONS_FORMAT;
  readonly version: typeof DECISIONS_VERSION;
  /** ISO 8601, UTC. */
  readonly exportedAt: string;
  /** The log entries as stored, in the order given. */
  readonly decisions: readonly DecisionLogRecord[];
};

/** The export document for `decisions`, made at `exportedAt` (Unix ms). */
export function decisionsExport(
  decisions: readonly DecisionLogRecord[],
  exportedAt: number,
): DecisionsExport {
  return {
    format: DECISIONS_FORMAT,
    version: DECISIONS_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    decisions,
  };
}

/** The export document as the text of a `.json` file. */
export function decisionsJson(decisions: readonly DecisionLogRecord[], exportedAt: number): string {
  return `${JSON.stringify(decisionsExport(decisions, exportedAt), null, 2)}\n`;
}

/** The CSV columns, in order. */
export const csvColumns = [
  'time',
  'verdict',
  'action',
  'kind',
  'rules',
  'counterparties',
  'userAction',
  'payloadHash',
  'resultHash',
] as const;

/**
 * One CSV cell. A cell a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`,
 * tab or carriage return) gets a leading `'`, so opening the file runs nothing; a cell with a
 * comma, quote or line break is quoted (RFC 4180).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The entries as CSV: a header row, then one row per entry, lines ending in CRLF. */
export function decisionsCsv(decisions: readonly DecisionLogRecord[]): string {
  const rows = decisions.map((d) => [
    new Date(d.at).toISOString(),
    d.verdict,
    d.decision.action,
    d.kind,
    d.rules.join(';'),
    d.counterparties.join(';'),
    d.userAction,
    d.decision.payloadHash,
    d.resultHash ?? '',
  ]);
  return [[...csvColumns], ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** `vigil-decisions-YYYY-MM-DD.<extension>`, the day being `now`'s in the user's time zone. */
export function exportFileName(now: Date, extension: 'json' | 'csv'): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `vigil-decisions-${day}.${extension}`;
}
