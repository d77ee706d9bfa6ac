import { inspect } from '../inspect';
import type { Decision } from './decision';
import type { Facts } from './facts';
import type { Policy } from './policy';

/** Parameters of {@link decide}. */
export type DecideParameters = { readonly input: string; readonly policy?: Policy; readonly facts?: Facts };

/** Parses, decodes and gates an input in one call. Never throws. */
export function decide({ input, policy, facts }: DecideParameters): Decision {
  return inspect(input, { ...(policy && { policy }), ...(facts && { facts }) }).decision;
}
