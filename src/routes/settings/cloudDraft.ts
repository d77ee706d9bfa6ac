import type { CloudConfig } from '$lib/cloud/config';
import { DEFAULT_CHOICES, type ProfileChoices } from '$lib/cloud/profiles';
import type { PrivacyProfile } from '$lib/cloud/sanitized';
import {
  type CloudField,
  type CloudInput,
  type CloudProblem,
  checkCloudInput,
  DEFAULT_CLOUD_TIMEOUT_MS,
  sameOrigin,
} from '$lib/context/cloudPrefs';
import type { CloudPrefs } from '$lib/context/records';

/** The cloud settings form as typed: text for every field, the key only when one is typed. */
export type CloudDraft = {
  readonly enabled: boolean;
  readonly baseUrl: string;
  readonly model: string;
  /** A key typed now; empty: keep the saved one (same server only) unless `clearKey`. */
  readonly apiKey: string;
  /** Remove the saved key. */
  readonly clearKey: boolean;
  readonly timeout: string;
  readonly profile: PrivacyProfile;
  /** The override's choices, kept while another profile is picked (saved only with `override`). */
  readonly override: ProfileChoices;
};

/** The loopback stand-in (`npm run cloud:loopback`): where it listens and the model it answers as. */
export const LOOPBACK_DEMO = { baseUrl: 'http://127.0.0.1:8787/v1', model: 'loopback' } as const;

/** The form for a saved record, or for a first setup (off, strict, the default timeout). Never holds the saved key. */
export function draftOf(prefs: CloudPrefs | undefined): CloudDraft {
  return {
    enabled: prefs?.enabled ?? false,
    baseUrl: prefs?.baseUrl ?? '',
    model: prefs?.model ?? '',
    apiKey: '',
    clearKey: false,
    timeout: String(prefs?.timeoutMs ?? DEFAULT_CLOUD_TIMEOUT_MS),
    profile: prefs?.profile ?? 'strict',
    override: { ...(prefs?.override ?? DEFAULT_CHOICES) },
  };
}

/** The form with the loopback demo filled in: its URL and model, and no key (a real key never goes to it). */
export function withDemo(draft: CloudDraft): CloudDraft {
  return { ...draft, ...LOOPBACK_DEMO, apiKey: '', clearKey: true };
}

/** Milliseconds from the timeout field: digits only (spaces and `,` `_` `'` as separators), else NaN. */
export function timeoutOf(text: string): number {
  const compact = text.trim().replace(/[\s,_']/g, '');
  return /^\d{1,9}$/.test(compact) ? Number(compact) : Number.NaN;
}

/** What the store is asked to save for a draft (the key left out means: keep the saved one). */
export function inputOf(draft: CloudDraft): CloudInput {
  const typed = draft.apiKey.trim();
  return {
    enabled: draft.enabled,
    baseUrl: draft.baseUrl,
    model: draft.model,
    ...(typed !== '' ? { apiKey: typed } : draft.clearKey ? { apiKey: '' } : {}),
    timeoutMs: timeoutOf(draft.timeout),
    profile: draft.profile,
    ...(draft.profile === 'override' && { override: draft.override }),
  };
}

/** The first problem of each field of a draft, as the store will find them. */
export function problemsOf(
  draft: CloudDraft,
  saved: CloudPrefs | undefined,
): Partial<Record<CloudField, CloudProblem>> {
  const check = checkCloudInput(inputOf(draft), saved);
  const out: Partial<Record<CloudField, CloudProblem>> = {};
  if (!check.ok) for (const problem of check.problems) out[problem.field] ??= problem;
  return out;
}

/** Where the saved key stands for this draft: none saved, kept, removed, or not sent to a new server. */
export type KeyState = 'none' | 'kept' | 'replaced' | 'removed' | 'otherServer';

/** What happens to the saved key if this draft is saved (or tested). */
export function keyState(draft: CloudDraft, saved: CloudPrefs | undefined): KeyState {
  if (draft.apiKey.trim() !== '') return 'replaced';
  if (!saved || saved.apiKey === '') return 'none';
  if (draft.clearKey) return 'removed';
  return sameOrigin(saved.baseUrl, draft.baseUrl) ? 'kept' : 'otherServer';
}

/**
 * The configuration and privacy settings a test of the connection uses: the draft as it would be
 * saved (enabled or not), or the problems that stop it.
 */
export function testSetupOf(
  draft: CloudDraft,
  saved: CloudPrefs | undefined,
):
  | {
      readonly ok: true;
      readonly config: CloudConfig;
      readonly profile: PrivacyProfile;
      readonly override?: ProfileChoices;
    }
  | { readonly ok: false; readonly problems: readonly CloudProblem[] } {
  const check = checkCloudInput(inputOf(draft), saved);
  if (!check.ok) return check;
  const { baseUrl, model, apiKey, timeoutMs, profile, override } = check.prefs;
  return {
    ok: true,
    config: { baseUrl, model, ...(apiKey !== '' && { apiKey }), timeoutMs },
    profile,
    ...(override && { override }),
  };
}

/** The host (and port) of a base URL, for the status line; the text itself when it is no URL. */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host || baseUrl;
  } catch {
    return baseUrl;
  }
}
