import { ClearSignFormatError } from '../errors';
import { leafLowAddress, leafToAddress } from '../leafAs';
import type { ValueNode } from '../types';

/** The address to show, and a warning when it was cut out of a wider word. */
export type FormatAddressNameReturnType = { value: string; warning?: string };

/**
 * ERC-7730 `addressName`: the checksummed address. Naming it (address book, ENS) is the UI's job,
 * later; the descriptor's `types`/`sources` hints are not used. A 32-byte word whose top bytes are
 * not zero (flags packed beside an address) shows its low 20 bytes, with a warning.
 */
export function formatAddressName(node: ValueNode): FormatAddressNameReturnType {
  try {
    return { value: leafToAddress(node) };
  } catch (error) {
    const low = leafLowAddress(node);
    if (!low || !(error instanceof ClearSignFormatError)) throw error;
    return {
      value: low,
      warning: `the top 12 bytes of the word are not zero; its low 20 bytes are shown as the address`,
    };
  }
}
