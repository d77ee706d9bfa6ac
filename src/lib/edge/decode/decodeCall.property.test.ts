import fc from 'fast-check';
import { type Hex, toHex } from 'viem';
import { expect, test } from 'vitest';
import { decodeCall } from './decodeCall';
import { type DecodedCall, treeConfidence } from './types';

/** Selectors of functions that nest calls, and common ones: where hostile bytes would do damage. */
const selectors = [
  '0x82ad56cb', // aggregate3
  '0x252dba42', // aggregate
  '0xac9650d8', // multicall(bytes[])
  '0x8d80ff0a', // multiSend(bytes)
  '0x6a761202', // execTransaction
  '0x3593564c', // Universal Router execute
  '0xe9ae5c53', // ERC-7821 execute
  '0x765e827f', // handleOps v0.7
  '0xa9059cbb', // transfer
  '0x095ea7b3', // approve
] as const;

function nodes(node: DecodedCall): number {
  return 1 + node.children.reduce((sum, child) => sum + nodes(child), 0);
}

test('random arguments after known selectors: no throw, γ in [0, 1], size bounded', () => {
  fc.assert(
    fc.property(fc.constantFrom(...selectors), fc.uint8Array({ maxLength: 600 }), (selector, bytes) => {
      const data = `${selector}${toHex(bytes).slice(2)}` as Hex;
      const node = decodeCall({
        data,
        chainId: 1n,
        to: '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD',
        limits: { maxDepth: 4, maxNodes: 64 },
      });
      const gamma = treeConfidence(node);
      expect(gamma).toBeGreaterThanOrEqual(0);
      expect(gamma).toBeLessThanOrEqual(1);
      expect(nodes(node)).toBeLessThanOrEqual(64 + 8);
      if (node.source === 'none') expect(node.function).toBeUndefined();
    }),
    { numRuns: 1500 },
  );
});

test('32-byte words that look like offsets and lengths (the hostile case) terminate', () => {
  const word = fc
    .constantFrom(0n, 32n, 64n, 96n, 2n ** 255n, 2n ** 32n, 1n)
    .map((n) => n.toString(16).padStart(64, '0'));
  fc.assert(
    fc.property(fc.constantFrom(...selectors), fc.array(word, { maxLength: 24 }), (selector, words) => {
      const node = decodeCall({ data: `${selector}${words.join('')}` as Hex });
      expect(treeConfidence(node)).toBeLessThanOrEqual(1);
    }),
    { numRuns: 1500 },
  );
});
