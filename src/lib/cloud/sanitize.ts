import { type Address, concatBytes, hexToBytes, keccak256 } from 'viem';
import { chainName } from '../edge/chains';
import type { AssetAmount, Intent } from '../edge/intent/types';
import type { Payload } from '../edge/payload';
import { nativeCurrency } from '../edge/tokens/nativeCurrency';
import { tokenInfo } from '../edge/tokens/tokens';
import type { InspectResult } from '../edge/view';
import { classifyAddress } from './classify';
import { bucket, exact, magnitude, month, textShape } from './coarsen';
import { choicesOf, type ProfileChoices, SanitizeError } from './profiles';
import type { PrivacyProfile, SanitizedRequest } from './sanitized';
import { checkSanitized } from './verifySanitized';

export { SanitizeError } from './profiles';

/** The schema id of a sanitized body. */
export const SANITIZED_SCHEMA = 'vigil.sanitized/1' as const;

/** The fewest bytes of per-request randomness the sanitizer accepts. */
export const MIN_SALT_BYTES = 16;

/** What `sanitize` reads. Nothing private: the facts and the decision are not inputs. */
export type SanitizeParameters = {
  /** A successful inspection. */
  readonly result: Extract<InspectResult, { ok: true }>;
  readonly profile: PrivacyProfile;
  /** Per-class choices; only read under the `override` profile. */
  readonly override?: Partial<ProfileChoices>;
  /** Per-request randomness from the caller (at least 16 bytes): pseudonyms derive from it. */
  readonly salt: Uint8Array;
  /** The user's own account(s), when the shell knows them; always sent as the role `self`. */
  readonly self?: readonly Address[];
  /** The chain the wallet is on, for payloads that do not name one (calldata, messages). */
  readonly chainId?: bigint;
};

/** An address as the projection writes it. */
type Ref =
  | { ref: 'public'; address: Address; name: string }
  | { ref: 'self' }
  | { ref: 'hidden' }
  | { ref: 'pseudonym'; id: string }
  | { ref: 'address'; address: Address };

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

type Context = {
  readonly chainId: bigint | undefined;
  readonly choices: ProfileChoices;
  readonly self: ReadonlySet<string>;
  readonly pseudonyms: ReadonlyMap<string, string>;
  sensitive: boolean;
};

/**
 * The sanitization projection P_pub: makes the only value the cloud client accepts. Public fields
 * pass; sensitive ones are removed, coarsened or pseudonymized as the profile says; private context
 * is never an input. Pure: the per-request randomness comes in as `salt`. Throws `SanitizeError`
 * for a bad profile, override or salt, and (fail closed) if its own output does not pass `isSanitized`.
 */
export function sanitize(parameters: SanitizeParameters): SanitizedRequest {
  const { result, profile, salt } = parameters;
  if (result?.ok !== true) throw new SanitizeError('only a successful inspection can be sanitized');
  if (!(salt instanceof Uint8Array) || salt.length < MIN_SALT_BYTES)
    throw new SanitizeError(`the salt must be at least ${MIN_SALT_BYTES} random bytes`);
  const choices = choicesOf(profile, profile === 'override' ? parameters.override : undefined);
  const { payload, intent } = result;
  const chainId = chainOf(payload) ?? parameters.chainId;
  const self = new Set([...selfOf(payload), ...(parameters.self ?? [])].map((a) => a.toLowerCase()));
  const sensitiveAddresses = new Set<string>();
  const collect = (address: Address | null | undefined) => {
    if (address && classifyAddress({ chainId, address, self }).class === 'sensitive')
      sensitiveAddresses.add(address.toLowerCase());
  };
  walkAddresses(intent, collect);
  if (payload.kind === 'typedData') collect(payload.domain.verifyingContract);
  const ctx: Context = {
    chainId,
    choices,
    self,
    pseudonyms: pseudonymsOf(sensitiveAddresses, salt),
    sensitive: false,
  };

  const body: Record<string, Json> = {
    schema: SANITIZED_SCHEMA,
    profile,
    choices: { ...choices },
    chain: chainId === undefined ? null : { id: chainId.toString(), ...named(chainName(chainId)) },
    payload: payload.kind,
  };
  const method = 'method' in payload ? payload.method : undefined;
  if (method && /^[a-z]{1,16}_[A-Za-z0-9]{1,40}$/.test(method)) body.method = method;
  body.intent = node(intent, ctx);
  if (payload.kind === 'typedData') body.domain = domainOf(payload, ctx);
  if (payload.kind === 'message') body.message = messageOf(payload, ctx);
  const request = {
    profile,
    body,
    classes: ctx.sensitive ? ['public', 'sensitive'] : ['public'],
  } as unknown as SanitizedRequest; // the brand is applied here and nowhere else
  const problem = checkSanitized(request);
  if (problem) throw new SanitizeError(`the sanitizer produced a request it would not send: ${problem}`);
  return request;
}

/**
 * Run-time check the cloud client makes before sending: the value has the exact shape `sanitize`
 * makes, and no value the profile forbids (raw hex, unlisted addresses, exact numbers, free text…).
 */
export function isSanitized(value: unknown): value is SanitizedRequest {
  return checkSanitized(value) === undefined;
}

function named(name: string | undefined): { name?: string } {
  return name ? { name } : {};
}

function chainOf(payload: Payload): bigint | undefined {
  switch (payload.kind) {
    case 'transaction':
    case 'rawTransaction':
    case 'eip681':
      return payload.tx.chainId;
    case 'typedData':
      return payload.domain.chainId;
    case 'callBatch':
      return payload.chainId;
    default:
      return undefined;
  }
}

/** Every address the payload names as the signer. */
function selfOf(payload: Payload): Address[] {
  switch (payload.kind) {
    case 'transaction':
    case 'rawTransaction':
    case 'eip681': {
      const authorities = (payload.tx.authorizationList ?? []).flatMap((a) =>
        a.authority ? [a.authority] : [],
      );
      return [...(payload.tx.from ? [payload.tx.from] : []), ...authorities];
    }
    case 'typedData':
    case 'message':
    case 'callBatch':
      return payload.from ? [payload.from] : [];
    case 'userOperation':
      return [payload.userOperation.sender];
    default:
      return [];
  }
}

function walkAddresses(intent: Intent, visit: (address: Address | null | undefined) => void): void {
  visit(intent.to);
  for (const asset of intent.assets) visit(asset.asset);
  for (const party of intent.counterparties) visit(party.address);
  for (const permission of intent.permissions) {
    visit(permission.to);
    visit(permission.asset);
  }
  for (const child of intent.children) walkAddresses(child, visit);
}

/**
 * `addr_1`, `addr_2`… in the order of keccak256(salt ‖ address): stable within a request, and
 * with a fresh salt unrelated to the labels of any other request.
 */
function pseudonymsOf(addresses: ReadonlySet<string>, salt: Uint8Array): Map<string, string> {
  const keyed = [...addresses].map((address) => ({
    address,
    key: keccak256(concatBytes([salt, hexToBytes(address as Address)])),
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new Map(keyed.map(({ address }, i) => [address, `addr_${i + 1}`]));
}

function ref(address: Address, ctx: Context): Ref {
  const cls = classifyAddress({ chainId: ctx.chainId, address, self: ctx.self });
  if (cls.class === 'public') return { ref: 'public', address: cls.address, name: cls.name };
  if (cls.class === 'self') return { ref: 'self' };
  switch (ctx.choices.counterparty) {
    case 'hide':
      return { ref: 'hidden' };
    case 'pseudonym':
      ctx.sensitive = true;
      return { ref: 'pseudonym', id: ctx.pseudonyms.get(cls.address) ?? fail('no pseudonym for an address') };
    case 'exact':
      ctx.sensitive = true;
      return { ref: 'address', address: cls.address };
  }
}

function fail(message: string): never {
  throw new SanitizeError(message);
}

/** The asset of an amount: its reference, and the unit and decimals its amounts are written in. */
function assetOf(
  asset: Address | undefined,
  ctx: Context,
  /** An allowance with no token named: the contract called, which the payload does not say (bare calldata). */
  allowance = false,
): { asset: Json; unit: string; decimals: number } {
  // The native currency cannot be approved: an allowance without a token is on an unnamed contract.
  if (asset === undefined && allowance) return { asset: { ref: 'unknown' }, unit: 'base units', decimals: 0 };
  if (asset === undefined) {
    const native = ctx.chainId === undefined ? undefined : nativeCurrency(ctx.chainId);
    return native
      ? { asset: { ref: 'native', symbol: native.symbol }, unit: native.symbol, decimals: native.decimals }
      : { asset: { ref: 'native' }, unit: 'wei', decimals: 0 };
  }
  const token = ctx.chainId === undefined ? undefined : tokenInfo(ctx.chainId, asset);
  const reference = ref(asset, ctx) as Json;
  return token
    ? { asset: reference, unit: token.symbol, decimals: token.decimals }
    : { asset: reference, unit: 'base units', decimals: 0 };
}

function amountOf(amount: bigint | undefined, decimals: number, ctx: Context): string | undefined {
  if (amount === undefined || amount < 0n) return undefined;
  switch (ctx.choices.amount) {
    case 'hide':
      return undefined;
    case 'magnitude':
      ctx.sensitive = true;
      return magnitude(amount, decimals);
    case 'bucket':
      ctx.sensitive = true;
      return bucket(amount, decimals);
    case 'exact':
      ctx.sensitive = true;
      return exact(amount, decimals);
  }
}

function assetAmount(item: AssetAmount, ctx: Context): Json {
  const { asset, unit, decimals } = assetOf(item.asset, ctx, item.role === 'allow');
  const out: Record<string, Json> = { role: item.role, asset };
  if (item.unlimited) out.unlimited = true;
  else {
    const amount = amountOf(item.amount, decimals, ctx);
    if (amount !== undefined) Object.assign(out, { amount, unit });
  }
  if (item.tokenId !== undefined && ctx.choices.amount === 'exact') out.tokenId = item.tokenId.toString();
  return out;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]{0,63}$/;
const SIGNATURE = /^[A-Za-z_$][\w$]{0,63}\([\w$,()[\] ]{0,400}\)$/;

/** Free text: public when it passes `isPublic`, else as the profile says for free text. */
function text(value: string, isPublic: boolean, ctx: Context): Json | undefined {
  if (isPublic) return value;
  switch (ctx.choices.freeText) {
    case 'hide':
      return undefined;
    case 'shape':
      ctx.sensitive = true;
      return { shape: textShape(value) };
    case 'exact':
      ctx.sensitive = true;
      return { text: withoutSelf(value, ctx.self) };
  }
}

/** The user's own address stays out of free text even when the user chose to send it exactly. */
function withoutSelf(value: string, self: ReadonlySet<string>): string {
  let out = value;
  for (const address of self) out = out.replace(new RegExp(`(0x)?${address.slice(2)}`, 'gi'), '[self]');
  return out;
}

/** Long hex runs (addresses, hashes) never count as a public identifier. */
function plain(value: string): boolean {
  return !/[0-9a-fA-F]{16}/.test(value) && !/\d{9}/.test(value);
}

function node(intent: Intent, ctx: Context): Json {
  const out: Record<string, Json> = { action: intent.kind };
  if (intent.function !== undefined) {
    const fn = text(intent.function, SIGNATURE.test(intent.function) && plain(intent.function), ctx);
    if (fn !== undefined) out.function = fn;
  }
  if (intent.selector !== undefined && /^0x[0-9a-f]{8}$/.test(intent.selector))
    out.selector = intent.selector;
  if (intent.primaryType !== undefined) {
    const type = text(
      intent.primaryType,
      IDENTIFIER.test(intent.primaryType) && plain(intent.primaryType),
      ctx,
    );
    if (type !== undefined) out.primaryType = type;
  }
  if (intent.to !== undefined) out.to = intent.to === null ? null : (ref(intent.to, ctx) as Json);
  out.assets = intent.assets.map((a) => assetAmount(a, ctx));
  out.counterparties = intent.counterparties.map((c) => ({
    role: c.role,
    address: ref(c.address, ctx) as Json,
  }));
  out.permissions = intent.permissions.map((p) => {
    const permission: Record<string, Json> = { kind: p.kind, to: ref(p.to, ctx) as Json };
    if (p.asset !== undefined || p.amount !== undefined || p.unlimited) {
      const { asset, unit, decimals } = assetOf(p.asset, ctx, p.kind === 'allowance');
      if (p.asset !== undefined) permission.asset = asset;
      if (p.unlimited) permission.unlimited = true;
      else {
        const amount = amountOf(p.amount, decimals, ctx);
        if (amount !== undefined) Object.assign(permission, { amount, unit });
      }
    }
    if (p.expiry !== undefined) {
      if (ctx.choices.timing === 'month') permission.expiry = month(p.expiry);
      if (ctx.choices.timing === 'exact') permission.expiry = p.expiry.toString();
      if (ctx.choices.timing !== 'hide') ctx.sensitive = true;
    }
    return permission;
  });
  out.children = intent.children.map((child) => node(child, ctx));
  return out;
}

function domainOf(payload: Extract<Payload, { kind: 'typedData' }>, ctx: Context): Json {
  const { domain } = payload;
  const out: Record<string, Json> = {};
  let contractPublic = false;
  if (domain.verifyingContract) {
    const contract = ref(domain.verifyingContract, ctx);
    contractPublic = contract.ref === 'public';
    out.verifyingContract = contract as Json;
  }
  if (domain.chainId !== undefined) out.chainId = domain.chainId.toString();
  const publicText = (value: string) => contractPublic && value.length <= 64 && plain(value);
  for (const key of ['name', 'version'] as const) {
    const value = domain[key];
    if (value === undefined) continue;
    const rendered = text(value, publicText(value), ctx);
    if (rendered !== undefined) out[key] = rendered;
  }
  return out;
}

function messageOf(payload: Extract<Payload, { kind: 'message' }>, ctx: Context): Json {
  const out: Record<string, Json> = { method: payload.method, blindHash: payload.blindHash };
  if (payload.text !== undefined) {
    const rendered = text(payload.text, false, ctx);
    if (rendered !== undefined) out.content = rendered;
  } else out.bytes = (payload.raw.length - 2) / 2;
  return out;
}
