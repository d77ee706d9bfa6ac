import { formatUnits } from 'viem';

/** `s × 10^k` written in whole units: plain below a million, `5e6` style above. */
function scaled(s: number, k: number): string {
  if (k >= 6) return `${s}e${k}`;
  if (k >= 0) return `${s}${'0'.repeat(k)}`;
  if (k >= -6) return `0.${'0'.repeat(-k - 1)}${s}`;
  return `${s}e${k}`;
}

/** Decimal exponent of a positive base-unit amount in whole tokens: 10^k ≤ amount/10^decimals < 10^(k+1). */
function exponent(amount: bigint, decimals: number): number {
  return amount.toString().length - 1 - decimals;
}

/** The order of magnitude of an amount, `1e3..1e4`; `0` for zero. */
export function magnitude(amount: bigint, decimals: number): string {
  if (amount < 0n) throw new RangeError('negative amount');
  if (amount === 0n) return '0';
  const k = exponent(amount, decimals);
  return `1e${k}..1e${k + 1}`;
}

/** A 1-2-5 bucket of an amount in whole tokens, `1000..2000`, `0.05..0.1`; `0` for zero. */
export function bucket(amount: bigint, decimals: number): string {
  if (amount < 0n) throw new RangeError('negative amount');
  if (amount === 0n) return '0';
  const k = exponent(amount, decimals);
  const lead = Number(amount.toString()[0]);
  if (lead < 2) return `${scaled(1, k)}..${scaled(2, k)}`;
  if (lead < 5) return `${scaled(2, k)}..${scaled(5, k)}`;
  return `${scaled(5, k)}..${scaled(1, k + 1)}`;
}

/** The exact amount in whole tokens. */
export function exact(amount: bigint, decimals: number): string {
  return formatUnits(amount, decimals);
}

/** Matches what `magnitude` writes. */
export const MAGNITUDE_PATTERN = /^(0|1e-?\d{1,3}\.\.1e-?\d{1,3})$/;
const BOUND = String.raw`(?:[125]0{0,5}|[125]e-?\d{1,3}|0\.0{0,5}[125])`;
/** Matches what `bucket` writes. */
export const BUCKET_PATTERN = new RegExp(`^(?:0|${BOUND}\\.\\.${BOUND})$`);
/** Matches an exact amount in whole tokens, as `exact` writes it. */
export const EXACT_PATTERN = /^\d{1,78}(\.\d{1,78})?$/;

/** Unix seconds beyond this (year 5138) read as "no expiry" in practice. */
const FAR_FUTURE = 100_000_000_000n;

/** The UTC month of a Unix time in seconds (`2026-03`), `far-future`, or `none` for 0. */
export function month(seconds: bigint): string {
  if (seconds <= 0n) return 'none';
  if (seconds >= FAR_FUTURE) return 'far-future';
  return new Date(Number(seconds) * 1000).toISOString().slice(0, 7);
}

/** Matches what `month` writes. */
export const MONTH_PATTERN = /^(none|far-future|\d{4}-\d{2})$/;

/** The shape of free text: its length in characters and its character class, never its content. */
export function textShape(text: string): { readonly length: number; readonly chars: 'ascii' | 'unicode' } {
  return { length: [...text].length, chars: /^[\x20-\x7e\n\r\t]*$/.test(text) ? 'ascii' : 'unicode' };
}
