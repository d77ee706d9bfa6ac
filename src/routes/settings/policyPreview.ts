import type { Verdict } from '$lib/edge/gate/decision';
import type { Facts } from '$lib/edge/gate/facts';
import type { Policy, Severity } from '$lib/edge/gate/policy';
import { inspect } from '$lib/edge/inspect';

/** How many logged decisions the preview replays. */
export const PREVIEW_SIZE = 50;

/** What the preview needs of a logged decision (a `DecisionLogRecord` is one). */
export type PreviewEntry = {
  readonly id: string;
  /** When it was decided (Unix milliseconds). */
  readonly at: number;
  /** The input as pasted; entries logged without it cannot be replayed. */
  readonly input?: string;
};

/** A rule whose outcome differs between the two policies: its severity when it fired, else absent. */
export type RuleChange = {
  readonly rule: string;
  readonly before?: Severity;
  readonly after?: Severity;
};

/** One logged request whose verdict the draft would change. */
export type PreviewChange = {
  readonly id: string;
  readonly at: number;
  /** The intent's action kind (`tokenTransfer`, …, `unknown`). */
  readonly action: string;
  readonly before: Verdict;
  readonly after: Verdict;
  /** The rules that fired differently; empty when only the thresholds τ made the difference. */
  readonly rules: readonly RuleChange[];
};

/** How many requests moved from one verdict to another. */
export type Transition = { readonly before: Verdict; readonly after: Verdict; readonly count: number };

/** What the draft policy would have done to the recent log. */
export type PolicyPreview = {
  /** Requests replayed. */
  readonly checked: number;
  /** Those whose verdict would change, newest first. */
  readonly changes: readonly PreviewChange[];
  /** The changes counted by kind, tightening (e.g. Allow → Block) before loosening. */
  readonly transitions: readonly Transition[];
};

const rank: Readonly<Record<Verdict, number>> = { allow: 0, stepup: 1, block: 2 };

/** The newest `size` entries that kept their input, newest first. */
export function previewEntries<T extends PreviewEntry>(
  entries: readonly T[],
  size: number = PREVIEW_SIZE,
): (T & { readonly input: string })[] {
  return entries
    .filter((e): e is T & { readonly input: string } => typeof e.input === 'string')
    .sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, size);
}

/**
 * Replays one logged input under the current and the draft policy, with the same facts (or, when
 * the draft changes the exposure window, the facts that window gives). Returns the change, or
 * `undefined` when the verdict stays the same.
 */
export function compareEntry(
  entry: PreviewEntry & { readonly input: string },
  currentPolicy: Policy,
  draftPolicy: Policy,
  facts: Facts,
  draftFacts: Facts = facts,
): PreviewChange | undefined {
  const before = inspect(entry.input, { policy: currentPolicy, facts }).decision;
  const after = inspect(entry.input, { policy: draftPolicy, facts: draftFacts }).decision;
  if (before.verdict === after.verdict) return undefined;
  const fired = (findings: typeof before.findings): Map<string, Severity> =>
    new Map(findings.map((f) => [f.rule, f.severity]));
  const was = fired(before.findings);
  const now = fired(after.findings);
  const ids = [...new Set([...was.keys(), ...now.keys()])].sort();
  const rules: RuleChange[] = [];
  for (const rule of ids) {
    const b = was.get(rule);
    const a = now.get(rule);
    if (b !== a) rules.push({ rule, ...(b && { before: b }), ...(a && { after: a }) });
  }
  return {
    id: entry.id,
    at: entry.at,
    action: after.action,
    before: before.verdict,
    after: after.verdict,
    rules,
  };
}

/** Counts the changes by transition: tightening first, then by the verdict they leave. */
export function summarizePreview(checked: number, changes: readonly PreviewChange[]): PolicyPreview {
  const counts = new Map<string, Transition>();
  for (const c of changes) {
    const key = `${c.before}>${c.after}`;
    const old = counts.get(key);
    counts.set(key, { before: c.before, after: c.after, count: (old?.count ?? 0) + 1 });
  }
  const tightening = (t: Transition): number => (rank[t.after] > rank[t.before] ? 0 : 1);
  const transitions = [...counts.values()].sort(
    (a, b) =>
      tightening(a) - tightening(b) || rank[a.before] - rank[b.before] || rank[a.after] - rank[b.after],
  );
  return { checked, changes: [...changes].sort((a, b) => b.at - a.at), transitions };
}

/**
 * What changing the policy would have done: replays the newest `PREVIEW_SIZE` logged inputs
 * under the current and the draft policy, with the same facts, and lists the verdicts that change.
 */
export function previewPolicyChange(
  entries: readonly PreviewEntry[],
  currentPolicy: Policy,
  draftPolicy: Policy,
  facts: Facts,
  draftFacts: Facts = facts,
): PolicyPreview {
  const replayed = previewEntries(entries);
  const changes: PreviewChange[] = [];
  for (const entry of replayed) {
    const change = compareEntry(entry, currentPolicy, draftPolicy, facts, draftFacts);
    if (change) changes.push(change);
  }
  return summarizePreview(replayed.length, changes);
}
