import type { Address } from 'viem';
import { tokenInfo } from '../tokens/tokens';
import { descriptorById } from './descriptors';
import type { Descriptor } from './types';

/** `safeTransferFrom(address,address,uint256)`, `setApprovalForAll(address,bool)`: NFT-only calls. */
const NFT_SELECTORS = new Set(['0x42842e0e', '0xa22cb465']);

/** A generic descriptor applied where the registry binds none, and why it is applicable. */
export type GenericCalldataDescriptor = { descriptor: Descriptor; warning: string };

/**
 * The generic `ercs/` descriptor to fall back on for a contract the registry does not know:
 * ERC-20 when Vigil's token list knows the contract as a token; ERC-721 for the calls only NFT
 * contracts have (`safeTransferFrom`, `setApprovalForAll`). `transferFrom`/`approve` to an
 * unknown contract get none: ERC-20 and ERC-721 share them, and guessing wrong misreads amounts.
 */
export function genericCalldataDescriptor(
  chainId: bigint,
  to: Address,
  selector: string,
): GenericCalldataDescriptor | undefined {
  const token = tokenInfo(chainId, to);
  if (token) {
    const descriptor = descriptorById('ercs/calldata-erc20-tokens.json');
    if (descriptor)
      return {
        descriptor,
        warning: `Generic ERC-20 descriptor: ${to} is not in the clear-signing registry; Vigil's token list names it ${token.symbol}.`,
      };
  }
  if (NFT_SELECTORS.has(selector)) {
    const descriptor = descriptorById('ercs/calldata-erc721-nfts.json');
    if (descriptor)
      return {
        descriptor,
        warning: `Generic ERC-721 descriptor: ${to} is not in the clear-signing registry and is not known to be an NFT collection.`,
      };
  }
  return undefined;
}
