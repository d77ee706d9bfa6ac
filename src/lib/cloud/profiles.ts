import type { PrivacyProfile } from './sanitized';

/** How each sensitive field class is rendered. Private context has no entry: it is never sent. */
export type ProfileChoices = {
  /** Amounts: an order of magnitude, a 1-2-5 bucket, the exact value, or nothing. */
  readonly amount: 'hide' | 'magnitude' | 'bucket' | 'exact';
  /** Addresses that are not public contracts or listed tokens (never the user's own). */
  readonly counterparty: 'hide' | 'pseudonym' | 'exact';
  /** Free text (message text, typed-data domain names of unknown contracts): length and character class, or exact. */
  readonly freeText: 'hide' | 'shape' | 'exact';
  /** Deadlines and expiries: the UTC month, or the exact second. */
  readonly timing: 'hide' | 'month' | 'exact';
};

/** The fixed choices of the strict profile: public fields only. */
export const STRICT_CHOICES: ProfileChoices = {
  amount: 'magnitude',
  counterparty: 'hide',
  freeText: 'hide',
  timing: 'hide',
};

/** The fixed choices of the default profile. */
export const DEFAULT_CHOICES: ProfileChoices = {
  amount: 'bucket',
  counterparty: 'pseudonym',
  freeText: 'shape',
  timing: 'month',
};

/** The values each field class allows, from the most private to the least (the settings screen lists them in this order). */
export const CHOICE_OPTIONS: { readonly [K in keyof ProfileChoices]: readonly ProfileChoices[K][] } = {
  amount: ['hide', 'magnitude', 'bucket', 'exact'],
  counterparty: ['hide', 'pseudonym', 'exact'],
  freeText: ['hide', 'shape', 'exact'],
  timing: ['hide', 'month', 'exact'],
};

/** Thrown for a bad profile or override: the sanitizer fails closed, it never guesses. */
export class SanitizeError extends Error {
  override readonly name = 'SanitizeError';
}

/**
 * The choices a profile stands for. `override` starts from the default profile's choices and
 * takes the user's per-class choices over them; each is validated (an unknown class or value throws).
 */
export function choicesOf(profile: PrivacyProfile, override?: Partial<ProfileChoices>): ProfileChoices {
  if (profile === 'strict') return STRICT_CHOICES;
  if (profile === 'default') return DEFAULT_CHOICES;
  if (profile !== 'override') throw new SanitizeError(`unknown privacy profile: ${String(profile)}`);
  const out: Record<string, string> = { ...DEFAULT_CHOICES };
  for (const [key, value] of Object.entries(override ?? {})) {
    const options = CHOICE_OPTIONS[key as keyof ProfileChoices] as readonly string[] | undefined;
    if (!options) throw new SanitizeError(`unknown field class in the override: ${key}`);
    if (typeof value !== 'string' || !options.includes(value))
      throw new SanitizeError(`override ${key} must be one of ${options.join(', ')}`);
    out[key] = value;
  }
  return out as ProfileChoices;
}

/** True when `value` is a valid choices object (every class present, every value allowed). */
export function isChoices(value: unknown): value is ProfileChoices {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  return (
    keys.length === 4 &&
    keys.every((key) =>
      (CHOICE_OPTIONS[key as keyof ProfileChoices] as readonly unknown[] | undefined)?.includes(record[key]),
    )
  );
}
