import type { Address } from 'viem';
import { isPublicAddress } from './classify';
import { BUCKET_PATTERN, EXACT_PATTERN, MAGNITUDE_PATTERN, MONTH_PATTERN } from './coarsen';
import { DEFAULT_CHOICES, isChoices, type ProfileChoices, STRICT_CHOICES } from './profiles';

const PROFILES = ['strict', 'default', 'override'];
const MAX_DEPTH = 40;
const MAX_STRINGS = 20_000;

/** Keys a sanitized body may use, anywhere. Anything else is refused. */
const KEYS = new Set([
  'schema',
  'profile',
  'choices',
  'amount',
  'counterparty',
  'freeText',
  'timing',
  'chain',
  'id',
  'name',
  'payload',
  'method',
  'intent',
  'action',
  'function',
  'selector',
  'primaryType',
  'to',
  'assets',
  'role',
  'asset',
  'ref',
  'address',
  'symbol',
  'unit',
  'unlimited',
  'tokenId',
  'counterparties',
  'permissions',
  'kind',
  'expiry',
  'children',
  'domain',
  'verifyingContract',
  'chainId',
  'version',
  'message',
  'blindHash',
  'text',
  'content',
  'bytes',
  'shape',
  'length',
  'chars',
]);

type Walk = { readonly choices: ProfileChoices; readonly chainId: bigint | undefined; strings: number };

/**
 * Why `value` is not a request the sanitizer would make, or `undefined` when it is one. Checks the
 * exact top-level shape, the profile and its choices, that the body is plain JSON, and every value
 * against the profile: no hex run longer than a selector but a public address (or any address
 * when the user chose to show counterparties), no run of 9+ digits outside the chain id and exact
 * fields the profile allows, amounts and expiries in the profile's format, no free text it forbids.
 */
export function checkSanitized(value: unknown): string | undefined {
  if (!isRecord(value)) return 'not an object';
  const keys = Object.keys(value).sort().join(',');
  if (keys !== 'body,classes,profile') return `unexpected keys: ${keys}`;
  const { profile, body, classes } = value;
  if (typeof profile !== 'string' || !PROFILES.includes(profile)) return 'unknown profile';
  if (!Array.isArray(classes) || classes[0] !== 'public' || classes.length > 2) return 'bad classes';
  if (classes.length === 2 && classes[1] !== 'sensitive') return 'bad classes';
  if (!isRecord(body)) return 'body is not an object';
  if (body.schema !== 'vigil.sanitized/1') return 'unknown body schema';
  if (body.profile !== profile) return 'body profile differs';
  if (!isChoices(body.choices)) return 'bad choices';
  const choices = body.choices;
  const fixed = profile === 'strict' ? STRICT_CHOICES : profile === 'default' ? DEFAULT_CHOICES : undefined;
  if (fixed && JSON.stringify(choices) !== JSON.stringify(fixed))
    return `choices differ from the ${profile} profile`;
  let chainId: bigint | undefined;
  if (body.chain !== null) {
    if (!isRecord(body.chain) || typeof body.chain.id !== 'string' || !/^\d{1,20}$/.test(body.chain.id))
      return 'bad chain';
    chainId = BigInt(body.chain.id);
  }
  const walk: Walk = { choices, chainId, strings: 0 };
  return visit(body, '$', 0, walk);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function visit(value: unknown, path: string, depth: number, walk: Walk): string | undefined {
  if (depth > MAX_DEPTH) return `${path}: too deep`;
  if (value === null || typeof value === 'boolean') return undefined;
  if (typeof value === 'number')
    return Number.isSafeInteger(value) && value >= 0 ? undefined : `${path}: bad number`;
  if (typeof value === 'string') return checkString(value, path, walk);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = visit(value[i], `${path}[${i}]`, depth + 1, walk);
      if (problem) return problem;
    }
    return undefined;
  }
  if (!isRecord(value)) return `${path}: not plain JSON`;
  const problem = checkObject(value, path, walk);
  if (problem) return problem;
  for (const [key, child] of Object.entries(value)) {
    if (!KEYS.has(key)) return `${path}: unexpected key ${key}`;
    const inner = visit(child, `${path}.${key}`, depth + 1, walk);
    if (inner) return inner;
  }
  return undefined;
}

/** Field-level rules: which sensitive renderings the profile's choices allow. */
function checkObject(value: Record<string, unknown>, path: string, walk: Walk): string | undefined {
  const { choices } = walk;
  if ('amount' in value && !path.endsWith('.choices')) {
    const amount = value.amount;
    const pattern =
      choices.amount === 'magnitude'
        ? MAGNITUDE_PATTERN
        : choices.amount === 'bucket'
          ? BUCKET_PATTERN
          : choices.amount === 'exact'
            ? EXACT_PATTERN
            : undefined;
    if (!pattern || typeof amount !== 'string' || !pattern.test(amount))
      return `${path}.amount: not allowed here`;
  }
  if ('tokenId' in value && (choices.amount !== 'exact' || !/^\d{1,78}$/.test(String(value.tokenId))))
    return `${path}.tokenId: not allowed here`;
  if ('expiry' in value) {
    const ok =
      typeof value.expiry === 'string' &&
      ((choices.timing === 'month' && MONTH_PATTERN.test(value.expiry)) ||
        (choices.timing === 'exact' && /^\d{1,78}$/.test(value.expiry)));
    if (!ok) return `${path}.expiry: not allowed here`;
  }
  if ('text' in value && (choices.freeText !== 'exact' || typeof value.text !== 'string'))
    return `${path}.text: free text not allowed here`;
  if ('shape' in value && choices.freeText !== 'shape') return `${path}.shape: not allowed here`;
  if ('ref' in value) {
    const ref = value.ref;
    if (ref === 'public') {
      if (typeof value.address !== 'string' || !isPublicAddress(walk.chainId, value.address as Address))
        return `${path}: not a public address`;
    } else if (ref === 'pseudonym') {
      if (
        choices.counterparty !== 'pseudonym' ||
        typeof value.id !== 'string' ||
        !/^addr_\d{1,4}$/.test(value.id)
      )
        return `${path}: pseudonym not allowed here`;
    } else if (ref === 'address') {
      if (choices.counterparty !== 'exact') return `${path}: address not allowed here`;
    } else if (ref !== 'self' && ref !== 'hidden' && ref !== 'native' && ref !== 'unknown')
      return `${path}: unknown ref`;
  }
  return undefined;
}

const EXEMPT_DIGITS = /(\.chain\.id|\.domain\.chainId)$/;

function checkString(value: string, path: string, walk: Walk): string | undefined {
  if (++walk.strings > MAX_STRINGS) return 'too many strings';
  const exactField =
    (walk.choices.amount === 'exact' && /\.(amount|tokenId)$/.test(path)) ||
    (walk.choices.timing === 'exact' && path.endsWith('.expiry')) ||
    (walk.choices.freeText === 'exact' && path.endsWith('.text'));
  if (exactField) return undefined;
  if (path.endsWith('.address') && /^0x[0-9a-f]{40}$/.test(value)) {
    const allowed = walk.choices.counterparty === 'exact' || isPublicAddress(walk.chainId, value as Address);
    return allowed ? undefined : `${path}: address not allowed`;
  }
  if (/[0-9a-fA-F]{17}/.test(value)) return `${path}: hex data not allowed`;
  if (!EXEMPT_DIGITS.test(path) && /\d{9}/.test(value)) return `${path}: long number not allowed`;
  return undefined;
}
