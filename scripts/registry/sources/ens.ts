import type { Abi } from 'viem';
import type { Deployment, SourceContract } from '../types';
import { provenance } from './npm';

/** ensjs contract keys, the snippet prefix of their ABI fragments, and a display name. */
const CONTRACTS = [
  ['ensRegistry', 'registry', 'ens.registry', 'ENS Registry'],
  ['ensBaseRegistrarImplementation', 'baseRegistrar', 'ens.base-registrar', 'ENS BaseRegistrar (.eth)'],
  [
    'ensEthRegistrarController',
    'ethRegistrarController',
    'ens.eth-registrar-controller',
    'ENS ETHRegistrarController',
  ],
  ['ensNameWrapper', 'nameWrapper', 'ens.name-wrapper', 'ENS NameWrapper'],
  ['ensPublicResolver', 'publicResolver', 'ens.public-resolver', 'ENS PublicResolver'],
  ['ensReverseRegistrar', 'reverseRegistrar', 'ens.reverse-registrar', 'ENS ReverseRegistrar'],
  ['ensBulkRenewal', 'bulkRenewal', 'ens.bulk-renewal', 'ENS BulkRenewal'],
  ['ensDnsRegistrar', 'dnsRegistrar', 'ens.dns-registrar', 'ENS DNSRegistrar'],
  ['ensUniversalResolver', 'universalResolver', 'ens.universal-resolver', 'ENS UniversalResolver'],
] as const;

/**
 * ENS contracts from ensjs: its ABI snippets (the functions ensjs calls, which include the ones
 * users sign: register, renew, commit, setOwner, setResolver, setSubnodeRecord, wrap, setText, ...)
 * grouped per contract, bound to the addresses ensjs ships.
 */
export async function ensContracts(): Promise<SourceContract[]> {
  const ens = (await import('@ensdomains/ensjs/contracts')) as unknown as Record<string, unknown> & {
    addresses: Readonly<Record<string, Readonly<Record<string, { readonly address: string }>>>>;
  };
  return CONTRACTS.map(([key, prefix, id, name]): SourceContract => {
    const abi = Object.entries(ens)
      .filter(
        ([exportName, value]) =>
          exportName.startsWith(prefix) && exportName.endsWith('Snippet') && Array.isArray(value),
      )
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([, value]) => value as Abi);
    const deployments = Object.entries(ens.addresses).flatMap(([chain, contracts]): Deployment[] => {
      // Goerli (5) is shut down, and ensjs lists one address there for two contracts.
      if (chain === '5') return [];
      const address = contracts[key]?.address;
      return address ? [[Number(chain), address]] : [];
    });
    return {
      kind: 'contract',
      tier: 'abi',
      id,
      name,
      ...provenance('@ensdomains/ensjs', `contracts ${prefix}*Snippet + addresses`),
      abi,
      deployments,
    };
  });
}
