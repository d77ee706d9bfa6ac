import type { Hex } from 'viem';
import type { Severity } from './policy';

/** The gate's three answers. */
export type Verdict = 'allow' | 'stepup' | 'block';

/** One rule that fired. */
export type Finding = {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly path: string;
};

/** What happened to one rule, for the trace. */
export type TraceEntry =
  | { readonly rule: string; readonly outcome: 'fired'; readonly severity: Severity }
  | { readonly rule: string; readonly outcome: 'clear' }
  | { readonly rule: string; readonly outcome: 'disabled' }
  | { readonly rule: string; readonly outcome: 'skipped'; readonly missing: readonly string[] };

/** The schema id of a decision; bumped whenever the shape changes. */
export const DECISION_SCHEMA = 'vigil.decision/1' as const;

/** The gate's decision: plain JSON (no bigints), reproducible byte for byte from the same inputs. */
export type Decision = {
  readonly schema: typeof DECISION_SCHEMA;
  readonly verdict: Verdict;
  /** Why, in one line per reason, most serious first. */
  readonly reasons: readonly string[];
  readonly findings: readonly Finding[];
  /** Decode confidence γ (the minimum over the tree). */
  readonly confidence: number;
  /** Risk ρ: the highest severity score among the findings. */
  readonly risk: number;
  /** The intent's action kind. */
  readonly action: string;
  readonly trace: readonly TraceEntry[];
  readonly payloadHash: Hex;
  readonly policyHash: Hex;
  readonly policy: string;
};
