import type { Policy, RiskProfile } from '../edge/gate/policy';

/**
 * B_t when the policy sets none: a conservative profile gives the models time to audit, an expert
 * one wants its answer sooner. A local `<REFLECT>` audit on a 4B model takes seconds on a consumer
 * GPU; a cloud round trip under one.
 */
export const DEFAULT_BUDGET_MS: Readonly<Record<RiskProfile, number>> = {
  conservative: 60_000,
  balanced: 30_000,
  expert: 10_000,
};

/** The latency budget B_t of a policy, in milliseconds: its own, or its profile's default. */
export function budgetOf(policy: Pick<Policy, 'profile' | 'routing'>): number {
  return policy.routing?.budgetMs ?? DEFAULT_BUDGET_MS[policy.profile] ?? DEFAULT_BUDGET_MS.balanced;
}
