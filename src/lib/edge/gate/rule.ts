import type { DecodedCall } from '../decode/types';
import type { ParseErrorInfo } from '../errors';
import type { Intent } from '../intent/types';
import type { Payload } from '../payload';
import type { Facts } from './facts';
import type { Policy, Severity } from './policy';

/** Everything a rule may read. Pure data: rules are pure functions of it. */
export type RuleContext = {
  readonly payload?: Payload;
  readonly parseError?: ParseErrorInfo;
  readonly calls: readonly DecodedCall[];
  readonly intent?: Intent;
  readonly policy: Policy;
  readonly facts: Facts;
};

/** A rule's hit before severity is settled: what it found, where, and an optional measure. */
export type Hit = {
  readonly message: string;
  /** Where in the decode it refers to, e.g. `intent.children[1].permissions[0]`. */
  readonly path: string;
};

/** A risk rule, as data plus one pure function. */
export type Rule = {
  /** Stable, namespaced: `approval.unlimited`. */
  readonly id: string;
  readonly title: string;
  /** Facts the rule reads (it is skipped, and says so in the trace, when they are unknown). */
  readonly needs: readonly (keyof Facts)[];
  readonly severity: Severity;
  /** A number the policy may override (its meaning is the rule's). */
  readonly threshold?: number;
  readonly evaluate: (ctx: RuleContext, threshold: number | undefined) => Hit | null;
};
