import { OutputError } from '../verifier/readJson';
import { rejectionReason } from '../verifier/runCompletion';
import { cleanText, clip } from '../verifier/text';
import type { NoAdvice } from '../verifier/types';
import { chatBody } from './chatBody';
import { type CloudConfig, checkCloudConfig, hasKey } from './config';
import { parseForesight } from './parseForesight';
import { readBodyCapped, readCompletion } from './readCompletion';
import type { SanitizedRequest } from './sanitized';
import type { CloudResult } from './types';

/** What askCloud needs besides the configuration and the request. */
export type AskCloudOptions = {
  /**
   * The run-time half of invariant 5: true only for a value the sanitizer made (its `isSanitized`).
   * Required: a request it refuses, or throws on, is never sent.
   */
  readonly verify: (request: SanitizedRequest) => boolean;
  /** Aborting it withdraws the question: the request is cancelled, the result is `aborted`. */
  readonly signal?: AbortSignal;
  /** The fetch to use; the global one by default. */
  readonly fetcher?: typeof fetch;
};

/*
 * HTTP statuses that say the cloud cannot be used as configured or right now (a wrong key, a wrong
 * URL or model, rate limits, a gateway down): `unavailable`. Any other non-2xx status is `failed`.
 */
const UNAVAILABLE_STATUS = new Set([401, 403, 404, 408, 429, 502, 503, 504]);

function none(reason: NoAdvice['reason'], detail?: string): NoAdvice {
  return { kind: 'none', reason, ...(detail !== undefined && { detail: clip(cleanText(detail), 200) }) };
}

/** A fetch that rejects: the network, DNS, TLS, CORS or a redirect; unavailable, with the cause's code. */
function networkFailure(error: unknown): NoAdvice {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  return none('unavailable', `${rejectionReason(error).detail ?? 'fetch failed'}${code}`);
}

/**
 * Asks the configured OpenAI-compatible endpoint for `<FORESIGHT>` advice on a sanitized request:
 * POST `${baseUrl}/chat/completions` with the body of chatBody.ts, without cookies, referrer or
 * cache, following no redirect; `Authorization: Bearer` only when a key is set. The answer is
 * advisory and never on the critical path: every failure is `none` — `late` after
 * `config.timeoutMs` (the request is aborted), `aborted` when the caller's signal fires,
 * `unavailable` when the server cannot be reached or refuses the configuration (401, 403, 404, 408,
 * 429, 502–504), `failed` for any other HTTP error (the status in `detail`) or a request `verify`
 * refuses (`detail: 'not sanitized'`), `malformed` for an answer outside the schema. Rejects only
 * with a CloudConfigError for a configuration that cannot be used (see config.ts), before anything
 * is sent.
 */
export async function askCloud(
  config: CloudConfig,
  request: SanitizedRequest,
  options: AskCloudOptions,
): Promise<CloudResult> {
  const url = checkCloudConfig(config);
  if (typeof options?.verify !== 'function')
    throw new TypeError('askCloud: options.verify (the sanitizer check) is required');
  let sanitized = false;
  try {
    sanitized = options.verify(request) === true;
  } catch {
    sanitized = false;
  }
  if (!sanitized) return none('failed', 'not sanitized');
  let body: string;
  try {
    body = JSON.stringify(chatBody(config.model, request));
  } catch (error) {
    return none('failed', `the request cannot be sent: ${(error as Error).message}`);
  }
  const { signal } = options;
  if (signal?.aborted) return none('aborted', 'aborted before it was sent');
  const fetcher = options.fetcher ?? fetch;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (hasKey(config)) headers.authorization = `Bearer ${config.apiKey}`;
  const controller = new AbortController();

  const exchange = async (): Promise<CloudResult> => {
    let response: Response;
    try {
      response = await fetcher(url, {
        method: 'POST',
        headers,
        body,
        signal: controller.signal,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        redirect: 'error',
      });
    } catch (error) {
      return networkFailure(error);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const detail = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      return none(UNAVAILABLE_STATUS.has(response.status) ? 'unavailable' : 'failed', detail);
    }
    try {
      return parseForesight(readCompletion(await readBodyCapped(response)));
    } catch (error) {
      if (error instanceof OutputError) return none('malformed', error.message);
      return none('failed', `the answer could not be read: ${rejectionReason(error).detail ?? ''}`);
    }
  };

  return new Promise<CloudResult>((resolve) => {
    let settled = false;
    const finish = (result: CloudResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = () => {
      finish(none('aborted'));
      controller.abort(signal?.reason);
    };
    const timer = setTimeout(() => {
      finish(none('late', `no answer within ${config.timeoutMs} ms`));
      controller.abort(new DOMException(`no answer within ${config.timeoutMs} ms`, 'TimeoutError'));
    }, config.timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    exchange().then(finish, (error: unknown) => finish(none('failed', rejectionReason(error).detail)));
  });
}
