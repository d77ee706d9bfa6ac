import type { SourceContract } from '../types';
import { artifactAbi, packageFile, provenance } from './npm';

const pkg = '@cowprotocol/contracts';
type Networks = Readonly<Record<string, Readonly<Record<string, { readonly address: string }>>>>;

/** CoW Protocol: the settlement contract (pre-signatures, order invalidation) and the vault relayer users approve. */
export function cowContracts(): SourceContract[] {
  const networks = packageFile<Networks>(pkg, 'networks.json');
  return (
    [
      ['GPv2Settlement', 'cow.gpv2-settlement', 'CoW Protocol GPv2Settlement'],
      ['GPv2VaultRelayer', 'cow.gpv2-vault-relayer', 'CoW Protocol GPv2VaultRelayer'],
    ] as const
  ).map(([contract, id, name]): SourceContract => {
    const deployments = networks[contract];
    if (!deployments) throw new Error(`${pkg}: no ${contract} in networks.json`);
    return {
      kind: 'contract',
      tier: 'abi',
      id,
      name,
      ...provenance(pkg, `lib/contracts/${contract}.json + networks.json`),
      abi: artifactAbi(pkg, `lib/contracts/${contract}.json`),
      deployments: Object.entries(deployments).map(
        ([chain, { address }]) => [Number(chain), address] as const,
      ),
    };
  });
}
