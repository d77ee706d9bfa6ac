import { type Hex, sha256, stringToBytes } from 'viem';
import type { ChatMessage } from '../verifier/complete';
import type { Tier } from './plans';

/** The classes of fields a signal's producer saw (cloud/classify.ts defines public and sensitive). */
export type FieldClass = 'public' | 'sensitive' | 'private';

/** Which signal a record is about. */
export type SignalKind =
  /** The edge gate's decision. */
  | 'decision'
  /** The nano's reading of the person's words. */
  | 'intent'
  /** The verifier, Standard mode. */
  | 'verify'
  /** The verifier, `<REFLECT>` audit mode. */
  | 'audit'
  /** The nano's explanation. */
  | 'explain'
  /** The cloud tier's `<FORESIGHT>` context. */
  | 'foresight';

/** How a signal ended. */
export type SignalOutcome =
  | 'decided'
  | 'answered'
  | 'running'
  | 'unavailable'
  | 'malformed'
  | 'late'
  | 'failed'
  | 'aborted';

/**
 * Where one signal came from (DMind-3's provenance tracking): the tier, the model or endpoint, a hash
 * of the exact prompt it was given, when it was asked and how long it took, and which classes of
 * fields it saw. Plain JSON.
 */
export type ProvenanceRecord = {
  readonly signal: SignalKind;
  readonly tier: Tier;
  /** The policy (edge), the model build (local), or the endpoint's origin and model (cloud). */
  readonly source: string;
  /** SHA-256 of the exact messages sent, for a model's signal. */
  readonly promptHash?: Hex;
  /** When it was asked, milliseconds since the epoch. */
  readonly at: number;
  readonly durationMs?: number;
  readonly saw: readonly FieldClass[];
  /** The privacy profile a cloud request was sanitized under. */
  readonly profile?: string;
  readonly outcome: SignalOutcome;
  /** One line on why there is no answer (an HTTP status, a timeout). */
  readonly detail?: string;
};

/** What the edge and the local models see: everything, the private context included. */
export const ON_DEVICE: readonly FieldClass[] = ['public', 'sensitive', 'private'];

/** SHA-256 of the messages as they were sent (JSON of role and content, in order). Pure. */
export function promptHash(messages: readonly ChatMessage[]): Hex {
  return sha256(stringToBytes(JSON.stringify(messages.map((m) => [m.role, m.content]))));
}
