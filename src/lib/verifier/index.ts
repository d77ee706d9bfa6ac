/*
 * The local tier's deterministic core: prompts, output parsing, divergence Δ and the monotonic
 * merge. Pure TypeScript: no WebLLM, no DOM, no IndexedDB. An engine (src/lib/workers/) supplies a
 * `Complete`; everything here builds what it is asked and reads what it answers.
 */
export type { ChatMessage, Complete, Completion, CompletionRequest, ModelRole } from './complete';
export {
  DEFAULT_EPSILON,
  DIVERGENCE_WEIGHTS,
  type Divergence,
  type DivergenceBasis,
  type DivergenceField,
  divergence,
  diverges,
  type FieldDivergence,
} from './divergence';
export { explainPrompt, type InspectedView } from './explainPrompt';
export { intentPrompt } from './intentPrompt';
export {
  DEFAULT_RISK_THRESHOLD,
  type MergedVerdict,
  type MergeOptions,
  mergeVerdict,
  type RaiseReason,
  stricter,
  type TierAdvice,
} from './merge';
export { parseExplanationOutput, parseStatedIntentOutput, parseVerifierOutput } from './parseOutput';
export type { KnownAddress } from './projectIntent';
export { DEFAULT_TIMEOUTS, type TaskOptions } from './runCompletion';
export { type ExplainOptions, explain, parseStatedIntent, verify } from './tasks';
export type {
  Advice,
  AssetRef,
  Concern,
  CounterpartyRef,
  ExpectedAction,
  ExplainResult,
  IntentFields,
  Language,
  ModelAdvice,
  NoAdvice,
  NoAdviceReason,
  RefinedIntent,
  StatedAmount,
  StatedIntentResult,
  UserActionKind,
  VerifyMode,
} from './types';
export { type VerifyInput, verifyPrompt } from './verifyPrompt';
