import { toFunctionSelector } from 'viem';

/**
 * Hand-written signatures paired with the selector they are known by (from the contract's verified
 * source or a public selector database). The build fails if a typo changes a selector. Returns the
 * signatures.
 */
export function verified(pairs: readonly (readonly [selector: string, signature: string])[]): string[] {
  return pairs.map(([selector, signature]) => {
    const actual = toFunctionSelector(signature);
    if (actual !== selector) throw new Error(`${signature}: selector ${actual}, expected ${selector}`);
    return signature;
  });
}
