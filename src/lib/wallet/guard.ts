import { type Address, isAddressEqual } from 'viem';
import type { Decision, Verdict } from '$lib/edge/gate/decision';
import type { Policy, WalletFill } from '$lib/edge/gate/policy';
import type { Payload } from '$lib/edge/payload';
import { type StepUpRequirements, type StepUpState, stepUpComplete } from './stepUp';
import { type UnsignableReason, type WalletRequest, walletFillsOf, walletRequestOf } from './walletRequest';

const rank: Readonly<Record<Verdict, number>> = { allow: 0, stepup: 1, block: 2 };

/** Why Vigil will not hand a request to the wallet now; each has a sentence in the catalogues. */
export type SignProblem =
  /** The bytes differ from the ones reviewed: a new decision, to review again. */
  | { readonly problem: 'changed'; readonly decision: Decision }
  /** Same bytes, but the decision is stricter now (the user's context changed): review again. */
  | { readonly problem: 'stricter'; readonly decision: Decision }
  | { readonly problem: 'unsignable'; readonly reason: UnsignableReason }
  /** Block, and the policy allows no override. */
  | { readonly problem: 'blocked' }
  /** The step-up (or the override confirmation) is not complete. */
  | { readonly problem: 'stepUp' }
  /** The transaction leaves out fields the policy does not let the wallet fill. */
  | { readonly problem: 'fills'; readonly fields: readonly WalletFill[] }
  | { readonly problem: 'noWallet' }
  /** The wallet is on another chain than the request. */
  | { readonly problem: 'chain'; readonly want: number; readonly wallet: number }
  /** The request names a signer that is not the wallet's account. */
  | { readonly problem: 'account'; readonly want: Address; readonly wallet: Address };

export type SignCheck =
  | { readonly ok: true; readonly request: WalletRequest; readonly override: boolean }
  | ({ readonly ok: false } & SignProblem);

export type SignCheckParameters = {
  /** The decision the user reviewed (and stepped up on). */
  readonly reviewed: Decision;
  /** The payload and decision recomputed now, from the input as it is now. */
  readonly current: { readonly payload: Payload; readonly decision: Decision };
  readonly policy: Policy;
  readonly requirements: StepUpRequirements;
  readonly stepUp: StepUpState;
  /** The connected wallet, if any. */
  readonly wallet: { readonly address: Address; readonly chainId: number } | undefined;
  /**
   * The local tier's merged verdict for these bytes, when it has one: it can only make signing
   * stricter (a StepUp or Block the rules did not ask for), never looser.
   */
  readonly raised?: Verdict;
};

/**
 * The last gate before the wallet, run right before the request leaves: the bytes must be the
 * reviewed bytes (same payloadHash), the decision no stricter, the verdict's conditions met (a
 * completed step-up; for a Block an allowed, confirmed override — the verdict being the stricter of
 * the rules' and the local tier's), every missing field one the wallet may fill, and the wallet on
 * the request's chain and account. Pure.
 */
export function checkBeforeSigning(p: SignCheckParameters): SignCheck {
  const fail = (problem: SignProblem): SignCheck => ({ ok: false, ...problem });
  const { reviewed, current } = p;
  if (current.decision.payloadHash !== reviewed.payloadHash)
    return fail({ problem: 'changed', decision: current.decision });
  if (rank[current.decision.verdict] > rank[reviewed.verdict])
    return fail({ problem: 'stricter', decision: current.decision });
  const built = walletRequestOf(current.payload);
  if (!built.ok) return fail({ problem: 'unsignable', reason: built.reason });
  const { request } = built;
  const edge = current.decision.verdict;
  const verdict = p.raised !== undefined && rank[p.raised] > rank[edge] ? p.raised : edge;
  if (verdict === 'block' && !p.policy.signing.allowOverride) return fail({ problem: 'blocked' });
  if (verdict !== 'allow' && !stepUpComplete(p.requirements, p.stepUp)) return fail({ problem: 'stepUp' });
  if (request.method === 'eth_sendTransaction') {
    const fields = walletFillsOf(request.tx).filter((f) => !p.policy.signing.walletMayFill.includes(f));
    if (fields.length > 0) return fail({ problem: 'fills', fields });
  }
  if (!p.wallet) return fail({ problem: 'noWallet' });
  if ('chainId' in request && request.chainId !== undefined && request.chainId !== p.wallet.chainId)
    return fail({ problem: 'chain', want: request.chainId, wallet: p.wallet.chainId });
  if (request.from && !isAddressEqual(request.from, p.wallet.address))
    return fail({ problem: 'account', want: request.from, wallet: p.wallet.address });
  return { ok: true, request, override: verdict === 'block' };
}
