import { formatUnits, getAddress } from 'viem';
import type { ContextData, PolicyRecord } from '$lib/context/records';
import { DEFAULT_EXPOSURE_WINDOW_DAYS } from '$lib/context/snapshot';
import { ParseError } from '$lib/edge/errors';
import { parsePolicy } from '$lib/edge/gate/parseContext';
import {
  defaultPolicy,
  defaultSigning,
  MAX_BUDGET_MS,
  MIN_BUDGET_MS,
  type Policy,
  type RiskProfile,
  type RuleOverride,
  type Severity,
  type WalletFill,
} from '$lib/edge/gate/policy';
import { rules } from '$lib/edge/gate/rules/index';
import { tokenTable } from '$lib/edge/tokens/tokens';
import type { settingsEn } from '$lib/i18n/parts/settings';
import { DEFAULT_BUDGET_MS } from '$lib/orchestrator/budget';

/** The risk profiles, strictest first. */
export const riskProfiles: readonly RiskProfile[] = ['conservative', 'balanced', 'expert'];

/** The severities, quietest first. */
export const severities: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

/** The two kinds of exposure limit. */
export type LimitKind = 'perAsset' | 'perCounterparty';
export const limitKinds: readonly LimitKind[] = ['perAsset', 'perCounterparty'];

/** The exposure window's bounds, in days (the store enforces the same). */
export const WINDOW_MIN_DAYS = 1;
export const WINDOW_MAX_DAYS = 365;

/** One rule's row in the editor. */
export type RuleDraft = {
  enabled: boolean;
  /** `default`: the rule's own severity. */
  severity: Severity | 'default';
  /** A threshold override from the saved document, kept as it was (the editor does not show it). */
  threshold?: number;
};

/** One limit row: an asset (`native` or a token address) and an amount in base units, as typed. */
export type LimitRow = { key: string; asset: string; amount: string };

/**
 * The editor's working copy of the policy document and the exposure window. Numbers are what a
 * number input gives (`null` when empty); texts are as typed.
 */
export type PolicyDraft = {
  name: string;
  profile: RiskProfile;
  tauConf: number | null;
  tauRisk: number | null;
  /** Every rule of the gate, by id. */
  rules: Record<string, RuleDraft>;
  /** Overrides of rules this Vigil does not have (from an import), kept as they were. */
  otherRules: Record<string, RuleOverride>;
  perAsset: LimitRow[];
  perCounterparty: LimitRow[];
  exposureWindowDays: number | null;
  /** A Block may be signed after a typed confirmation (logged as an override). */
  allowOverride: boolean;
  /** Transaction fields the wallet may fill in. */
  walletMayFill: WalletFill[];
  /**
   * The latency budget B_t of the advisory tiers in seconds, as typed (a decimal with at most three
   * places: the document stores whole milliseconds); empty: the profile's default.
   */
  budgetSeconds: string;
};

/** A message key of the settings catalogue for a field error. */
export type DraftErrorKey = Extract<keyof typeof settingsEn, `settings.error.${string}`>;

/** Why a field is invalid: a message key and its parameters. */
export type FieldError = {
  readonly key: DraftErrorKey;
  readonly params?: Readonly<Record<string, string | number>>;
};

/**
 * Field errors by field path: `name`, `profile`, `tauConf`, `tauRisk`, `exposureWindowDays`,
 * `budgetSeconds`, `rules.<id>.severity`, `<kind>.<row key>.asset`, `<kind>.<row key>.amount`, or `form`.
 */
export type FieldErrors = Readonly<Record<string, FieldError>>;

/** The draft checked: its errors, and when there are none the document to save and its policy. */
export type DraftCheck =
  | { readonly ok: true; readonly document: Record<string, unknown>; readonly policy: Policy }
  | { readonly ok: false; readonly errors: FieldErrors };

const rowsOf = (limits: Readonly<Record<string, string>>, kind: LimitKind): LimitRow[] =>
  Object.entries(limits).map(([asset, amount], i) => ({ key: `${kind}-${i + 1}`, asset, amount }));

/**
 * The draft of a saved policy record (or of the built-in balanced policy when there is none, or
 * when the saved document no longer reads).
 */
export function draftOf(
  record: Pick<PolicyRecord, 'document' | 'exposureWindowDays'> | undefined,
): PolicyDraft {
  let policy: Policy;
  try {
    policy = record ? parsePolicy(record.document) : defaultPolicy();
  } catch {
    // A document that no longer reads: the page warns (the gate uses the default); start over.
    policy = defaultPolicy();
  }
  const name = record && typeof record.document.name === 'string' ? record.document.name : '';
  const known = new Set(rules.map((r) => r.id));
  return {
    name: name === defaultPolicy(policy.profile).name ? '' : name,
    profile: policy.profile,
    tauConf: policy.tauConf,
    tauRisk: policy.tauRisk,
    rules: Object.fromEntries(
      rules.map((rule) => {
        const o = policy.rules[rule.id];
        const draft: RuleDraft = {
          enabled: o?.enabled ?? true,
          severity: o?.severity ?? 'default',
          ...(o?.threshold !== undefined && { threshold: o.threshold }),
        };
        return [rule.id, draft];
      }),
    ),
    otherRules: Object.fromEntries(Object.entries(policy.rules).filter(([id]) => !known.has(id))),
    perAsset: rowsOf(policy.limits.perAsset, 'perAsset'),
    perCounterparty: rowsOf(policy.limits.perCounterparty, 'perCounterparty'),
    exposureWindowDays: record?.exposureWindowDays ?? DEFAULT_EXPOSURE_WINDOW_DAYS,
    allowOverride: policy.signing.allowOverride,
    walletMayFill: [...policy.signing.walletMayFill],
    budgetSeconds: policy.routing ? secondsText(policy.routing.budgetMs) : '',
  };
}

/**
 * The draft with another profile: the thresholds go back to that profile's defaults. An explicit
 * budget stays (it is the person's); an empty one follows the new profile's default.
 */
export function withProfile(draft: PolicyDraft, profile: RiskProfile): PolicyDraft {
  const base = defaultPolicy(profile);
  return { ...draft, profile, tauConf: base.tauConf, tauRisk: base.tauRisk };
}

/** The budget's bounds in seconds, as the editor shows them. */
export const BUDGET_MIN_SECONDS = MIN_BUDGET_MS / 1000;
export const BUDGET_MAX_SECONDS = MAX_BUDGET_MS / 1000;

/** Whole milliseconds as the editor's seconds: 1500 → "1.5", 30000 → "30". */
export function secondsText(ms: number): string {
  return String(ms / 1000);
}

/** The profile's default budget in seconds: what an empty budget field means. */
export function defaultBudgetSeconds(profile: RiskProfile): number {
  return DEFAULT_BUDGET_MS[profile] / 1000;
}

/** The budget field read: no budget (empty), whole milliseconds, or why it is not one. */
export type BudgetReading =
  | { readonly ok: true; readonly ms: number | undefined }
  | { readonly ok: false; readonly error: FieldError };

/**
 * Reads the budget field: empty is no budget (the profile's default); otherwise a decimal number of
 * seconds with at most three places, from 0.1 to 600, as whole milliseconds. The milliseconds come
 * from the digits, not from floating point, so "1.1" is exactly 1100.
 */
export function readBudget(text: string): BudgetReading {
  const typed = text.trim();
  if (typed === '') return { ok: true, ms: undefined };
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(typed);
  const whole = m?.[2] ?? '';
  const fraction = (m?.[3] ?? '').replace(/0+$/, '');
  if (!m || (whole === '' && (m[3] ?? '') === ''))
    return { ok: false, error: { key: 'settings.error.budget' } };
  const range: BudgetReading = {
    ok: false,
    error: {
      key: 'settings.error.budgetRange',
      params: { min: BUDGET_MIN_SECONDS, max: BUDGET_MAX_SECONDS },
    },
  };
  if (m[1] === '-') return range;
  // Past three places the value is only approximate, which is enough to tell out of range from too precise.
  const ms =
    fraction.length <= 3
      ? Number(whole || '0') * 1000 + Number(fraction.padEnd(3, '0'))
      : Number(typed) * 1000;
  if (!(ms >= MIN_BUDGET_MS && ms <= MAX_BUDGET_MS)) return range;
  if (fraction.length > 3) return { ok: false, error: { key: 'settings.error.budgetPrecision' } };
  return { ok: true, ms };
}

/** How many rules the draft turns off or gives another severity. */
export function changedRules(draft: PolicyDraft): number {
  return Object.values(draft.rules).filter((r) => !r.enabled || r.severity !== 'default').length;
}

/** The rows with an empty one added (its key unused by the others). */
export function withRow(rows: readonly LimitRow[], kind: LimitKind): LimitRow[] {
  const used = new Set(rows.map((r) => r.key));
  let n = rows.length + 1;
  while (used.has(`${kind}-${n}`)) n++;
  return [...rows, { key: `${kind}-${n}`, asset: '', amount: '' }];
}

const isBlank = (row: LimitRow): boolean => row.asset.trim() === '' && row.amount.trim() === '';

/** `native`, or the token address checksummed; `undefined` when it is neither. */
function assetKey(text: string): string | undefined {
  const t = text.trim();
  if (t.toLowerCase() === 'native') return 'native';
  return /^0x[0-9a-fA-F]{40}$/.test(t) ? getAddress(t.toLowerCase()) : undefined;
}

/**
 * The policy document of a draft, as `parsePolicy` reads it (no allow or deny lists: they live in
 * their own store). Blank limit rows are left out; everything else is written as typed, so an
 * invalid draft gives a document `parsePolicy` rejects.
 */
export function documentOf(draft: PolicyDraft): Record<string, unknown> {
  const overrides: Record<string, RuleOverride> = { ...draft.otherRules };
  for (const rule of rules) {
    const r = draft.rules[rule.id];
    if (!r) continue;
    const o: RuleOverride = {
      ...(r.severity !== 'default' && { severity: r.severity }),
      ...(!r.enabled && { enabled: false }),
      ...(r.threshold !== undefined && { threshold: r.threshold }),
    };
    if (Object.keys(o).length > 0) overrides[rule.id] = o;
  }
  const limits = (rows: readonly LimitRow[]): Record<string, string> =>
    Object.fromEntries(
      rows.filter((r) => !isBlank(r)).map((r) => [assetKey(r.asset) ?? r.asset.trim(), r.amount.trim()]),
    );
  const perAsset = limits(draft.perAsset);
  const perCounterparty = limits(draft.perCounterparty);
  const name = draft.name.trim();
  const fills = walletFills.filter((f) => draft.walletMayFill.includes(f));
  const signing =
    draft.allowOverride !== defaultSigning.allowOverride ||
    fills.join() !== defaultSigning.walletMayFill.join()
      ? { signing: { allowOverride: draft.allowOverride, walletMayFill: fills } }
      : {};
  // No budget, no `routing` key: a policy saved before budgets existed keeps its hash.
  const budget = readBudget(draft.budgetSeconds);
  const routing = !budget.ok
    ? { routing: { budgetMs: draft.budgetSeconds.trim() } }
    : budget.ms === undefined
      ? {}
      : { routing: { budgetMs: budget.ms } };
  return {
    ...(name !== '' && { name }),
    profile: draft.profile,
    tauConf: draft.tauConf,
    tauRisk: draft.tauRisk,
    ...(Object.keys(overrides).length > 0 && { rules: overrides }),
    ...((Object.keys(perAsset).length > 0 || Object.keys(perCounterparty).length > 0) && {
      limits: { perAsset, perCounterparty },
    }),
    ...signing,
    ...routing,
  };
}

/** The fields a wallet may fill, in the order the editor lists them. */
export const walletFills: readonly WalletFill[] = ['gas', 'fees', 'nonce'];

/** Whether `parsePolicy` accepts `document`. */
function reads(document: Record<string, unknown>): boolean {
  try {
    parsePolicy(document);
    return true;
  } catch (error) {
    if (error instanceof ParseError) return false;
    throw error;
  }
}

/**
 * Checks every field of the draft, as the user types: each field by `parsePolicy`'s own rules
 * (run on that field alone, so every invalid field gets its error at once), amounts as decimal
 * base units, no asset twice in one list, the window 1–365 whole days. A draft with no field
 * error is then read whole by `parsePolicy`; an error it still finds goes to its field.
 */
export function checkDraft(draft: PolicyDraft): DraftCheck {
  const errors: Record<string, FieldError> = {};
  for (const key of ['tauConf', 'tauRisk'] as const) {
    const v = draft[key];
    if (v === null || !reads({ [key]: v })) errors[key] = { key: 'settings.error.unit' };
  }
  const days = draft.exposureWindowDays;
  if (days === null || !Number.isInteger(days) || days < WINDOW_MIN_DAYS || days > WINDOW_MAX_DAYS)
    errors.exposureWindowDays = {
      key: 'settings.error.window',
      params: { min: WINDOW_MIN_DAYS, max: WINDOW_MAX_DAYS },
    };
  const budget = readBudget(draft.budgetSeconds);
  if (!budget.ok) errors.budgetSeconds = budget.error;
  for (const kind of limitKinds) {
    const seen = new Set<string>();
    for (const row of draft[kind]) {
      if (isBlank(row)) continue;
      const asset = row.asset.trim();
      const amount = row.amount.trim();
      const key = assetKey(asset);
      if (asset === '') errors[`${kind}.${row.key}.asset`] = { key: 'settings.error.assetRequired' };
      else if (!key || !reads({ limits: { [kind]: { [asset]: '0' } } }))
        errors[`${kind}.${row.key}.asset`] = { key: 'settings.error.asset' };
      else if (seen.has(key)) errors[`${kind}.${row.key}.asset`] = { key: 'settings.error.duplicateAsset' };
      if (key) seen.add(key);
      if (amount === '') errors[`${kind}.${row.key}.amount`] = { key: 'settings.error.amountRequired' };
      else if (amount.startsWith('-'))
        errors[`${kind}.${row.key}.amount`] = { key: 'settings.error.amountNegative' };
      else if (!/^\d+$/.test(amount)) errors[`${kind}.${row.key}.amount`] = { key: 'settings.error.amount' };
      else if (!reads({ limits: { [kind]: { native: amount } } }))
        errors[`${kind}.${row.key}.amount`] = { key: 'settings.error.amountTooLarge' };
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const document = documentOf(draft);
  try {
    return { ok: true, document, policy: parsePolicy(document) };
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const field = (error.path && fieldOfPath(error.path, draft)) ?? 'form';
    return {
      ok: false,
      errors: { [field]: { key: 'settings.error.other', params: { message: error.message } } },
    };
  }
}

/**
 * The editor field a `parsePolicy` (or store) error path names: `tauRisk` → `tauRisk`,
 * `routing.budgetMs` → `budgetSeconds`,
 * `rules["approval.unlimited"].severity` → `rules.approval.unlimited.severity`,
 * `limits.perAsset["0xA0b8…"]` → that row's amount; `undefined` when no field matches.
 */
export function fieldOfPath(path: string, draft: PolicyDraft): string | undefined {
  if (['name', 'profile', 'tauConf', 'tauRisk', 'exposureWindowDays'].includes(path)) return path;
  if (path === 'routing' || path === 'routing.budgetMs') return 'budgetSeconds';
  const rule = /^rules(?:\.([\w$]+)|\[("(?:[^"\\]|\\.)*")\])(?:\.(\w+))?$/.exec(path);
  if (rule) {
    const id = rule[1] ?? (JSON.parse(rule[2] ?? '""') as string);
    return id in draft.rules ? `rules.${id}.severity` : undefined;
  }
  const limit = /^limits\.(perAsset|perCounterparty)(?:\.([\w$]+)|\[("(?:[^"\\]|\\.)*")\])$/.exec(path);
  if (limit) {
    const kind = limit[1] as LimitKind;
    const asset = limit[2] ?? (JSON.parse(limit[3] ?? '""') as string);
    const row = draft[kind].find(
      (r) => r.asset.trim() === asset || assetKey(r.asset)?.toLowerCase() === asset.toLowerCase(),
    );
    return row ? `${kind}.${row.key}.amount` : undefined;
  }
  return undefined;
}

/** Whether two drafts give the same document and window (blank rows and row order aside). */
export function sameDraft(a: PolicyDraft, b: PolicyDraft): boolean {
  return draftSignature(a) === draftSignature(b);
}

function draftSignature(draft: PolicyDraft): string {
  const document = documentOf(draft);
  const limits = document.limits as Record<LimitKind, Record<string, string>> | undefined;
  const sorted = (o: Record<string, string> | undefined) => Object.entries(o ?? {}).sort();
  return JSON.stringify([
    { ...document, limits: limits && [sorted(limits.perAsset), sorted(limits.perCounterparty)] },
    draft.exposureWindowDays,
  ]);
}

/** An amount in whole units, when the asset's decimals are known: the native currency, or a bundled token. */
export type AmountHint = { readonly symbol?: string; readonly value: string };

/**
 * The amount of a limit row in whole units, for the bundled tokens (looked up on Ethereum first,
 * then on every other chain Vigil knows) and the native currency (18 decimals on every chain
 * Vigil supports); `undefined` for an unknown token or an amount that is not decimal base units.
 */
export function amountHint(asset: string, amount: string): AmountHint | undefined {
  const units = amount.trim();
  const key = assetKey(asset);
  if (!key || !/^\d+$/.test(units) || units.length > 78) return undefined;
  if (key === 'native') return { value: formatUnits(BigInt(units), 18) };
  const lower = key.toLowerCase();
  const chains = Object.keys(tokenTable.tokens).sort((a, b) => (a === '1' ? -1 : b === '1' ? 1 : 0));
  for (const chain of chains) {
    const entry = tokenTable.tokens[chain]?.[lower];
    if (entry) return { symbol: entry[0], value: formatUnits(BigInt(units), entry[1]) };
  }
  return undefined;
}

/**
 * The private context with the draft in place of the saved policy, for `policyOf` and `factsOf`:
 * the policy and facts the draft would decide under (the allow and deny lists included).
 */
export function withDraft(
  data: ContextData,
  document: Record<string, unknown>,
  windowDays: number,
): ContextData {
  return {
    ...data,
    policy: [{ id: 'current', document, exposureWindowDays: windowDays, updatedAt: 0 }],
  };
}
