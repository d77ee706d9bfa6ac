import { formatUnits } from 'viem';
import { ClearSignFormatError } from '../errors';
import { leafToBigInt } from '../leafAs';
import type { ValueNode } from '../types';

const SI_PREFIXES = ['', 'k', 'M', 'G', 'T', 'P', 'E'] as const;

/**
 * ERC-7730 `unit`: the value scaled by `decimals`, followed by `base` (`%`, `bps`, `h`…); with
 * `prefix: true`, an SI prefix keeps the number under 1000 (`1.5k`). Exact: no float rounding.
 * `base` must already be resolved (a literal).
 */
export function formatUnit(node: ValueNode, params: Readonly<Record<string, unknown>>): string {
  const value = leafToBigInt(node);
  const decimals = params.decimals ?? 0;
  if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > 255)
    throw new ClearSignFormatError(`bad unit decimals ${JSON.stringify(decimals)}`);
  const base = typeof params.base === 'string' ? params.base.trim() : '';
  let prefix = '';
  let scale = decimals;
  if (params.prefix === true) {
    const magnitude = value < 0n ? -value : value;
    for (let i = SI_PREFIXES.length - 1; i > 0; i--)
      if (magnitude >= 10n ** BigInt(decimals + 3 * i)) {
        prefix = SI_PREFIXES[i] as string;
        scale = decimals + 3 * i;
        break;
      }
  }
  const number = formatUnits(value, scale);
  const suffix = `${prefix}${base}`;
  if (suffix === '') return number;
  return base === '%' && prefix === '' ? `${number}%` : `${number} ${suffix}`;
}
