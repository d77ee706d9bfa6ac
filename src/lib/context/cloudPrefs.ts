import { CloudConfigError, checkCloudConfig, completionsUrl } from '$lib/cloud/config';
import { isChoices, type ProfileChoices } from '$lib/cloud/profiles';
import type { PrivacyProfile } from '$lib/cloud/sanitized';
import { MAX_TIMEOUT_MS } from '$lib/verifier/runCompletion';
import { ContextError } from './errors';
import type { CloudPrefs } from './records';

/** The timeout of a record saved before it had one, and the form's starting value. */
export const DEFAULT_CLOUD_TIMEOUT_MS = 2_000;
/** The shortest timeout saved: below it not even a server on this machine answers reliably. */
export const MIN_CLOUD_TIMEOUT_MS = 250;
/** The longest timeout saved (the cloud client's own limit). */
export const MAX_CLOUD_TIMEOUT_MS = MAX_TIMEOUT_MS;
/** The longest base URL saved (as the export file allows). */
export const MAX_BASE_URL_CHARS = 2_000;
/** The longest model name (as `checkCloudConfig` allows). */
export const MAX_MODEL_CHARS = 256;
/** The longest API key (as `checkCloudConfig` allows). */
export const MAX_API_KEY_CHARS = 4_096;

const PROFILES: readonly PrivacyProfile[] = ['strict', 'default', 'override'];

/** What `saveCloud` takes: the settings as typed (text is trimmed here). */
export type CloudInput = {
  readonly enabled: boolean;
  readonly baseUrl: string;
  readonly model: string;
  /**
   * The key to save; `''` for none; left out: keep the saved key, but only for an endpoint at the
   * same origin as the saved one (a key is never carried over to another server).
   */
  readonly apiKey?: string;
  readonly timeoutMs: number;
  readonly profile: PrivacyProfile;
  /** Required with the `override` profile; ignored (not saved) with the others, but still checked. */
  readonly override?: ProfileChoices;
};

/** A field of the cloud settings, as errors name it (`ContextError.path`). */
export type CloudField = 'enabled' | 'baseUrl' | 'model' | 'apiKey' | 'timeoutMs' | 'profile' | 'override';

/** Why one field is refused; the UI has a sentence per kind in each language. */
export type CloudProblem =
  | { readonly field: 'enabled'; readonly kind: 'notBoolean' }
  | {
      readonly field: 'baseUrl';
      readonly kind: 'empty' | 'notUrl' | 'https' | 'credentials' | 'query' | 'long';
    }
  | { readonly field: 'model'; readonly kind: 'empty' | 'chars' | 'long' }
  | { readonly field: 'apiKey'; readonly kind: 'chars' | 'long' }
  | { readonly field: 'timeoutMs'; readonly kind: 'range' }
  | { readonly field: 'profile'; readonly kind: 'unknown' }
  | { readonly field: 'override'; readonly kind: 'invalid' };

/** What `checkCloudInput` found: the record to save (less its time), or every problem, in field order. */
export type CloudInputCheck =
  | { readonly ok: true; readonly prefs: Omit<CloudPrefs, 'updatedAt'> }
  | { readonly ok: false; readonly problems: readonly CloudProblem[] };

const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/**
 * Checks cloud settings as typed: the URL, model, key and timeout exactly as `checkCloudConfig`
 * will (each alone, so a problem is named at its field), plus a whole-millisecond timeout of at
 * least MIN_CLOUD_TIMEOUT_MS, a known profile and, for `override`, complete per-class choices.
 * `saved` is the record saved now: its key is kept when `input.apiKey` is left out and the base URL
 * keeps its origin. Never throws for any input value.
 */
export function checkCloudInput(input: unknown, saved?: SavedEndpoint): CloudInputCheck {
  const o = (typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {}) as Record<
    string,
    unknown
  >;
  const problems: CloudProblem[] = [];
  if (typeof o.enabled !== 'boolean') problems.push({ field: 'enabled', kind: 'notBoolean' });
  const baseUrl = typeof o.baseUrl === 'string' ? o.baseUrl.trim() : undefined;
  const urlKind = baseUrlProblem(baseUrl);
  if (urlKind) problems.push({ field: 'baseUrl', kind: urlKind });
  const model = typeof o.model === 'string' ? o.model.trim() : '';
  if (model === '') problems.push({ field: 'model', kind: 'empty' });
  else if (model.length > MAX_MODEL_CHARS) problems.push({ field: 'model', kind: 'long' });
  else if (CONTROL_OR_FORMAT.test(model) || !passes({ model }))
    problems.push({ field: 'model', kind: 'chars' });
  const apiKey =
    o.apiKey === undefined ? keptKey(saved, baseUrl) : typeof o.apiKey === 'string' ? o.apiKey.trim() : null;
  if (apiKey === null) problems.push({ field: 'apiKey', kind: 'chars' });
  else if (apiKey.length > MAX_API_KEY_CHARS) problems.push({ field: 'apiKey', kind: 'long' });
  else if (apiKey !== '' && !passes({ apiKey })) problems.push({ field: 'apiKey', kind: 'chars' });
  const timeoutMs = o.timeoutMs;
  if (
    typeof timeoutMs !== 'number' ||
    !Number.isInteger(timeoutMs) ||
    timeoutMs < MIN_CLOUD_TIMEOUT_MS ||
    timeoutMs > MAX_CLOUD_TIMEOUT_MS ||
    !passes({ timeoutMs })
  )
    problems.push({ field: 'timeoutMs', kind: 'range' });
  const profile = PROFILES.find((p) => p === o.profile);
  if (!profile) problems.push({ field: 'profile', kind: 'unknown' });
  const hasOverride = o.override !== undefined;
  if ((profile === 'override' || hasOverride) && !isChoices(o.override))
    problems.push({ field: 'override', kind: 'invalid' });
  if (problems.length > 0) return { ok: false, problems };
  const override = o.override as ProfileChoices;
  return {
    ok: true,
    prefs: {
      id: 'cloud',
      enabled: o.enabled as boolean,
      baseUrl: baseUrl as string,
      model,
      apiKey: apiKey as string,
      profile: profile as PrivacyProfile,
      ...(profile === 'override' && {
        override: {
          amount: override.amount,
          counterparty: override.counterparty,
          freeText: override.freeText,
          timing: override.timing,
        },
      }),
      timeoutMs: timeoutMs as number,
    },
  };
}

/** What of a saved record decides whether its key is kept. */
export type SavedEndpoint = Pick<CloudPrefs, 'apiKey' | 'baseUrl'>;

/** The saved key, when the new base URL has the saved one's origin (scheme, host and port); else none. */
export function keptKey(saved: SavedEndpoint | undefined, baseUrl: string | undefined): string {
  if (!saved || saved.apiKey === '' || baseUrl === undefined) return '';
  return sameOrigin(saved.baseUrl, baseUrl) ? saved.apiKey : '';
}

/** Whether two URLs have one origin; false when either is not a URL, or has an opaque origin. */
export function sameOrigin(a: string, b: string): boolean {
  try {
    const origin = new URL(a.trim()).origin;
    return origin !== 'null' && origin === new URL(b.trim()).origin;
  } catch {
    return false;
  }
}

/** A known-good configuration: each field is checked alone by putting it into this one. */
const GOOD = { baseUrl: 'https://example.invalid/v1', model: 'm', timeoutMs: 1_000 } as const;

/** Whether `checkCloudConfig` accepts `field` in an otherwise good configuration. */
function passes(field: { model?: string; apiKey?: string; timeoutMs?: number }): boolean {
  try {
    checkCloudConfig({ ...GOOD, ...field });
    return true;
  } catch (error) {
    if (error instanceof CloudConfigError) return false;
    throw error;
  }
}

/** Why a base URL is refused (completionsUrl decides; the kind only picks the words), or none. */
function baseUrlProblem(
  baseUrl: string | undefined,
): Extract<CloudProblem, { field: 'baseUrl' }>['kind'] | undefined {
  if (baseUrl === undefined) return 'notUrl';
  if (baseUrl === '') return 'empty';
  if (baseUrl.length > MAX_BASE_URL_CHARS) return 'long';
  // The URL parser drops tabs and newlines inside a URL; a saved URL must be what it reads.
  if (/\s/u.test(baseUrl) || CONTROL_OR_FORMAT.test(baseUrl)) return 'notUrl';
  try {
    completionsUrl(baseUrl);
    return undefined;
  } catch (error) {
    if (!(error instanceof CloudConfigError)) throw error;
  }
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return 'notUrl';
  }
  // Without credentials, query and fragment only the scheme and host can be refused.
  const bare = new URL(url.href);
  bare.username = '';
  bare.password = '';
  bare.search = '';
  bare.hash = '';
  try {
    completionsUrl(bare.href);
  } catch {
    return 'https';
  }
  if (url.username !== '' || url.password !== '') return 'credentials';
  if (url.search !== '' || url.hash !== '') return 'query';
  return 'notUrl';
}

/** The English sentence for a problem (the store's error; the settings screen has its own translations). */
export function describeCloudProblem(problem: CloudProblem): string {
  switch (problem.field) {
    case 'enabled':
      return 'Say whether the cloud tier is on: true or false.';
    case 'baseUrl':
      switch (problem.kind) {
        case 'empty':
          return 'Enter the base URL of the endpoint, such as https://api.example.com/v1.';
        case 'notUrl':
          return 'The base URL is not a URL: write it in full, such as https://api.example.com/v1, without spaces.';
        case 'https':
          return 'The base URL must use https (plain http only to 127.0.0.1 or localhost, for a server on this machine).';
        case 'credentials':
          return 'The base URL must not contain a user name or password: put the key in the API key field.';
        case 'query':
          return 'The base URL must not have a query (?…) or a fragment (#…).';
        case 'long':
          return `The base URL is longer than ${MAX_BASE_URL_CHARS} characters.`;
      }
      break;
    case 'model':
      return problem.kind === 'empty'
        ? 'Enter the model name the server knows.'
        : problem.kind === 'long'
          ? `A model name has at most ${MAX_MODEL_CHARS} characters.`
          : 'A model name has no control or invisible characters.';
    case 'apiKey':
      return problem.kind === 'long'
        ? `An API key has at most ${MAX_API_KEY_CHARS} characters.`
        : 'An API key has only printable ASCII characters, without spaces.';
    case 'timeoutMs':
      return `The timeout is a whole number of milliseconds from ${MIN_CLOUD_TIMEOUT_MS} to ${MAX_CLOUD_TIMEOUT_MS}.`;
    case 'profile':
      return 'The privacy profile is strict, default or override.';
    case 'override':
      return 'The override needs one valid choice for each of amount, counterparty, free text and timing.';
  }
  return 'The cloud settings are not valid.';
}

/**
 * Cloud settings as typed, ready to save, or a ContextError (`invalidInput`, `path` naming the first
 * bad field) saying why not. `saved` is the record saved now (its key is kept when none is typed
 * and the endpoint keeps its origin).
 */
export function toCloudPrefs(input: CloudInput, now: number, saved?: CloudPrefs): CloudPrefs {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new ContextError('invalidInput', 'The cloud settings must be an object of fields.');
  const check = checkCloudInput(input, saved);
  if (!check.ok) {
    const [first] = check.problems as [CloudProblem];
    throw new ContextError('invalidInput', describeCloudProblem(first), { path: first.field });
  }
  return { ...check.prefs, updatedAt: now };
}

/**
 * A stored cloud record as this version reads it: one saved before the timeout existed gets the
 * default. Anything else is kept as it is (`cloudSetup` refuses a record it cannot use).
 */
export function upgradeCloudPrefs(record: CloudPrefs): CloudPrefs {
  const timeoutMs = (record as { timeoutMs?: unknown }).timeoutMs;
  return typeof timeoutMs === 'number' ? record : { ...record, timeoutMs: DEFAULT_CLOUD_TIMEOUT_MS };
}
