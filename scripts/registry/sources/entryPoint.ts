import {
  entryPoint06Abi,
  entryPoint06Address,
  entryPoint07Abi,
  entryPoint07Address,
  entryPoint08Abi,
  entryPoint08Address,
  entryPoint09Abi,
  entryPoint09Address,
} from 'viem/account-abstraction';
import { DETERMINISTIC_CHAINS } from '../manual/chains';
import type { SourceContract } from '../types';
import { provenance } from './npm';

/** ERC-4337 EntryPoint v0.6 – v0.9, ABIs and canonical addresses as viem ships them. */
export function entryPointContracts(): SourceContract[] {
  const versions = [
    ['0.6', entryPoint06Abi, entryPoint06Address],
    ['0.7', entryPoint07Abi, entryPoint07Address],
    ['0.8', entryPoint08Abi, entryPoint08Address],
    ['0.9', entryPoint09Abi, entryPoint09Address],
  ] as const;
  return versions.map(
    ([version, abi, address]): SourceContract => ({
      kind: 'contract',
      tier: 'abi',
      id: `erc4337.entry-point@${version}`,
      name: `ERC-4337 EntryPoint v${version}`,
      ...provenance('viem', `account-abstraction entryPoint0${version.slice(2)}Abi`),
      abi,
      deployments: DETERMINISTIC_CHAINS.map((chain) => [chain, address] as const),
    }),
  );
}
