import { MAX_TIMEOUT_MS } from '../verifier/runCompletion';

/** Where the cloud tier's OpenAI-compatible endpoint is and how long to wait for it. */
export type CloudConfig = {
  /** The API root, ending before `/chat/completions` (e.g. `https://api.example.com/v1`). */
  readonly baseUrl: string;
  /** The model name the server knows (`vllm serve <model>` serves it under `<model>`). */
  readonly model: string;
  /** Sent as `Authorization: Bearer <key>` when set (an empty string is none); never put in the URL. */
  readonly apiKey?: string;
  /** Milliseconds; an answer after this is `late` and ignored. Within (0, MAX_TIMEOUT_MS]. */
  readonly timeoutMs: number;
};

/** A cloud configuration that cannot be used; the message says what to fix. */
export class CloudConfigError extends Error {
  override readonly name = 'CloudConfigError';
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The chat-completions URL of a base URL: https only, except plain http to this machine
 * (127.0.0.1, localhost, [::1]) for a local vLLM/SGLang server or the loopback stand-in; no user name
 * or password, query or fragment. Throws CloudConfigError.
 */
export function completionsUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new CloudConfigError(`the cloud base URL is not a URL: ${JSON.stringify(baseUrl.slice(0, 200))}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)))
    throw new CloudConfigError(
      `the cloud base URL must use https (plain http only to 127.0.0.1 or localhost), got ${url.protocol}//${url.host}`,
    );
  if (url.username !== '' || url.password !== '')
    throw new CloudConfigError('the cloud base URL must not contain credentials; set the API key instead');
  if (url.search !== '' || url.hash !== '')
    throw new CloudConfigError('the cloud base URL must not have a query or a fragment');
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/chat/completions`;
  return url;
}

/** Whether a key is set: an empty string counts as none. */
export function hasKey(config: CloudConfig): config is CloudConfig & { readonly apiKey: string } {
  return config.apiKey !== undefined && config.apiKey !== '';
}

/** Checks a whole configuration (see completionsUrl for the URL). Throws CloudConfigError. */
export function checkCloudConfig(config: CloudConfig): URL {
  const url = completionsUrl(config.baseUrl);
  if (typeof config.model !== 'string' || config.model.trim() === '' || config.model.length > 256)
    throw new CloudConfigError('the cloud model name must be 1 to 256 characters');
  if (hasKey(config) && !/^[\x21-\x7e]{1,4096}$/.test(config.apiKey))
    throw new CloudConfigError('the cloud API key must be printable ASCII without spaces');
  const { timeoutMs } = config;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT_MS))
    throw new CloudConfigError(
      `the cloud timeout must be within (0, ${MAX_TIMEOUT_MS}] ms, got ${timeoutMs}`,
    );
  return url;
}
