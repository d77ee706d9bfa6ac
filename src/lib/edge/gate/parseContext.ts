import type { Address } from 'viem';
import { ParseError } from '../errors';
import { normalizeAddress } from '../parse/normalizeAddress';
import { parseQuantity } from '../parse/parseQuantity';
import { asArray, asObject, at, has, type JsonObject } from '../parse/readJson';
import type { ExposureEntry, Facts } from './facts';
import {
  defaultPolicy,
  defaultSigning,
  MAX_BUDGET_MS,
  MIN_BUDGET_MS,
  type Policy,
  type RiskProfile,
  type RoutingPolicy,
  type RuleOverride,
  type Severity,
  type SigningPolicy,
  type WalletFill,
} from './policy';

const severities: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
const profiles: readonly RiskProfile[] = ['conservative', 'balanced', 'expert'];
const fills: readonly WalletFill[] = ['gas', 'fees', 'nonce'];

const addresses = (value: unknown, path: string): Address[] =>
  value === undefined ? [] : asArray(value, path).map((item, i) => normalizeAddress(item, at(path, i)));

/**
 * Reads a context document (`{ addressBook, history, allowlist, denylist, delegates, exposure,
 * hasCode, now, chainId, from }`) into facts, merged over `base`. Lists given replace the base's
 * lists; a bad entry is a typed error naming its path.
 */
export function parseContext(value: unknown, base: Facts): Facts {
  const o = asObject(value, 'context');
  const addressBook = has(o, 'addressBook')
    ? asArray(o.addressBook, 'addressBook').map((entry, i) => {
        const e = asObject(entry, at('addressBook', i));
        return {
          address: normalizeAddress(e.address, at(at('addressBook', i), 'address')),
          ...(typeof e.name === 'string' && { name: e.name }),
        };
      })
    : base.addressBook;
  const history = has(o, 'history')
    ? asArray(o.history, 'history').map((entry, i) => {
        const e =
          typeof entry === 'string' ? ({ address: entry } as JsonObject) : asObject(entry, at('history', i));
        return {
          address: normalizeAddress(e.address, at(at('history', i), 'address')),
          ...(e.lastSeen !== undefined && {
            lastSeen: parseQuantity(e.lastSeen, at(at('history', i), 'lastSeen')),
          }),
        };
      })
    : base.history;
  const exposure: ExposureEntry[] = has(o, 'exposure') ? readExposure(o.exposure) : [...base.exposure];
  const hasCode = has(o, 'hasCode')
    ? Object.fromEntries(
        Object.entries(asObject(o.hasCode, 'hasCode')).map(([k, v]) => {
          if (typeof v !== 'boolean')
            throw new ParseError('invalidField', `hasCode.${k} must be true or false.`, {
              path: `hasCode.${k}`,
            });
          return [normalizeAddress(k, `hasCode.${k}`).toLowerCase(), v];
        }),
      )
    : base.hasCode;
  return {
    ...base,
    addressBook,
    history,
    historyKnown: has(o, 'history') || base.historyKnown,
    allowlist: has(o, 'allowlist') ? addresses(o.allowlist, 'allowlist') : base.allowlist,
    denylist: has(o, 'denylist') ? addresses(o.denylist, 'denylist') : base.denylist,
    delegates: has(o, 'delegates') ? addresses(o.delegates, 'delegates') : base.delegates,
    exposure,
    hasCode,
    ...(o.now !== undefined && { now: parseQuantity(o.now, 'now') }),
    ...(o.chainId !== undefined && { chainId: parseQuantity(o.chainId, 'chainId') }),
    ...(o.from !== undefined && { from: normalizeAddress(o.from, 'from') }),
  };
}

/**
 * Exposure earlier in the session: a list of `{ counterparty, asset ("native" or a token), amount }`,
 * or an object keyed by counterparty whose values are such entries without `counterparty`.
 */
function readExposure(value: unknown): ExposureEntry[] {
  const list: [unknown, string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [v, at('exposure', i), undefined])
    : Object.entries(asObject(value, 'exposure')).flatMap(([counterparty, entries]) =>
        (Array.isArray(entries) ? entries : [entries]).map((v, i): [unknown, string, unknown] => [
          v,
          at(at('exposure', counterparty), i),
          counterparty,
        ]),
      );
  return list.map(([entry, path, key]) => {
    const e = asObject(entry, path);
    const asset =
      e.asset === undefined || e.asset === 'native' ? 'native' : normalizeAddress(e.asset, at(path, 'asset'));
    return {
      counterparty: normalizeAddress(e.counterparty ?? key, at(path, 'counterparty')),
      asset,
      amount: parseQuantity(e.amount, at(path, 'amount')),
      ...(e.at !== undefined && { at: parseQuantity(e.at, at(path, 'at')) }),
    };
  });
}

/** Reads a policy document, over the defaults of its `profile` (balanced when absent). */
export function parsePolicy(value: unknown): Policy {
  const o = asObject(value, 'policy');
  const profile = o.profile ?? 'balanced';
  if (typeof profile !== 'string' || !profiles.includes(profile as RiskProfile))
    throw new ParseError('invalidField', `policy.profile must be one of ${profiles.join(', ')}.`, {
      path: 'profile',
    });
  const base = defaultPolicy(profile as RiskProfile);
  const unit = (key: 'tauConf' | 'tauRisk'): number => {
    const v = o[key];
    if (v === undefined) return base[key];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1))
      throw new ParseError('invalidField', `policy.${key} must be a number from 0 to 1.`, { path: key });
    return v;
  };
  const rules: Record<string, RuleOverride> = {};
  if (o.rules !== undefined)
    for (const [id, raw] of Object.entries(asObject(o.rules, 'rules'))) {
      const r = asObject(raw, at('rules', id));
      if (r.severity !== undefined && !severities.includes(r.severity as Severity))
        throw new ParseError(
          'invalidField',
          `rules.${id}.severity must be one of ${severities.join(', ')}.`,
          { path: `rules.${id}.severity` },
        );
      if (r.enabled !== undefined && typeof r.enabled !== 'boolean')
        throw new ParseError('invalidField', `rules.${id}.enabled must be true or false.`, {
          path: `rules.${id}.enabled`,
        });
      if (r.threshold !== undefined && (typeof r.threshold !== 'number' || !Number.isFinite(r.threshold)))
        throw new ParseError('invalidField', `rules.${id}.threshold must be a number.`, {
          path: `rules.${id}.threshold`,
        });
      rules[id] = {
        ...(r.severity !== undefined && { severity: r.severity as Severity }),
        ...(r.enabled !== undefined && { enabled: r.enabled as boolean }),
        ...(r.threshold !== undefined && { threshold: r.threshold as number }),
      };
    }
  const limits = o.limits === undefined ? undefined : asObject(o.limits, 'limits');
  const amounts = (v: unknown, path: string): Record<string, string> =>
    v === undefined
      ? {}
      : Object.fromEntries(
          Object.entries(asObject(v, path)).map(([k, amount]) => [
            k === 'native' ? k : normalizeAddress(k, at(path, k)),
            parseQuantity(amount, at(path, k)).toString(),
          ]),
        );
  return {
    version: 1,
    name: typeof o.name === 'string' && o.name !== '' ? o.name : base.name,
    profile: profile as RiskProfile,
    tauConf: unit('tauConf'),
    tauRisk: unit('tauRisk'),
    rules,
    allowlist: addresses(o.allowlist, 'allowlist'),
    denylist: addresses(o.denylist, 'denylist'),
    limits: {
      perAsset: amounts(limits?.perAsset, 'limits.perAsset'),
      perCounterparty: amounts(limits?.perCounterparty, 'limits.perCounterparty'),
    },
    signing: o.signing === undefined ? defaultSigning : readSigning(o.signing),
    ...(o.routing !== undefined && { routing: readRouting(o.routing) }),
  };
}

/** `routing: { budgetMs }`: the latency budget of the advisory tiers, in milliseconds. */
function readRouting(value: unknown): RoutingPolicy {
  const o = asObject(value, 'routing');
  const budgetMs = o.budgetMs;
  if (
    typeof budgetMs !== 'number' ||
    !Number.isInteger(budgetMs) ||
    budgetMs < MIN_BUDGET_MS ||
    budgetMs > MAX_BUDGET_MS
  )
    throw new ParseError(
      'invalidField',
      `routing.budgetMs must be a whole number of milliseconds from ${MIN_BUDGET_MS} to ${MAX_BUDGET_MS}.`,
      { path: 'routing.budgetMs' },
    );
  return { budgetMs };
}

/** `signing: { allowOverride?, walletMayFill? }`, over the defaults. */
function readSigning(value: unknown): SigningPolicy {
  const o = asObject(value, 'signing');
  if (o.allowOverride !== undefined && typeof o.allowOverride !== 'boolean')
    throw new ParseError('invalidField', 'signing.allowOverride must be true or false.', {
      path: 'signing.allowOverride',
    });
  const walletMayFill =
    o.walletMayFill === undefined
      ? defaultSigning.walletMayFill
      : asArray(o.walletMayFill, 'signing.walletMayFill').map((v, i) => {
          if (!fills.includes(v as WalletFill))
            throw new ParseError('invalidField', `signing.walletMayFill items are ${fills.join(', ')}.`, {
              path: at('signing.walletMayFill', i),
            });
          return v as WalletFill;
        });
  return {
    allowOverride: o.allowOverride === true,
    walletMayFill: fills.filter((f) => walletMayFill.includes(f)),
  };
}
