import type { SourceContract } from '../types';
import { verified } from './verified';

const CALL = '(address target, bytes callData)[] calls';

/** Multicall (MakerDAO, 2019; makerdao/multicall `Multicall.sol`). */
const MULTICALL_V1 = [
  ['0x252dba42', `function aggregate(${CALL})`],
  ['0xee82ac5e', 'function getBlockHash(uint256 blockNumber) view'],
  ['0xa8b0574e', 'function getCurrentBlockCoinbase() view'],
  ['0x72425d9d', 'function getCurrentBlockDifficulty() view'],
  ['0x86d516e8', 'function getCurrentBlockGasLimit() view'],
  ['0x0f28c97d', 'function getCurrentBlockTimestamp() view'],
  ['0x4d2301cc', 'function getEthBalance(address addr) view'],
  ['0x27e86d6e', 'function getLastBlockHash() view'],
] as const;

/** Multicall2 (makerdao/multicall `Multicall2.sol`): Multicall plus try/block variants. */
const MULTICALL_V2 = [
  ...MULTICALL_V1,
  ['0xc3077fa9', `function blockAndAggregate(${CALL})`],
  ['0x42cbb15c', 'function getBlockNumber() view'],
  ['0xbce38bd7', `function tryAggregate(bool requireSuccess, ${CALL})`],
  ['0x399542e9', `function tryBlockAndAggregate(bool requireSuccess, ${CALL})`],
] as const;

/** Multicall3 (mds1/multicall `Multicall3.sol`, MIT): every entry point is payable. */
const MULTICALL_V3 = [
  ['0x252dba42', `function aggregate(${CALL}) payable`],
  ['0x82ad56cb', 'function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable'],
  [
    '0x174dea71',
    'function aggregate3Value((address target, bool allowFailure, uint256 value, bytes callData)[] calls) payable',
  ],
  ['0xc3077fa9', `function blockAndAggregate(${CALL}) payable`],
  ['0xbce38bd7', `function tryAggregate(bool requireSuccess, ${CALL}) payable`],
  ['0x399542e9', `function tryBlockAndAggregate(bool requireSuccess, ${CALL}) payable`],
  ['0x3e64a696', 'function getBasefee() view'],
  ['0xee82ac5e', 'function getBlockHash(uint256 blockNumber) view'],
  ['0x42cbb15c', 'function getBlockNumber() view'],
  ['0x3408e470', 'function getChainId() view'],
  ['0xa8b0574e', 'function getCurrentBlockCoinbase() view'],
  ['0x72425d9d', 'function getCurrentBlockDifficulty() view'],
  ['0x86d516e8', 'function getCurrentBlockGasLimit() view'],
  ['0x0f28c97d', 'function getCurrentBlockTimestamp() view'],
  ['0x4d2301cc', 'function getEthBalance(address addr) view'],
  ['0x27e86d6e', 'function getLastBlockHash() view'],
] as const;

/** Multicall3's entry, without deployments (sources/multicall.ts binds it through viem's chain list). */
export const MULTICALL3 = {
  id: 'multicall3',
  name: 'Multicall3',
  source: 'manual:scripts/registry/manual/multicall.ts (mds1/multicall Multicall3.sol)',
  license: 'MIT',
  abi: verified(MULTICALL_V3),
} as const;

/** Multicall and Multicall2 on Ethereum mainnet (addresses from the makerdao/multicall README). */
export function multicallContracts(): SourceContract[] {
  return [
    {
      kind: 'contract',
      tier: 'abi',
      id: 'makerdao.multicall',
      name: 'Multicall (MakerDAO)',
      source: 'manual:scripts/registry/manual/multicall.ts (makerdao/multicall Multicall.sol)',
      license: 'MIT',
      abi: verified(MULTICALL_V1),
      deployments: [[1, '0xeefBa1e63905eF1D7ACbA5a8513c70307C1cE441']],
    },
    {
      kind: 'contract',
      tier: 'abi',
      id: 'makerdao.multicall2',
      name: 'Multicall2 (MakerDAO)',
      source: 'manual:scripts/registry/manual/multicall.ts (makerdao/multicall Multicall2.sol)',
      license: 'MIT',
      abi: verified(MULTICALL_V2),
      deployments: [[1, '0x5BA1e12693Dc8F9c48aAD8770482f4739bEeD696']],
    },
  ];
}
