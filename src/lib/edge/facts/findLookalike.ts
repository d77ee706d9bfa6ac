import type { Address } from 'viem';

export type FindLookalikeOptions = {
  /** Leading hex characters after `0x` that must agree. Default 4. */
  prefix?: number;
  /** Trailing hex characters that must agree. Default 4. */
  suffix?: number;
};

export type FindLookalikeReturnType = Address | undefined;

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

function hexOf(address: unknown): string | undefined {
  return typeof address === 'string' && ADDRESS.test(address) ? address.slice(2).toLowerCase() : undefined;
}

/** Clamps a character count to [0, 40]; anything not a finite number is the default. */
function count(value: number | undefined, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(40, Math.max(0, Math.trunc(value)));
}

/**
 * Matching leading plus trailing hex characters of two addresses, case-insensitive (each character
 * counted once: 40 for the same address). 0 when either is not a 20-byte hex address.
 */
export function lookalikeScore(a: Address, b: Address): number {
  const x = hexOf(a);
  const y = hexOf(b);
  if (x === undefined || y === undefined) return 0;
  let lead = 0;
  while (lead < 40 && x[lead] === y[lead]) lead++;
  let trail = 0;
  while (trail < 40 - lead && x[39 - trail] === y[39 - trail]) trail++;
  return lead + trail;
}

/**
 * A known address that `address` imitates (address poisoning): different from it, but sharing its
 * first `prefix` and last `suffix` hex characters, case-insensitive. Of several, the one whose
 * lower-case form sorts first. `undefined` when none does or `address` is not an address; entries of
 * `known` that are not addresses are skipped.
 */
export function findLookalike(
  address: Address,
  known: readonly Address[],
  options: FindLookalikeOptions = {},
): FindLookalikeReturnType {
  const target = hexOf(address);
  if (target === undefined || !Array.isArray(known)) return undefined;
  const prefix = count(options.prefix, 4);
  const suffix = count(options.suffix, 4);
  const head = target.slice(0, prefix);
  const tail = target.slice(40 - suffix);
  let best: { hex: string; address: Address } | undefined;
  for (const candidate of known) {
    const hex = hexOf(candidate);
    if (hex === undefined || hex === target) continue;
    if (!hex.startsWith(head) || !hex.endsWith(tail)) continue;
    if (!best || hex < best.hex || (hex === best.hex && candidate < best.address))
      best = { hex, address: candidate };
  }
  return best?.address;
}
