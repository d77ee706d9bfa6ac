import type { Decision, Verdict } from '../edge/gate/decision';
import { DEFAULT_EPSILON, diverges } from './divergence';
import type { Advice, NoAdvice, VerifyMode } from './types';

/**
 * Advice from a tier beyond the edge: the local models' (nano, verifier) or the cloud's
 * `<FORESIGHT>` (source 'cloud', mode 'foresight'). Only what merging reads is named here, so the
 * verifier does not depend on the cloud module; CloudAdvice fits it.
 */
export type TierAdvice =
  | Advice
  | NoAdvice
  | {
      readonly kind: 'advice';
      readonly source: 'cloud';
      readonly mode: 'foresight';
      readonly risk: number;
      readonly suggested: Verdict;
    };

/** Where advice came from, as merging reports it; `unknown` for a source it does not recognise. */
export type AdviceSource = 'nano' | 'verifier' | 'cloud' | 'unknown';

/** The mode advice was given in: the verifier's two states, or the cloud's `<FORESIGHT>`. */
export type AdviceMode = VerifyMode | 'foresight';

/*
 * Invariant 4, "models advise, rules decide": the merged verdict is the strictest of the edge's
 * verdict and every signal that may only raise it, in the order allow < stepup < block. Nothing a
 * model says — a suggested `allow`, a risk of 0 — can lower it; a malformed, unknown or missing
 * piece of advice counts as no advice; a value that cannot be read (an edge verdict outside the
 * three, a Δ that is not a number) fails closed.
 */

const RANK: Readonly<Record<Verdict, number>> = { allow: 0, stepup: 1, block: 2 };
const VERDICTS: readonly Verdict[] = ['allow', 'stepup', 'block'];

/** The stricter of two verdicts. */
export function stricter(a: Verdict, b: Verdict): Verdict {
  return RANK[a] >= RANK[b] ? a : b;
}

/** A model's risk above this raises Allow to StepUp (a policy may pass its own τ_risk). */
export const DEFAULT_RISK_THRESHOLD = 0.5;

/** Why the merged verdict is stricter than the edge's, or why it must be handled more carefully. */
export type RaiseReason =
  | {
      readonly kind: 'suggested';
      readonly source: AdviceSource;
      readonly mode: AdviceMode;
      readonly verdict: Verdict;
    }
  | {
      readonly kind: 'risk';
      readonly source: AdviceSource;
      readonly mode: AdviceMode;
      readonly risk: number;
      readonly threshold: number;
    }
  | { readonly kind: 'divergence'; readonly delta: number; readonly epsilon: number }
  | { readonly kind: 'edge-unreadable' };

/** The merged verdict, what raised it, and how the signer must proceed. */
export type MergedVerdict = {
  readonly verdict: Verdict;
  /** Every signal that asked for more than the edge's verdict, in input order. */
  readonly raisedBy: readonly RaiseReason[];
  /** Δ > ε: a `<REFLECT>` audit is required for this request (DESIGN.md "Routing and escalation"). */
  readonly requireReflect: boolean;
  /** Δ > ε: the person must confirm explicitly before signing. */
  readonly requireConfirmation: boolean;
};

/** Options of mergeVerdict. */
export type MergeOptions = {
  /** ε for Δ; default DEFAULT_EPSILON. */
  readonly epsilon?: number;
  /** A model risk above this raises Allow to StepUp; default DEFAULT_RISK_THRESHOLD. */
  readonly riskThreshold?: number;
};

function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && (VERDICTS as readonly string[]).includes(value);
}

/**
 * Reads a value a hostile object could refuse to give (a throwing getter, a revoked proxy); such a
 * value is `fallback`, chosen to fail closed: unreadable advice is no advice, an unreadable edge
 * verdict is Block, an unreadable Δ diverges.
 */
function tryRead<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** The usable parts of one piece of advice; whatever cannot be read is left out. */
function readAdvice(
  value: unknown,
): { source: AdviceSource; mode: AdviceMode; suggested?: Verdict; risk?: number } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const advice = value as Record<string, unknown>;
  if (advice.kind !== 'advice') return undefined;
  const source: AdviceSource =
    advice.source === 'nano' || advice.source === 'verifier' || advice.source === 'cloud'
      ? advice.source
      : 'unknown';
  const mode: AdviceMode =
    advice.mode === 'reflect' ? 'reflect' : advice.mode === 'foresight' ? 'foresight' : 'standard';
  const suggested = isVerdict(advice.suggested) ? advice.suggested : undefined;
  const risk =
    typeof advice.risk === 'number' && advice.risk >= 0 && advice.risk <= 1 ? advice.risk : undefined;
  return { source, mode, ...(suggested && { suggested }), ...(risk !== undefined && { risk }) };
}

function checkUnit(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0 && value <= 1))
    throw new RangeError(`${name} must be within [0, 1], got ${value}`);
}

/**
 * Merges the edge's decision with the local and cloud tiers' advice and the divergence Δ (pass the larger of
 * the stated-vs-edge and refined-vs-edge Δ). The verdict is the strictest of: the edge's verdict;
 * each advice's suggested verdict; StepUp for each advice whose risk exceeds the threshold; StepUp
 * when Δ > ε, which also requires `<REFLECT>` and an explicit confirmation. Never less strict than
 * the edge. Pure and deterministic. Throws a RangeError for an ε or risk threshold outside [0, 1].
 */
export function mergeVerdict(
  edge: Decision,
  advice: readonly TierAdvice[],
  delta?: { readonly delta: number },
  options: MergeOptions = {},
): MergedVerdict {
  const epsilon = options.epsilon ?? DEFAULT_EPSILON;
  const threshold = options.riskThreshold ?? DEFAULT_RISK_THRESHOLD;
  checkUnit('ε', epsilon);
  checkUnit('the risk threshold', threshold);
  const raisedBy: RaiseReason[] = [];
  const edgeVerdict = tryRead<unknown>(() => edge.verdict, undefined);
  const base: Verdict = isVerdict(edgeVerdict) ? edgeVerdict : 'block';
  if (!isVerdict(edgeVerdict)) raisedBy.push({ kind: 'edge-unreadable' });
  let verdict = base;
  const raise = (to: Verdict, reason: RaiseReason) => {
    if (RANK[to] <= RANK[base]) return;
    verdict = stricter(verdict, to);
    raisedBy.push(reason);
  };
  const items = tryRead<readonly unknown[]>(() => (Array.isArray(advice) ? Array.from(advice) : []), []);
  for (const item of items) {
    const read = tryRead(() => readAdvice(item), undefined);
    if (!read) continue;
    if (read.suggested)
      raise(read.suggested, {
        kind: 'suggested',
        source: read.source,
        mode: read.mode,
        verdict: read.suggested,
      });
    if (read.risk !== undefined && read.risk > threshold)
      raise('stepup', { kind: 'risk', source: read.source, mode: read.mode, risk: read.risk, threshold });
  }
  // A Δ that was passed but cannot be read as a finite number diverges (fail closed).
  const deltaValue =
    delta === undefined
      ? undefined
      : tryRead(() => {
          const value: unknown = delta.delta;
          return typeof value === 'number' ? value : Number.NaN;
        }, Number.NaN);
  const divergent = deltaValue !== undefined && diverges(deltaValue, epsilon);
  if (divergent) raise('stepup', { kind: 'divergence', delta: deltaValue, epsilon });
  return { verdict, raisedBy, requireReflect: divergent, requireConfirmation: divergent };
}
