import { upgradeCloudPrefs } from '../context/cloudPrefs';
import type { CloudPrefs } from '../context/records';
import type { ContextSnapshot } from '../context/store';
import { type CloudConfig, CloudConfigError, checkCloudConfig } from './config';
import { isChoices, type ProfileChoices } from './profiles';
import type { PrivacyProfile } from './sanitized';

/** What the cloud tier runs with: where to ask, and how to sanitize what it is asked. */
export type CloudSetup = {
  readonly config: CloudConfig;
  readonly profile: PrivacyProfile;
  /** The per-class choices; present exactly when `profile` is `override`. */
  readonly override?: ProfileChoices;
};

const PROFILES: readonly unknown[] = ['strict', 'default', 'override'];

/**
 * The cloud setup to use, or undefined when none is saved, it is disabled, or it is unusable (a
 * configuration `checkCloudConfig` refuses, an unknown profile, an override profile without complete
 * choices). Fails closed: anything doubtful means no cloud. Pure.
 */
export function cloudSetup(prefs: CloudPrefs | undefined): CloudSetup | undefined {
  if (prefs?.id !== 'cloud' || prefs.enabled !== true) return undefined;
  const { baseUrl, model, apiKey, timeoutMs, profile, override } = upgradeCloudPrefs(prefs);
  if (typeof baseUrl !== 'string' || typeof model !== 'string' || typeof apiKey !== 'string')
    return undefined;
  if (!PROFILES.includes(profile)) return undefined;
  if (profile === 'override' && !isChoices(override)) return undefined;
  const config: CloudConfig = { baseUrl, model, ...(apiKey !== '' && { apiKey }), timeoutMs };
  try {
    checkCloudConfig(config);
  } catch (error) {
    if (error instanceof CloudConfigError) return undefined;
    throw error;
  }
  return {
    config,
    profile,
    ...(profile === 'override' && { override: { ...(override as ProfileChoices) } }),
  };
}

/**
 * The saved cloud prefs in a snapshot (like savedProjectId in context/projectId.ts): undefined when
 * none is saved or the store is not ready (locked, opening, unavailable: the cloud tier is then off).
 * A record saved before the timeout existed comes back with the default timeout.
 */
export function savedCloudPrefs(snapshot: ContextSnapshot): CloudPrefs | undefined {
  if (snapshot.status !== 'ready') return undefined;
  const record = snapshot.data.prefs.find((p) => p.id === 'cloud');
  return record?.id === 'cloud' ? upgradeCloudPrefs(record) : undefined;
}
