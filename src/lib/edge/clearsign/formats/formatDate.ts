import { ClearSignFormatError } from '../errors';
import { leafToBigInt } from '../leafAs';
import type { ValueNode } from '../types';
import { formatUtcTimestamp } from './formatUtcTimestamp';

/**
 * ERC-7730 `date`: `encoding: "timestamp"` (the default) as `YYYY-MM-DD HH:MM:SS UTC`;
 * `encoding: "blockheight"` as `block N`.
 */
export function formatDate(node: ValueNode, params: Readonly<Record<string, unknown>>): string {
  const value = leafToBigInt(node);
  const encoding = params.encoding ?? 'timestamp';
  if (encoding === 'timestamp') return formatUtcTimestamp(value);
  if (encoding === 'blockheight') return `block ${value}`;
  throw new ClearSignFormatError(`unknown date encoding ${JSON.stringify(encoding)}`);
}
