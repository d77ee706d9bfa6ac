import type { Address } from 'viem';
import { isSanitized, SanitizeError, sanitize } from '$lib/cloud/sanitize';
import type { SanitizedRequest } from '$lib/cloud/sanitized';
import type { CloudSetup } from '$lib/cloud/setup';
import type { InspectResult } from '$lib/edge/view';
import type { Availability } from '$lib/orchestrator/route';

/** What the shell knows about the cloud tier for one request, before routing. */
export type CloudReadiness = {
  readonly availability: Availability;
  /** The sanitized request the cloud would receive (built only when the tier is otherwise usable). */
  readonly request?: SanitizedRequest;
  /** Leak(κ, Π) of that request: 0 when the sanitizer's run-time check passes. */
  readonly leak?: number;
  /** Why the sanitizer refused, when it did. */
  readonly detail?: string;
};

/** What cloudReadiness reads from the shell. */
export type CloudReadinessInput = {
  readonly result: Extract<InspectResult, { ok: true }>;
  readonly setup: CloudSetup | undefined;
  readonly online: boolean;
  /** Whether this page's Content Security Policy lets it connect to the endpoint (undefined: no policy). */
  readonly cspAllows: boolean | undefined;
  /** The connected wallet's accounts: always sent as the role `self`, never as an address. */
  readonly self: readonly Address[];
  /** The wallet's chain, for payloads that do not name one. */
  readonly chainId?: bigint;
  /** Per-request randomness (≥ 16 bytes) for the sanitizer's pseudonyms. */
  readonly salt: Uint8Array;
};

/**
 * Whether the cloud tier can take this request and, if so, the sanitized request it would get:
 * not configured, offline, blocked by the page's CSP, or refused by the sanitizer (which fails
 * closed) are each a reason in words; otherwise the request and its leak count. Builds nothing the
 * cloud could receive unless every other condition holds.
 */
export function cloudReadiness(input: CloudReadinessInput): CloudReadiness {
  const { setup } = input;
  if (!setup) return { availability: { available: false, reason: 'not-configured' } };
  if (!input.online) return { availability: { available: false, reason: 'offline' } };
  if (input.cspAllows === false) return { availability: { available: false, reason: 'blocked-by-csp' } };
  try {
    const request = sanitize({
      result: input.result,
      profile: setup.profile,
      ...(setup.override && { override: setup.override }),
      salt: input.salt,
      self: input.self,
      ...(input.chainId !== undefined && { chainId: input.chainId }),
    });
    return { availability: { available: true }, request, leak: isSanitized(request) ? 0 : 1 };
  } catch (error) {
    const detail = error instanceof SanitizeError ? error.message : String(error);
    return { availability: { available: false, reason: 'not-sanitizable' }, detail };
  }
}
