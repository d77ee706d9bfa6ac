import { createRequire } from 'node:module';
import type { Abi } from 'viem';
import type { Deployment, SourceContract } from '../types';
import { provenance } from './npm';

const require = createRequire(import.meta.url);

/** Lido stETH, wstETH and the withdrawal queue (an ERC-721 of withdrawal requests). */
export function lidoContracts(): SourceContract[] {
  const contracts = require('@lido-sdk/contracts') as Record<string, { abi: Abi }>;
  const constants = require('@lido-sdk/constants') as {
    TOKENS_BY_NETWORK: Readonly<Record<string, Readonly<Record<string, string>>>>;
    WITHDRAWAL_QUEUE_BY_NETWORK: Readonly<Record<string, string>>;
  };
  const token = (symbol: string): Deployment[] =>
    Object.entries(constants.TOKENS_BY_NETWORK).flatMap(([chain, tokens]): Deployment[] => {
      const address = tokens[symbol];
      return address ? [[Number(chain), address]] : [];
    });
  const entry = (id: string, name: string, factory: string, deployments: Deployment[]): SourceContract => {
    const abi = contracts[factory]?.abi;
    if (!abi) throw new Error(`@lido-sdk/contracts: no ${factory}`);
    const { source, license } = provenance('@lido-sdk/contracts', factory);
    return {
      kind: 'contract',
      tier: 'abi',
      id,
      name,
      source: `${source} + ${provenance('@lido-sdk/constants').source}`,
      license,
      abi,
      deployments,
    };
  };
  return [
    entry('lido.steth', 'Lido stETH', 'StethAbiFactory', token('STETH')),
    entry('lido.wsteth', 'Lido wstETH', 'WstethAbiFactory', token('WSTETH')),
    entry(
      'lido.withdrawal-queue',
      'Lido WithdrawalQueueERC721',
      'WithdrawalQueueAbiFactory',
      Object.entries(constants.WITHDRAWAL_QUEUE_BY_NETWORK).map(
        ([chain, a]): Deployment => [Number(chain), a],
      ),
    ),
  ];
}
