import type { Address } from 'viem';
import { leafToBigInt } from '../leafAs';
import type { ValueNode } from '../types';

/** ERC-7730 `nftName`: the token id and its collection (`#1234 of 0xBC4C…`); no metadata lookup. */
export function formatNftName(node: ValueNode, collection: Address | undefined): string {
  const id = leafToBigInt(node);
  return collection ? `#${id} of ${collection}` : `#${id}`;
}
