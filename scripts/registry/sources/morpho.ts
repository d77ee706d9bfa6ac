import { createRequire } from 'node:module';
import type { Abi } from 'viem';
import type { Deployment, SourceContract, SourceInterface } from '../types';
import { provenance } from './npm';

const require = createRequire(import.meta.url);

type Addresses = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

function abis(): Record<string, Abi> {
  return require('@morpho-org/blue-sdk-viem') as Record<string, Abi>;
}

function source(abiName: string): { source: string; license: string } {
  const { source, license } = provenance('@morpho-org/blue-sdk-viem', abiName);
  return { source: `${source} + ${provenance('@morpho-org/blue-sdk').source}`, license };
}

/** Morpho Blue (the singleton lending market) and the public allocator, on every chain blue-sdk lists. */
export function morphoContracts(): SourceContract[] {
  const { addressesRegistry } = require('@morpho-org/blue-sdk') as { addressesRegistry: Addresses };
  const at = (key: string): Deployment[] =>
    Object.entries(addressesRegistry).flatMap(([chain, addresses]): Deployment[] => {
      const address = addresses[key];
      return typeof address === 'string' ? [[Number(chain), address]] : [];
    });
  const { blueAbi, publicAllocatorAbi } = abis();
  if (!blueAbi || !publicAllocatorAbi) throw new Error('@morpho-org/blue-sdk-viem: ABIs missing');
  return [
    {
      kind: 'contract',
      tier: 'abi',
      id: 'morpho.blue',
      name: 'Morpho Blue',
      ...source('blueAbi'),
      abi: blueAbi,
      deployments: at('morpho'),
    },
    {
      kind: 'contract',
      tier: 'abi',
      id: 'morpho.public-allocator',
      name: 'Morpho PublicAllocator',
      ...source('publicAllocatorAbi'),
      abi: publicAllocatorAbi,
      deployments: at('publicAllocator'),
    },
  ];
}

/** Vault interfaces: MetaMorpho (v1.x) and Vault V2, whose instances are many and per-curator. */
export function morphoInterfaces(): SourceInterface[] {
  const { metaMorphoAbi, vaultV2Abi } = abis();
  if (!metaMorphoAbi || !vaultV2Abi) throw new Error('@morpho-org/blue-sdk-viem: vault ABIs missing');
  return [
    {
      kind: 'interface',
      id: 'morpho.metamorpho',
      name: 'MetaMorpho vault',
      ...provenance('@morpho-org/blue-sdk-viem', 'metaMorphoAbi'),
      abi: metaMorphoAbi,
    },
    {
      kind: 'interface',
      id: 'morpho.vault-v2',
      name: 'Morpho Vault V2',
      ...provenance('@morpho-org/blue-sdk-viem', 'vaultV2Abi'),
      abi: vaultV2Abi,
    },
  ];
}
