import type { Decision } from '$lib/edge/gate/decision';
import { type AdviseEngines, advise, type LocalAdvice } from '$lib/verifier/advise';
import type { ModelRole } from '$lib/verifier/complete';
import { DEFAULT_EPSILON } from '$lib/verifier/divergence';
import type { InspectedView } from '$lib/verifier/explainPrompt';
import { withLocalAdvice } from '$lib/verifier/localFindings';
import type { LocalModels } from '$lib/verifier/localModels.svelte';
import type { KnownAddress } from '$lib/verifier/projectIntent';
import type { Language } from '$lib/verifier/types';

/** What one pass is asked about; a pass answers only for exactly these inputs. */
type Question = {
  readonly payloadHash: string;
  readonly policyHash: string;
  readonly stated: string;
  readonly language: Language;
  readonly roles: readonly ModelRole[];
};

const sameQuestion = (a: Question | undefined, b: Question): boolean =>
  a !== undefined &&
  a.payloadHash === b.payloadHash &&
  a.policyHash === b.policyHash &&
  a.stated === b.stated &&
  a.language === b.language &&
  a.roles.join() === b.roles.join();

/**
 * The local tier beside the inspector, as runes: the person's stated expectation, and the advice of
 * the loaded models for the request on screen. A new request, other words, another language or a
 * model becoming ready asks again (the previous pass is aborted). `decisionFor` gives the decision
 * to sign under: never less strict than the rules', and the rules' alone while no model is loaded.
 */
export class LocalAdviceRun {
  /** "What do you expect this to do?" — the person's own words, optional. */
  stated = $state('');
  /** The advice for `question`, filled in as each task answers. */
  advice = $state.raw<LocalAdvice | undefined>();
  question = $state.raw<Question | undefined>();
  readonly epsilon = DEFAULT_EPSILON;
  #controller: AbortController | undefined;
  readonly #models: LocalModels;

  constructor(models: LocalModels) {
    this.#models = models;
  }

  /** The roles whose model is loaded now. */
  get readyRoles(): ModelRole[] {
    const roles = this.#models.roles;
    return (['nano', 'verifier'] as const).filter((r) => roles[r].status === 'ready');
  }

  /** Asks the loaded models about `result` (no-op when the same question is already asked). */
  ask(
    result: InspectedView,
    options: { language: Language; known: readonly KnownAddress[]; riskThreshold: number },
  ): void {
    const roles = this.readyRoles;
    const question: Question = {
      payloadHash: result.decision.payloadHash,
      policyHash: result.decision.policyHash,
      stated: this.stated.trim(),
      language: options.language,
      roles,
    };
    if (sameQuestion(this.question, question)) return;
    this.#controller?.abort();
    this.question = question;
    this.advice = undefined;
    if (roles.length === 0) return;
    const controller = new AbortController();
    this.#controller = controller;
    const engines: AdviseEngines = {
      ...(roles.includes('nano') && { nano: this.#models.complete('nano') }),
      ...(roles.includes('verifier') && { verifier: this.#models.complete('verifier') }),
    };
    void advise(
      engines,
      {
        result,
        stated: question.stated,
        language: options.language,
        known: options.known,
        riskThreshold: options.riskThreshold,
        epsilon: this.epsilon,
      },
      (advice) => {
        if (!controller.signal.aborted) this.advice = advice;
      },
      controller.signal,
    ).catch(() => undefined);
  }

  /** Whether the advice on screen is for this decision's bytes. */
  #current(decision: Decision): LocalAdvice | undefined {
    const q = this.question;
    return q && q.payloadHash === decision.payloadHash && q.policyHash === decision.policyHash
      ? this.advice
      : undefined;
  }

  /** The local tier is still deciding whether to raise this decision (the explanation aside). */
  pendingFor(decision: Decision): boolean {
    const running = this.#current(decision)?.running;
    return running === 'intent' || running === 'verify';
  }

  /** The advice for this decision's bytes, if any. */
  adviceFor(decision: Decision): LocalAdvice | undefined {
    return this.#current(decision);
  }

  /** The decision to sign under: the rules' verdict raised by the local tier's, with its findings. */
  decisionFor(decision: Decision): Decision {
    return withLocalAdvice(decision, this.#current(decision), this.epsilon);
  }

  /** Stops any pass in flight. */
  stop(): void {
    this.#controller?.abort();
  }
}
