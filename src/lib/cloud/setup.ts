import type { CloudPrefs, PrefsRecord } from '../context/records';
import { type CloudConfig, checkCloudConfig } from './config';
import { choicesOf, isChoices, type ProfileChoices } from './profiles';
import type { PrivacyProfile } from './sanitized';

/** PROVISIONAL — replaced by the cloud settings branch (same interface). */
export type CloudSetup = {
  readonly config: CloudConfig;
  readonly profile: PrivacyProfile;
  readonly override?: ProfileChoices;
};

/** The cloud setup to use, or undefined when none is saved, it is disabled, or it is unusable. */
export function cloudSetup(prefs: CloudPrefs | undefined): CloudSetup | undefined {
  if (!prefs?.enabled) return undefined;
  const config: CloudConfig = {
    baseUrl: prefs.baseUrl,
    model: prefs.model,
    apiKey: prefs.apiKey,
    timeoutMs: (prefs as { timeoutMs?: number }).timeoutMs ?? 2000,
  };
  try {
    checkCloudConfig(config);
  } catch {
    return undefined;
  }
  const override = (prefs as { override?: unknown }).override;
  if (prefs.profile === 'override') {
    try {
      return {
        config,
        profile: 'override',
        override: choicesOf('override', override as Partial<ProfileChoices>),
      };
    } catch {
      return undefined;
    }
  }
  void isChoices;
  return { config, profile: prefs.profile };
}

/** The saved cloud prefs in a snapshot. */
export function savedCloudPrefs(snapshot: {
  readonly status: string;
  readonly data: { readonly prefs: readonly PrefsRecord[] };
}): CloudPrefs | undefined {
  if (snapshot.status !== 'ready') return undefined;
  const record = snapshot.data.prefs.find((p) => p.id === 'cloud');
  return record?.id === 'cloud' ? record : undefined;
}
