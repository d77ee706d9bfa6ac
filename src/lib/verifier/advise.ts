import { chainOf } from './chainOf';
import type { Complete } from './complete';
import { type Divergence, divergence } from './divergence';
import type { InspectedView } from './explainPrompt';
import { type MergedVerdict, mergeVerdict } from './merge';
import type { KnownAddress } from './projectIntent';
import { explain, parseStatedIntent, verify } from './tasks';
import type { Advice, ExplainResult, Language, StatedIntentResult, VerifyMode } from './types';
import type { EcosystemContext } from './verifyPrompt';

/** The local tier's answers for one inspected request, filled in as they arrive. */
export type LocalAdvice = {
  /** What the nano read from the person's stated intent (when they gave one and the nano ran). */
  readonly expected?: StatedIntentResult;
  /** Δ between the edge's intent and the stated intent. */
  readonly statedDelta?: Divergence;
  /** The verifier's advice, and the mode it ran in. */
  readonly audit?: Advice;
  readonly auditMode?: VerifyMode;
  /** Δ between the edge's intent and the verifier's refined reading. */
  readonly refinedDelta?: Divergence;
  /** The nano's plain-language explanation. */
  readonly explanation?: ExplainResult;
  /** The stricter of the edge's verdict and everything above; never less strict than the edge. */
  readonly merged: MergedVerdict;
  /** Which task is running now, if any. */
  readonly running?: 'intent' | 'verify' | 'explain';
};

/** What one pass of the local tier is given. */
export type AdviseRequest = {
  readonly result: InspectedView;
  /** The person's own words for what they expect ("swap 10 USDC for ETH"); blank when not given. */
  readonly stated?: string;
  readonly language: Language;
  /** Address book, history, allowlist: names for addresses, known counterparties. */
  readonly known?: readonly KnownAddress[];
  /** τ_risk of the policy: a model risk above it raises Allow to StepUp. */
  readonly riskThreshold?: number;
  /** ε for Δ (DEFAULT_EPSILON when omitted). */
  readonly epsilon?: number;
  /**
   * Plan edge→cloud→local: the cloud tier's answer, awaited before the verifier runs and given to
   * it as untrusted `ecosystem` data. Resolves to undefined when the cloud had nothing to say.
   */
  readonly ecosystem?: () => Promise<EcosystemContext | undefined>;
  /** False: the plan leaves the verifier out (the nano still reads the words and explains). */
  readonly verify?: boolean;
};

/** The engines of the loaded models; a missing one is a tier that is not there. */
export type AdviseEngines = { readonly nano?: Complete; readonly verifier?: Complete };

/**
 * One pass of the local tier over an inspected request (DESIGN.md "Data flow"): the nano reads the
 * stated intent and Δ is taken against the edge's intent; the verifier then audits — in `<REFLECT>`
 * mode when the verdict so far is StepUp or Δ > ε, in Standard mode on an Allow — and its refined
 * reading gives a second Δ; the nano explains last. A Block is not audited (nothing can raise it)
 * but is still explained. Every step reports through `onUpdate`; the merged verdict is recomputed
 * after each and can only be stricter than the edge's. Missing engines, late, malformed or failed
 * answers count as no advice. Aborting `signal` stops the pass.
 */
export async function advise(
  engines: AdviseEngines,
  request: AdviseRequest,
  onUpdate: (advice: LocalAdvice) => void,
  signal?: AbortSignal,
): Promise<LocalAdvice> {
  const { result } = request;
  const { decision, intent } = result;
  const chainId = chainOf(result.payload);
  const options = { ...(signal && { signal }) };
  const basis = {
    intent,
    ...(chainId !== undefined && { chainId }),
    ...(request.known && { addressBook: request.known }),
  };
  const mergeOptions = {
    ...(request.epsilon !== undefined && { epsilon: request.epsilon }),
    ...(request.riskThreshold !== undefined && { riskThreshold: request.riskThreshold }),
  };
  let state: LocalAdvice = { merged: mergeVerdict(decision, [], undefined, mergeOptions) };
  const update = (next: Omit<LocalAdvice, 'merged' | 'running'>, running?: LocalAdvice['running']) => {
    const deltas = [next.statedDelta?.delta, next.refinedDelta?.delta].filter(
      (d): d is number => d !== undefined,
    );
    const delta = deltas.length ? { delta: Math.max(...deltas) } : undefined;
    const advice = next.audit ? [next.audit] : [];
    state = {
      ...next,
      merged: mergeVerdict(decision, advice, delta, mergeOptions),
      ...(running && { running }),
    };
    onUpdate(state);
  };
  let done: Omit<LocalAdvice, 'merged' | 'running'> = {};

  const stated = request.stated?.trim();
  if (engines.nano && stated) {
    update(done, 'intent');
    const expected = await parseStatedIntent(engines.nano, stated, options);
    done = {
      ...done,
      expected,
      ...(expected.kind === 'expected' && { statedDelta: divergence(basis, expected.expected) }),
    };
    update(done);
  }

  if (engines.verifier && request.verify !== false && !signal?.aborted && state.merged.verdict !== 'block') {
    const mode: VerifyMode =
      state.merged.verdict === 'stepup' || state.merged.requireReflect ? 'reflect' : 'standard';
    update(done, 'verify');
    const expected = done.expected?.kind === 'expected' ? done.expected.expected : undefined;
    const ecosystem = request.ecosystem ? await request.ecosystem().catch(() => undefined) : undefined;
    const audit = await verify(
      engines.verifier,
      {
        intent,
        findings: decision.findings,
        ...(chainId !== undefined && { chainId }),
        ...(request.known && { known: request.known }),
        ...(expected && { expected }),
        ...(ecosystem && { ecosystem }),
      },
      mode,
      options,
    );
    done = {
      ...done,
      audit,
      auditMode: mode,
      ...(audit.kind === 'advice' && audit.refined && { refinedDelta: divergence(basis, audit.refined) }),
    };
    update(done);
  }

  if (engines.nano && !signal?.aborted) {
    update(done, 'explain');
    const explanation = await explain(engines.nano, result, decision.findings, request.language, {
      ...options,
      ...(request.known && { known: request.known }),
    });
    done = { ...done, explanation };
    update(done);
  }
  return state;
}
