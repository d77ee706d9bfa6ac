/** The three tiers of the Edge–Local–Cloud stack (DESIGN.md). */
export type Tier = 'edge' | 'local' | 'cloud';

/** The compute plans κ of DMind-3 eq. 5: which tiers look at a request, in order. */
export type PlanId = 'edge' | 'edge-local' | 'edge-cloud' | 'edge-cloud-local';

/** One plan: its tiers in the order they run (the edge always first, and always). */
export type Plan = { readonly id: PlanId; readonly tiers: readonly Tier[] };

/** Every plan, cheapest first (ties in the objective go to the earlier plan). */
export const PLANS: readonly Plan[] = [
  { id: 'edge', tiers: ['edge'] },
  { id: 'edge-local', tiers: ['edge', 'local'] },
  { id: 'edge-cloud', tiers: ['edge', 'cloud'] },
  { id: 'edge-cloud-local', tiers: ['edge', 'cloud', 'local'] },
];

/** Whether a plan runs a tier. */
export function runs(plan: Plan, tier: Tier): boolean {
  return plan.tiers.includes(tier);
}
