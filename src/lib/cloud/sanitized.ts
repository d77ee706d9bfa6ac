declare const sanitizedBrand: unique symbol;

/** Which privacy profile produced a sanitized request. */
export type PrivacyProfile = 'strict' | 'default' | 'override';

/**
 * The only thing the cloud client sends: a JSON-ready projection of a request made by the
 * sanitizer (`sanitize` in sanitize.ts), branded so nothing else type-checks as one. `body` is
 * plain JSON (no bigint, no undefined); `classes` names the field classes it contains.
 */
export type SanitizedRequest = {
  readonly [sanitizedBrand]: true;
  readonly profile: PrivacyProfile;
  readonly body: Readonly<Record<string, unknown>>;
  readonly classes: readonly ('public' | 'sensitive')[];
};
