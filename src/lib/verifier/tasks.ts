import type { Finding } from '../edge/gate/decision';
import type { Complete, Completion } from './complete';
import { explainPrompt, type InspectedView } from './explainPrompt';
import { intentPrompt } from './intentPrompt';
import { parseExplanationOutput, parseStatedIntentOutput, parseVerifierOutput } from './parseOutput';
import type { KnownAddress } from './projectIntent';
import { rejectionReason, runCompletion, type TaskOptions } from './runCompletion';
import type { Advice, ExplainResult, Language, NoAdvice, StatedIntentResult, VerifyMode } from './types';
import { type VerifyInput, verifyPrompt } from './verifyPrompt';

/**
 * Runs a built request and parses its answer. A parser bug (an exception other than the
 * malformed-answer path) is reported as `failed`, so a task never rejects on a model's output.
 */
async function ask<T>(
  complete: Complete,
  request: Parameters<typeof runCompletion>[1],
  options: TaskOptions,
  parse: (completion: Completion) => T,
): Promise<T | NoAdvice> {
  const outcome = await runCompletion(complete, request, options);
  if (outcome.kind === 'none') return outcome;
  try {
    return parse(outcome.completion);
  } catch (error) {
    return rejectionReason(error);
  }
}

/**
 * Reads what the person says they want (their own words) into an ExpectedAction with the nano model.
 * Rejects with a TypeError for text with nothing in it (there is nothing to ask).
 */
export async function parseStatedIntent(
  complete: Complete,
  text: string,
  options: TaskOptions = {},
): Promise<StatedIntentResult> {
  if (typeof text !== 'string' || text.trim() === '')
    throw new TypeError('parseStatedIntent: the stated intent is empty');
  return ask(complete, intentPrompt(text), options, parseStatedIntentOutput);
}

/** Options of `explain`: the task's options and the person's known addresses, when the shell has them. */
export type ExplainOptions = TaskOptions & { readonly known?: readonly KnownAddress[] };

/** Two or three plain sentences from the nano model on what a request does and its main risk, in `language`. */
export async function explain(
  complete: Complete,
  view: InspectedView,
  findings: readonly Finding[],
  language: Language,
  options: ExplainOptions = {},
): Promise<ExplainResult> {
  const request = explainPrompt(view, findings, language, options.known);
  return ask(complete, request, options, (completion) => parseExplanationOutput(completion, language));
}

/** The 4B verifier's advice on a request, in Standard or `<REFLECT>` audit mode. */
export async function verify(
  complete: Complete,
  input: VerifyInput,
  mode: VerifyMode,
  options: TaskOptions = {},
): Promise<Advice> {
  return ask(complete, verifyPrompt(input, mode), options, (completion) =>
    parseVerifierOutput(completion, mode),
  );
}
