import { type Abi, parseAbi } from 'viem';

/** A standard interface Vigil decodes top-level calls against. */
export type StandardAbi = { readonly standard: string; readonly abi: Abi };

/** ERC-20, ERC-721, ERC-1155 and WETH: the calls most signatures are about. */
export const standardAbis: readonly StandardAbi[] = [
  {
    standard: 'ERC-20',
    abi: parseAbi([
      'function transfer(address to, uint256 amount) returns (bool)',
      'function approve(address spender, uint256 amount) returns (bool)',
      'function transferFrom(address from, address to, uint256 amount) returns (bool)',
      'function increaseAllowance(address spender, uint256 addedValue) returns (bool)',
      'function decreaseAllowance(address spender, uint256 subtractedValue) returns (bool)',
      'function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)',
    ]),
  },
  {
    standard: 'ERC-721',
    abi: parseAbi([
      'function approve(address to, uint256 tokenId)',
      'function transferFrom(address from, address to, uint256 tokenId)',
      'function safeTransferFrom(address from, address to, uint256 tokenId)',
      'function safeTransferFrom(address from, address to, uint256 tokenId, bytes data)',
      'function setApprovalForAll(address operator, bool approved)',
    ]),
  },
  {
    standard: 'ERC-1155',
    abi: parseAbi([
      'function safeTransferFrom(address from, address to, uint256 id, uint256 amount, bytes data)',
      'function safeBatchTransferFrom(address from, address to, uint256[] ids, uint256[] amounts, bytes data)',
      'function setApprovalForAll(address operator, bool approved)',
    ]),
  },
  {
    standard: 'WETH',
    abi: parseAbi(['function deposit() payable', 'function withdraw(uint256 wad)']),
  },
];
