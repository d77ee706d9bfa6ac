import type { Chain } from 'viem';
import * as chains from 'viem/chains';
import { MULTICALL3 } from '../manual/multicall';
import type { Deployment, SourceContract } from '../types';
import { provenance } from './npm';

/** Multicall3's ABI (hand-written from its source) bound to every chain viem knows a Multicall3 address for. */
export function multicall3Contract(): SourceContract {
  const deployments = (Object.values(chains) as Chain[]).flatMap((chain): Deployment[] => {
    const address = chain.contracts?.multicall3?.address;
    return address ? [[chain.id, address]] : [];
  });
  return {
    kind: 'contract',
    tier: 'abi',
    ...MULTICALL3,
    source: `${MULTICALL3.source}; addresses: ${provenance('viem', 'chains contracts.multicall3').source}`,
    deployments,
  };
}
