import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Abi } from 'viem';
import type { Deployment, SourceContract } from '../types';
import { packageFile, provenance } from './npm';

const pkg = '@safe-global/safe-deployments';
const assets = join(dirname(fileURLToPath(import.meta.url)), '../../../node_modules', pkg, 'dist/assets');

type SafeAsset = {
  readonly contractName: string;
  readonly version: string;
  readonly released: boolean;
  readonly abi: Abi;
  /** 1.0.0 – 1.2.0 list one address per chain; later versions name a deployment type (or several). */
  readonly defaultAddress?: string;
  readonly deployments?: Readonly<Record<string, { readonly address: string }>>;
  readonly networkAddresses: Readonly<Record<string, string | readonly string[]>>;
};

function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

function deploymentsOf(asset: SafeAsset, file: string): Deployment[] {
  return Object.entries(asset.networkAddresses).flatMap(([chain, value]) =>
    (typeof value === 'string' ? [value] : value).map((entry): Deployment => {
      // A deployment type (`canonical`, `eip155`, `zksync`) or, in old files, the address itself.
      const address = entry.startsWith('0x') ? entry : asset.deployments?.[entry]?.address;
      if (!address) throw new Error(`${file}: chain ${chain}: unknown deployment ${entry}`);
      return [Number(chain), address];
    }),
  );
}

/** Every Safe contract in every released version: singletons, L2 singletons, MultiSend, factories, handlers, libraries. */
export function safeContracts(): SourceContract[] {
  return readdirSync(assets)
    .sort()
    .flatMap((version) =>
      readdirSync(join(assets, version))
        .sort()
        .map((file) => {
          const path = `dist/assets/${version}/${file}`;
          const asset = packageFile<SafeAsset>(pkg, path);
          if (!asset.released) return undefined;
          return {
            kind: 'contract',
            tier: 'abi',
            id: `safe.${kebab(asset.contractName)}@${asset.version}`,
            name: `Safe ${asset.contractName} ${asset.version}`,
            ...provenance(pkg, path),
            abi: asset.abi,
            deployments: deploymentsOf(asset, path),
          } satisfies SourceContract;
        })
        .filter((entry) => entry !== undefined),
    );
}
