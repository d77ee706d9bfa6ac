import type { Deployment, SourceContract } from '../types';
import { verified } from './verified';

/** WETH9 (the canonical wrapped Ether, `WETH9.sol` of 2017) with its own parameter names. */
export const WETH9 = verified([
  ['0xd0e30db0', 'function deposit() payable'],
  ['0x2e1a7d4d', 'function withdraw(uint256 wad)'],
  ['0x095ea7b3', 'function approve(address guy, uint256 wad)'],
  ['0xa9059cbb', 'function transfer(address dst, uint256 wad)'],
  ['0x23b872dd', 'function transferFrom(address src, address dst, uint256 wad)'],
  ['0x70a08231', 'function balanceOf(address) view'],
  ['0xdd62ed3e', 'function allowance(address, address) view'],
  ['0x18160ddd', 'function totalSupply() view'],
  ['0x06fdde03', 'function name() view'],
  ['0x95d89b41', 'function symbol() view'],
  ['0x313ce567', 'function decimals() view'],
]);

/**
 * Wrapped native tokens (WETH9 or a WETH9-compatible clone: WMATIC, WBNB, WAVAX, the OP-stack
 * predeploy, ...) at the addresses the Universal Router SDK uses as `weth` on each chain.
 */
export function wrappedNativeContract(deployments: readonly Deployment[], source: string): SourceContract {
  return {
    kind: 'contract',
    tier: 'abi',
    id: 'weth9',
    name: 'Wrapped native token (WETH9)',
    source: `manual:scripts/registry/manual/tokens.ts (WETH9.sol); addresses: ${source}`,
    license: 'MIT',
    abi: WETH9,
    deployments,
  };
}

/** Dai (MakerDAO dss `dai.sol`): its own `permit` (nonce, expiry, allowed) and push/pull/move. */
export function daiContract(): SourceContract {
  return {
    kind: 'contract',
    tier: 'abi',
    id: 'makerdao.dai',
    name: 'Dai Stablecoin',
    source: 'manual:scripts/registry/manual/tokens.ts (makerdao/dss dai.sol)',
    license: 'MIT',
    abi: verified([
      [
        '0x8fcbaf0c',
        'function permit(address holder, address spender, uint256 nonce, uint256 expiry, bool allowed, uint8 v, bytes32 r, bytes32 s)',
      ],
      ['0x095ea7b3', 'function approve(address usr, uint256 wad) returns (bool)'],
      ['0xa9059cbb', 'function transfer(address dst, uint256 wad) returns (bool)'],
      ['0x23b872dd', 'function transferFrom(address src, address dst, uint256 wad) returns (bool)'],
      ['0xb753a98c', 'function push(address usr, uint256 wad)'],
      ['0xf2d5d56b', 'function pull(address usr, uint256 wad)'],
      ['0xbb35783b', 'function move(address src, address dst, uint256 wad)'],
      ['0x40c10f19', 'function mint(address usr, uint256 wad)'],
      ['0x9dc29fac', 'function burn(address usr, uint256 wad)'],
      ['0x65fae35e', 'function rely(address guy)'],
      ['0x9c52a7f1', 'function deny(address guy)'],
      ['0x7ecebe00', 'function nonces(address) view'],
      ['0x30adf81f', 'function PERMIT_TYPEHASH() view'],
      ['0x3644e515', 'function DOMAIN_SEPARATOR() view'],
    ]),
    deployments: [[1, '0x6B175474E89094C44Da98b954EedeAC495271d0F']],
  };
}
