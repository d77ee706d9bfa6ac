import { formatUnits } from 'viem';
import { nativeCurrency } from '../../tokens/nativeCurrency';
import { ClearSignFormatError } from '../errors';
import { leafToBigInt } from '../leafAs';
import type { ValueNode } from '../types';

/** ERC-7730 `amount`: an amount of the chain's native currency (`0.5 ETH`, `12 POL`), exact. */
export function formatAmount(node: ValueNode, chainId: bigint | undefined): string {
  const value = leafToBigInt(node);
  const native = chainId === undefined ? undefined : nativeCurrency(chainId);
  if (!native)
    throw new ClearSignFormatError(`the native currency of chain ${chainId ?? '(none)'} is unknown`);
  return `${formatUnits(value, native.decimals)} ${native.symbol}`;
}
