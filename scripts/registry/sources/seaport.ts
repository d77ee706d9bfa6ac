import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Abi } from 'viem';
import { DETERMINISTIC_CHAINS } from '../manual/chains';
import type { SourceContract } from '../types';
import { provenance } from './npm';

const lib = join(dirname(fileURLToPath(import.meta.url)), '../../../node_modules/@opensea/seaport-js/lib');
const require = createRequire(import.meta.url);

/**
 * Seaport 1.5 and 1.6: the same external interface (ConsiderationInterface), which seaport-js ships
 * once; each version lives at one cross-chain CREATE2 address (see manual/chains.ts).
 */
export function seaportContracts(): SourceContract[] {
  const { SeaportABI } = require(join(lib, 'abi/Seaport.js')) as { SeaportABI: Abi };
  const constants = require(join(lib, 'constants.js')) as Record<string, string>;
  const versions = [
    ['1.5', constants.CROSS_CHAIN_SEAPORT_V1_5_ADDRESS],
    ['1.6', constants.CROSS_CHAIN_SEAPORT_V1_6_ADDRESS],
  ] as const;
  return versions.map(([version, address]): SourceContract => {
    if (!address) throw new Error(`seaport-js: no address for ${version}`);
    return {
      kind: 'contract',
      tier: 'abi',
      id: `opensea.seaport@${version}`,
      name: `Seaport ${version}`,
      ...provenance('@opensea/seaport-js', 'lib/abi/Seaport.js'),
      abi: SeaportABI,
      deployments: DETERMINISTIC_CHAINS.map((chain) => [chain, address] as const),
    };
  });
}
