import { type Address, type Hex, keccak256, stringToHex } from 'viem';
import { canonicalJson } from './canonicalJson';

/** How loud each finding is. `critical` blocks. */
export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

/** Risk score ρ of each severity; the decision's risk is the maximum over its findings. */
export const severityRisk: Readonly<Record<Severity, number>> = {
  info: 0,
  low: 0.2,
  medium: 0.5,
  high: 0.8,
  critical: 1,
};

/** Presets a policy starts from. */
export type RiskProfile = 'conservative' | 'balanced' | 'expert';

/** Per-rule overrides. */
export type RuleOverride = {
  readonly severity?: Severity;
  readonly enabled?: boolean;
  readonly threshold?: number;
};

/** Fields of a transaction the wallet may fill in when the request leaves them out. */
export type WalletFill = 'gas' | 'fees' | 'nonce';

/** What the guarded signer allows; part of the policy, so the decision's hash covers it. */
export type SigningPolicy = {
  /** A Block may be signed anyway after a typed confirmation (and is logged as an override). */
  readonly allowOverride: boolean;
  /** Fields the wallet may fill; a request missing any other is refused before signing. */
  readonly walletMayFill: readonly WalletFill[];
};

/** The policy Π: versioned, hashed, tunable without code changes. */
export type Policy = {
  readonly version: 1;
  readonly name: string;
  readonly profile: RiskProfile;
  /** StepUp when the decode confidence γ is below this. */
  readonly tauConf: number;
  /** StepUp when the risk ρ (the highest finding's severity score) is above this. */
  readonly tauRisk: number;
  readonly rules: Readonly<Record<string, RuleOverride>>;
  /** Addresses the user trusts (spenders, operators, delegates, recipients). */
  readonly allowlist: readonly Address[];
  /** Addresses the user blocks, on top of the bundled malicious set. */
  readonly denylist: readonly Address[];
  /** Exposure limits, in base units as decimal strings: per asset (`native` or a token address). */
  readonly limits: {
    readonly perAsset: Readonly<Record<string, string>>;
    /** The most one counterparty may be granted or sent over the session, per asset. */
    readonly perCounterparty: Readonly<Record<string, string>>;
  };
  readonly signing: SigningPolicy;
  /**
   * How long the advisory tiers (local models, cloud) may take for one request: the latency budget
   * B_t of DMind-3 eq. 5. Absent: the profile's default (orchestrator/budget.ts). Left out of the
   * document when not set, so older policies keep their hash.
   */
  readonly routing?: RoutingPolicy;
};

/** The routing part of a policy. */
export type RoutingPolicy = {
  /** Milliseconds, within [MIN_BUDGET_MS, MAX_BUDGET_MS]. */
  readonly budgetMs: number;
};

/** The shortest latency budget a policy may set: a cloud round trip needs some time. */
export const MIN_BUDGET_MS = 100;
/** The longest: ten minutes. */
export const MAX_BUDGET_MS = 600_000;

/** By default nothing overrides a Block, and the wallet fills gas, fees and nonce as wallets do. */
export const defaultSigning: SigningPolicy = {
  allowOverride: false,
  walletMayFill: ['gas', 'fees', 'nonce'],
};

const profiles: Readonly<Record<RiskProfile, Pick<Policy, 'tauConf' | 'tauRisk'>>> = {
  conservative: { tauConf: 0.9, tauRisk: 0.1 },
  balanced: { tauConf: 0.7, tauRisk: 0.4 },
  expert: { tauConf: 0.4, tauRisk: 0.7 },
};

/** The built-in policy for a profile. */
export function defaultPolicy(profile: RiskProfile = 'balanced'): Policy {
  return {
    version: 1,
    name: `vigil-default-${profile}`,
    profile,
    ...profiles[profile],
    rules: {},
    allowlist: [],
    denylist: [],
    limits: { perAsset: {}, perCounterparty: {} },
    signing: defaultSigning,
  };
}

const hashes = new WeakMap<Policy, Hex>();

/**
 * keccak256 of the policy's canonical JSON: decisions name the policy they were made under by it.
 * Policies are immutable values, so the hash is computed once per policy object.
 */
export function policyHash(policy: Policy): Hex {
  let hash = hashes.get(policy);
  if (!hash) {
    hash = keccak256(stringToHex(canonicalJson(policy)));
    hashes.set(policy, hash);
  }
  return hash;
}
