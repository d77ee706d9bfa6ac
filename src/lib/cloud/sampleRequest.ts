import { inspect } from '../edge/inspect';
import type { ProfileChoices } from './profiles';
import { SAMPLE_INPUT } from './sampleInput';
import { sanitize } from './sanitize';
import type { PrivacyProfile, SanitizedRequest } from './sanitized';

/** What `sampleRequest` needs: the profile (and override) to sanitize under, and fresh randomness. */
export type SampleRequestParameters = {
  readonly profile: PrivacyProfile;
  readonly override?: Partial<ProfileChoices>;
  /** Per-request randomness (at least 16 bytes; the screen draws 32). */
  readonly salt: Uint8Array;
};

/**
 * The sample inspected by the edge and sanitized under the given profile: exactly what a test of
 * the connection sends. Pure. Throws (SanitizeError) for a bad profile, override or salt.
 */
export function sampleRequest(parameters: SampleRequestParameters): SanitizedRequest {
  const result = inspect(SAMPLE_INPUT);
  if (!result.ok) throw new Error(`the cloud sample no longer parses: ${result.error.message}`);
  return sanitize({
    result,
    profile: parameters.profile,
    ...(parameters.override && { override: parameters.override }),
    salt: parameters.salt,
  });
}
