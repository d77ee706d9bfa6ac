import type { Address } from 'viem';
import { formatUnits, type Hex } from 'viem';

/** Values a sanitized body must not contain, grouped by the field class that allows them. */
export type Secrets = {
  /** Never allowed: the user's own address, address-book entries the request does not name. */
  readonly private: readonly Address[];
  /** Never allowed: address-book names and other private text. */
  readonly names: readonly string[];
  /** Never allowed: nonces, salts, signatures and hashes (as numbers or hex). */
  readonly numbers: readonly bigint[];
  readonly hex: readonly Hex[];
  /** Allowed only when counterparties are shown exactly. */
  readonly counterparties: readonly Address[];
  /** Allowed only when amounts are shown exactly. */
  readonly amounts: readonly { readonly value: bigint; readonly decimals: number }[];
  /** Allowed only when timing is shown exactly. */
  readonly timings: readonly bigint[];
  /** Allowed only when free text is shown exactly. */
  readonly texts: readonly string[];
};

/** Which sensitive classes a profile shows exactly (so their values are not violations). */
export type Exposure = {
  readonly counterparty: boolean;
  readonly amount: boolean;
  readonly timing: boolean;
  readonly freeText: boolean;
};

/** A string to search for and what it encodes. */
export type Needle = { readonly what: string; readonly needle: string };

const MIN_DIGITS = 10;
const MIN_HEX = 8;

function numberNeedles(what: string, value: bigint): Needle[] {
  const out: Needle[] = [];
  const decimal = value.toString();
  if (decimal.length >= MIN_DIGITS) out.push({ what: `${what} (decimal)`, needle: decimal });
  const hex = value.toString(16);
  if (hex.length >= MIN_HEX && decimal.length >= MIN_DIGITS) out.push({ what: `${what} (hex)`, needle: hex });
  return out;
}

/**
 * Every encoding of every forbidden value, lower-case: addresses without `0x` (so lower-case,
 * checksummed, prefixed or not and ABI-padded calldata all match), numbers as decimal and hex,
 * amounts also in whole tokens. Values too short to be told from chance (fewer than 10 digits,
 * 6 characters of text, a 1-2-5 bucket bound) are not searched; generators make them longer.
 */
export function forbiddenNeedles(secrets: Secrets, exposure: Exposure): Needle[] {
  const out: Needle[] = [];
  const address = (what: string, a: Address) => out.push({ what, needle: a.slice(2).toLowerCase() });
  for (const a of secrets.private) address(`private address ${a}`, a);
  for (const name of secrets.names)
    if (name.length >= 6) out.push({ what: `private name ${name}`, needle: name.toLowerCase() });
  for (const n of secrets.numbers) out.push(...numberNeedles(`nonce ${n}`, n));
  for (const h of secrets.hex)
    if (h.length - 2 >= 16) out.push({ what: `hex ${h.slice(0, 18)}…`, needle: h.slice(2).toLowerCase() });
  if (!exposure.counterparty) for (const a of secrets.counterparties) address(`counterparty ${a}`, a);
  if (!exposure.amount)
    for (const { value, decimals } of secrets.amounts) {
      out.push(...numberNeedles(`amount ${value}`, value));
      const whole = formatUnits(value, decimals);
      const significant = whole.replace('.', '').replace(/^0+/, '');
      if (!/^[125]0*$/.test(significant) && significant.length >= 5)
        out.push({ what: `amount ${whole} (whole units)`, needle: whole });
    }
  if (!exposure.timing) for (const t of secrets.timings) out.push(...numberNeedles(`timing ${t}`, t));
  if (!exposure.freeText)
    for (const text of secrets.texts)
      if (text.length >= 6)
        out.push({ what: `free text ${JSON.stringify(text)}`, needle: text.toLowerCase() });
  return out;
}

/** The needles found in `text` (case-insensitive). Free text is searched in its JSON-escaped form too. */
export function findLeaks(text: string, needles: readonly Needle[]): Needle[] {
  const haystack = text.toLowerCase();
  return needles.filter(
    ({ needle }) => haystack.includes(needle) || haystack.includes(JSON.stringify(needle).slice(1, -1)),
  );
}
