import type { Complete, Completion, CompletionRequest } from './complete';
import { cleanText, clip } from './text';
import type { NoAdvice } from './types';

/** How long a task waits for its answer, and who may withdraw the question. */
export type TaskOptions = {
  /** Milliseconds; an answer after this is `late` and ignored. Defaults per task (DEFAULT_TIMEOUTS). */
  readonly timeoutMs?: number;
  /** Aborting it withdraws the question: the engine is told to stop, the task returns `aborted`. */
  readonly signal?: AbortSignal;
};

/**
 * Default time budgets per task, in milliseconds, for a 0.6B nano and a 4B verifier on a laptop
 * GPU: a short JSON answer, a few sentences, a schema'd verdict, and the longer `<REFLECT>` audit.
 */
export const DEFAULT_TIMEOUTS: Readonly<Record<CompletionRequest['task'], number>> = {
  intent: 8_000,
  explain: 15_000,
  verify: 20_000,
  audit: 40_000,
};

/** The longest a task may be allowed to wait. */
export const MAX_TIMEOUT_MS = 300_000;

/**
 * Errors by which an engine says it cannot run at all (rather than failed while running): names
 * ending in `NotAvailableError`, `UnavailableError`, `NotFoundError` or `NotLoadedError` (web-llm's
 * `WebGPUNotAvailableError`, `WebGPUNotFoundError`, `ModelNotFoundError`, `ModelNotLoadedError`,
 * `WorkerEngineModelNotLoadedError`…) and `DeviceLostError`. Comlink keeps an Error's name across
 * the worker boundary.
 */
const UNAVAILABLE = /(?:NotAvailable|Unavailable|NotFound|NotLoaded|DeviceLost)Error$/;

/** Why a rejected completion gave nothing: `unavailable` or `failed`, with the error in one clean line. */
export function rejectionReason(error: unknown): NoAdvice {
  const name =
    typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
      ? (error as { name: string }).name
      : '';
  const message =
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
      ? (error as { message: string }).message
      : String(error);
  return {
    kind: 'none',
    reason: UNAVAILABLE.test(name) ? 'unavailable' : 'failed',
    detail: clip(cleanText(name ? `${name}: ${message}` : message), 200),
  };
}

/** A completion, or why there is none. */
export type CompletionOutcome = { readonly kind: 'completion'; readonly completion: Completion } | NoAdvice;

/**
 * Sends one request to `complete` with an AbortSignal and waits at most `timeoutMs`. Late: the
 * engine is told to stop and the result is `late`; whatever arrives afterwards is ignored. The
 * caller's signal aborted: `aborted`. A rejection: `unavailable` or `failed` (see rejectionReason).
 * An answer the engine itself stopped (`finishReason: 'abort'`) without being asked to: `failed`.
 * Never rejects, except a RangeError for a bad `timeoutMs`.
 */
export function runCompletion(
  complete: Complete,
  request: CompletionRequest,
  options: TaskOptions = {},
): Promise<CompletionOutcome> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUTS[request.task];
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS))
    return Promise.reject(
      new RangeError(`timeoutMs must be within (0, ${MAX_TIMEOUT_MS}], got ${timeoutMs}`),
    );
  const { signal } = options;
  if (signal?.aborted)
    return Promise.resolve({ kind: 'none', reason: 'aborted', detail: 'aborted before it was sent' });
  const controller = new AbortController();
  return new Promise<CompletionOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: CompletionOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const onAbort = () => {
      finish({ kind: 'none', reason: 'aborted' });
      controller.abort(signal?.reason);
    };
    const timer = setTimeout(() => {
      finish({ kind: 'none', reason: 'late', detail: `no answer within ${timeoutMs} ms` });
      controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
    }, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    let pending: Promise<Completion>;
    try {
      pending = Promise.resolve(complete(request, controller.signal));
    } catch (error) {
      finish(rejectionReason(error));
      return;
    }
    pending.then(
      (completion) =>
        finish(
          completion?.finishReason === 'abort'
            ? { kind: 'none', reason: 'failed', detail: 'the engine stopped the answer' }
            : { kind: 'completion', completion },
        ),
      (error: unknown) => finish(rejectionReason(error)),
    );
  });
}
