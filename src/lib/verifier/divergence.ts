import { type Address, formatUnits } from 'viem';
import type { ActionKind, Intent } from '../edge/intent/types';
import type { AssetKey } from './assets';
import { type EdgeAction, type EdgeReading, type Outflow, readEdge } from './edgeReading';
import type { KnownAddress } from './projectIntent';
import type { AssetRef, IntentFields, StatedAmount, UserActionKind } from './types';

/*
 * Δ (DMind-3 eq. 7): how far a reading of a request — the person's ExpectedAction, or the
 * verifier's RefinedIntent — is from the edge's decoded intent, over structured fields only:
 *
 *   Δ = Σ_f w_f · d_f / Σ_f w_f   over the fields f the reading states
 *
 * with weights action 0.3, asset 0.2, amount 0.25, counterparty 0.25, and per-field distances
 * d_f ∈ [0, 1]:
 *
 * - action: the reading's action against every action node of the edge tree (batch containers
 *   aside). d = max(primary, extra): `primary` is the smallest distance to any node (is the stated
 *   action there at all?), `extra` the largest distance to a node that is neither equivalent nor a
 *   usual companion of the stated action (is something else there?). Distances: 0 equivalent
 *   (ACTION_DISTANCE), 0.25–0.5 near (swap ~ order, stake ~ deposit…), 0.5 when the edge could not
 *   read a node (`unknown`) or an approval grants nothing (reads as a revoke), 1 otherwise; a
 *   "revoke" against a node that grants is 1. Companions (COMPANIONS: the Permit2 permit, the wrap
 *   and sweep around a router swap…) count only when every asset they allow is the stated one.
 * - asset: address equality when the reading gives an address (the edge's token unknown: 0.5), else
 *   the ticker, case-insensitively, against the bundled token tables (ticker unknown: 0.5).
 *   d = max(smallest distance to anything the request sends or allows, largest distance to
 *   anything it allows): an allowance on an asset the reading does not name counts fully. Nothing
 *   sent or allowed: 0.5.
 * - amount: against the request's exposure in the stated asset: unlimited if any grant is, else
 *   max(sum of what it sends, largest allowance), in base units. Unlimited vs finite: 1. Both
 *   finite: |a − b| / max(a, b) with the stated decimal scaled by the asset's decimals (exact,
 *   in bigints). Asset not matched, decimals or amount unknown: 0.5.
 * - counterparty: address equality against every counterparty and permission holder in the tree;
 *   a name counts only through the person's own address book. Unresolved name, or nothing to
 *   compare against: 0.5 (partial, "unknown").
 *
 * A field the reading does not state does not count (it is neither agreement nor disagreement).
 * An `unknown` action does not count either. No stated field at all: Δ = 0. Pure and
 * deterministic: no I/O, no clock, no randomness; the same inputs give the same Δ.
 */

/** The four compared fields. */
export type DivergenceField = 'action' | 'asset' | 'amount' | 'counterparty';

/**
 * Weights of the fields in Δ (they sum to 1). A different action weighs most; a different
 * recipient (address poisoning) and a different amount (an unlimited grant) nearly as much.
 */
export const DIVERGENCE_WEIGHTS: Readonly<Record<DivergenceField, number>> = {
  action: 0.3,
  asset: 0.2,
  amount: 0.25,
  counterparty: 0.25,
};

/**
 * Default ε: Δ above it tightens (requires `<REFLECT>` and an explicit confirmation). 0.15 is
 * below the smallest weight (0.2), so one field that is plainly wrong (d = 1) diverges whatever the
 * other stated fields say; when all four are stated, one partial field (d = 0.5, at most
 * 0.5 × 0.3 = 0.15) does not. With fewer fields stated each one weighs more, and a partial can.
 */
export const DEFAULT_EPSILON = 0.15;

/** One field's part of Δ, for the UI ("you said swap, this approves"). */
export type FieldDivergence = {
  readonly field: DivergenceField;
  /** d_f ∈ [0, 1]. */
  readonly distance: number;
  readonly weight: number;
  /** What the reading says: an action, a ticker or address, a decimal or `unlimited`, a name or address. */
  readonly stated: string;
  /** What the edge decoded for that field, in tree order. */
  readonly observed: readonly string[];
};

/** Δ with its per-field breakdown (only the fields that counted). */
export type Divergence = { readonly delta: number; readonly fields: readonly FieldDivergence[] };

/** The edge's side of Δ: its intent, the request's chain (for tickers and decimals), the person's address book (for names). */
export type DivergenceBasis = {
  readonly intent: Intent;
  readonly chainId?: bigint;
  readonly addressBook?: readonly KnownAddress[];
};

/** Distance of each edge kind that is equivalent or near a stated action; any other kind is 1. */
export const ACTION_DISTANCE: Readonly<Record<UserActionKind, Partial<Record<ActionKind, number>>>> = {
  transfer: { nativeTransfer: 0, tokenTransfer: 0 },
  approve: { approve: 0, permit: 0, setApprovalForAll: 0 },
  revoke: { approve: 0, permit: 0, setApprovalForAll: 0 },
  swap: { swap: 0, order: 0.25 },
  order: { order: 0, swap: 0.25 },
  bridge: { bridge: 0, deposit: 0.5 },
  stake: { stake: 0, deposit: 0.5 },
  deposit: { deposit: 0, stake: 0.5, bridge: 0.5 },
  withdraw: { withdraw: 0 },
  // The edge reads mint… functions as deposits.
  mint: { deposit: 0 },
  delegate: { delegate: 0 },
  adminChange: { adminChange: 0 },
  sign: { messageSignature: 0 },
  unknown: {},
};

/** Edge kinds that routinely accompany a stated action in one batch (approvals only for the stated asset). */
export const COMPANIONS: Readonly<Partial<Record<UserActionKind, readonly ActionKind[]>>> = {
  swap: ['approve', 'permit', 'deposit', 'withdraw', 'tokenTransfer', 'nativeTransfer'],
  order: ['approve', 'permit', 'deposit'],
  bridge: ['approve', 'permit'],
  stake: ['approve', 'permit'],
  deposit: ['approve', 'permit'],
  mint: ['approve', 'permit'],
};

const GRANT_KINDS: ReadonlySet<ActionKind> = new Set(['approve', 'permit', 'setApprovalForAll']);

function kindDistance(stated: UserActionKind, node: EdgeAction): number {
  if (node.kind === 'unknown') return 0.5;
  if (stated === 'revoke' && node.grants) return 1;
  if (stated === 'approve' && GRANT_KINDS.has(node.kind) && !node.grants) return 0.5;
  return ACTION_DISTANCE[stated][node.kind] ?? 1;
}

function assetDistance(stated: AssetRef, asset: AssetKey, symbol: string | undefined): number {
  if (stated.address !== undefined) {
    if (asset === 'unknown') return 0.5;
    return asset !== 'native' && asset.toLowerCase() === stated.address.toLowerCase() ? 0 : 1;
  }
  if (stated.symbol === undefined || symbol === undefined) return 0.5;
  return symbol.toLowerCase() === stated.symbol.toLowerCase() ? 0 : 1;
}

function label(o: Outflow): string {
  return o.symbol ?? o.asset;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function actionPart(stated: UserActionKind, edge: EdgeReading, asset: AssetRef | undefined): number {
  if (edge.actions.length === 0) return 1;
  const companions = COMPANIONS[stated] ?? [];
  const symbolOf = (key: AssetKey) => edge.outflows.find((o) => o.asset === key)?.symbol;
  const isCompanion = (node: EdgeAction) =>
    companions.includes(node.kind) &&
    (!GRANT_KINDS.has(node.kind) ||
      asset === undefined ||
      node.allows.every((a) => assetDistance(asset, a, symbolOf(a)) === 0));
  const distances = edge.actions.map((node) => kindDistance(stated, node));
  const primary = Math.min(...distances);
  const extra = Math.max(
    0,
    ...edge.actions.map((node, i) => (isCompanion(node) ? 0 : (distances[i] as number))),
  );
  return Math.max(primary, extra);
}

function assetPart(stated: AssetRef, edge: EdgeReading): number {
  if (edge.outflows.length === 0) return 0.5;
  const distances = edge.outflows.map((o) => assetDistance(stated, o.asset, o.symbol));
  const primary = Math.min(...distances);
  const extra = Math.max(
    0,
    ...edge.outflows.map((o, i) => (o.role === 'allow' ? (distances[i] as number) : 0)),
  );
  return Math.max(primary, extra);
}

/** The larger of two bigints (Math.max does not take bigints). */
function maxBigint(a: bigint, b: bigint): bigint {
  if (a >= b) return a;
  return b;
}

/** The request's exposure in the outflows of one asset: unlimited, base units, or unknown. */
function exposure(outflows: readonly Outflow[]): bigint | 'unlimited' | undefined {
  if (outflows.some((o) => o.unlimited)) return 'unlimited';
  if (outflows.some((o) => o.amount === undefined)) return undefined;
  const sent = outflows.filter((o) => o.role === 'send').reduce((sum, o) => sum + (o.amount as bigint), 0n);
  const allowed = outflows
    .filter((o) => o.role === 'allow')
    .reduce((max, o) => maxBigint(max, o.amount as bigint), 0n);
  return maxBigint(sent, allowed);
}

/** |a − b| / max(a, b) for a stated decimal in whole tokens and an amount in base units. */
function relativeDifference(value: string, decimals: number, baseUnits: bigint): number {
  const [whole, fraction = ''] = value.split('.') as [string, string?];
  const stated = BigInt(whole + fraction) * 10n ** BigInt(decimals); // value · 10^(decimals + fraction digits)
  const actual = baseUnits * 10n ** BigInt(fraction.length);
  const larger = maxBigint(stated, actual);
  if (larger === 0n) return 0;
  const difference = stated > actual ? stated - actual : actual - stated;
  return Number((difference * 1_000_000n) / larger) / 1_000_000;
}

function amountPart(
  stated: StatedAmount,
  asset: AssetRef | undefined,
  edge: EdgeReading,
): { distance: number; observed: string[] } {
  let matched = edge.outflows;
  if (asset) {
    const distances = edge.outflows.map((o) => assetDistance(asset, o.asset, o.symbol));
    const best = Math.min(...distances);
    matched = best < 1 ? edge.outflows.filter((_, i) => distances[i] === best) : [];
  }
  const keys = unique(matched.map((o) => o.asset));
  if (matched.length === 0 || keys.length !== 1) return { distance: 0.5, observed: [] };
  const total = exposure(matched);
  const decimals = (matched[0] as Outflow).decimals;
  if (total === 'unlimited') return { distance: stated.unlimited ? 0 : 1, observed: ['unlimited'] };
  if (total === undefined) return { distance: 0.5, observed: [] };
  if (decimals === undefined) return { distance: 0.5, observed: [`${total} base units`] };
  const observed = [formatUnits(total, decimals)];
  if (stated.unlimited) return { distance: 1, observed };
  return { distance: relativeDifference(stated.value, decimals, total), observed };
}

function counterpartyPart(
  stated: NonNullable<IntentFields['counterparty']>,
  edge: EdgeReading,
  addressBook: readonly KnownAddress[],
): number {
  const name = stated.name?.trim().toLowerCase();
  const candidates: Address[] = stated.address
    ? [stated.address]
    : addressBook
        .filter((entry) => name !== undefined && entry.name?.trim().toLowerCase() === name)
        .map((e) => e.address);
  if (candidates.length === 0 || edge.counterparties.length === 0) return 0.5;
  const present = new Set(edge.counterparties.map((a) => a.toLowerCase()));
  return candidates.some((a) => present.has(a.toLowerCase())) ? 0 : 1;
}

/**
 * Δ between the edge's decoded intent and a reading of it (the person's ExpectedAction or the
 * verifier's RefinedIntent), with the per-field breakdown. See the comment at the top of this file
 * for the exact definition.
 */
export function divergence(basis: DivergenceBasis, reading: IntentFields): Divergence {
  const edge = readEdge(basis.intent, basis.chainId);
  const fields: FieldDivergence[] = [];
  const add = (field: DivergenceField, distance: number, stated: string, observed: readonly string[]) =>
    fields.push({ field, distance, weight: DIVERGENCE_WEIGHTS[field], stated, observed });
  if (reading.action !== 'unknown')
    add(
      'action',
      actionPart(reading.action, edge, reading.asset),
      reading.action,
      unique(edge.actions.map((a) => a.kind)),
    );
  if (reading.asset && (reading.asset.symbol !== undefined || reading.asset.address !== undefined))
    add(
      'asset',
      assetPart(reading.asset, edge),
      reading.asset.address ?? (reading.asset.symbol as string),
      unique(edge.outflows.map(label)),
    );
  if (reading.amount) {
    const { distance, observed } = amountPart(reading.amount, reading.asset, edge);
    add('amount', distance, reading.amount.unlimited ? 'unlimited' : reading.amount.value, observed);
  }
  if (
    reading.counterparty &&
    (reading.counterparty.address !== undefined || reading.counterparty.name !== undefined)
  )
    add(
      'counterparty',
      counterpartyPart(reading.counterparty, edge, basis.addressBook ?? []),
      reading.counterparty.address ?? (reading.counterparty.name as string),
      edge.counterparties,
    );
  const weight = fields.reduce((sum, f) => sum + f.weight, 0);
  const delta = weight === 0 ? 0 : fields.reduce((sum, f) => sum + f.weight * f.distance, 0) / weight;
  return { delta, fields };
}

/**
 * Whether Δ exceeds ε (DMind-3 eq. 7). A Δ that is not a finite number diverges (fail closed).
 * Throws a RangeError for an ε outside [0, 1].
 */
export function diverges(delta: number, epsilon: number = DEFAULT_EPSILON): boolean {
  if (!(Number.isFinite(epsilon) && epsilon >= 0 && epsilon <= 1))
    throw new RangeError(`ε must be within [0, 1], got ${epsilon}`);
  if (typeof delta !== 'number' || !Number.isFinite(delta)) return true;
  return delta > epsilon;
}
