import type { CloudResult } from '$lib/cloud/types';
import {
  type CloudProblem,
  MAX_API_KEY_CHARS,
  MAX_BASE_URL_CHARS,
  MAX_CLOUD_TIMEOUT_MS,
  MAX_MODEL_CHARS,
  MIN_CLOUD_TIMEOUT_MS,
} from '$lib/context/cloudPrefs';
import type { MessageKey } from '$lib/i18n/en';
import type { MessageParams } from '$lib/i18n/i18n.svelte';

type T = (key: MessageKey, params?: MessageParams) => string;

const MAX: Partial<Record<CloudProblem['field'], number>> = {
  baseUrl: MAX_BASE_URL_CHARS,
  model: MAX_MODEL_CHARS,
  apiKey: MAX_API_KEY_CHARS,
};

/** The sentence for a field's problem, in the current language. */
export function problemWords(problem: CloudProblem, t: T): string {
  return t(`cloud.problem.${problem.field}.${problem.kind}` as MessageKey, {
    min: MIN_CLOUD_TIMEOUT_MS,
    max: problem.field === 'timeoutMs' ? MAX_CLOUD_TIMEOUT_MS : (MAX[problem.field] ?? 0),
  });
}

/** How a test ended, for its tone. */
export type OutcomeTone = 'ok' | 'warn' | 'error' | 'neutral';

/** What a test of the connection came to, in words: the line, its tone, and the model's explanation when advice came. */
export type TestOutcome = {
  readonly tone: OutcomeTone;
  /** `advice`, or the reason there was none. */
  readonly reason: string;
  readonly line: string;
  readonly explanation?: string;
};

/** The outcome of a test in words: advice with its reputation, risk and latency, or why there was none. */
export function outcomeWords(
  result: CloudResult,
  context: { readonly ms: number; readonly timeoutMs: number; readonly locale: string },
  t: T,
): TestOutcome {
  if (result.kind === 'advice') {
    return {
      tone: result.suggested === 'allow' ? 'ok' : 'warn',
      reason: 'advice',
      line: t('cloud.test.advice', {
        ms: Math.round(context.ms),
        reputation: t(`cloud.reputation.${result.reputation}`),
        risk: result.risk.toLocaleString(context.locale, {
          minimumFractionDigits: 2,
          maximumFractionDigits: 2,
        }),
        verdict: t(`verdict.${result.suggested}`),
      }),
      explanation: result.explanation,
    };
  }
  const detail = result.detail ?? '—';
  switch (result.reason) {
    case 'late':
      return { tone: 'warn', reason: 'late', line: t('cloud.test.late', { timeout: context.timeoutMs }) };
    case 'aborted':
      return { tone: 'neutral', reason: 'aborted', line: t('cloud.test.aborted') };
    case 'unavailable':
      return { tone: 'error', reason: 'unavailable', line: t('cloud.test.unavailable', { detail }) };
    case 'malformed':
      return { tone: 'error', reason: 'malformed', line: t('cloud.test.malformed', { detail }) };
    default:
      return { tone: 'error', reason: result.reason, line: t('cloud.test.failed', { detail }) };
  }
}
