import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Deployment, SourceContract } from '../types';

const vendored = join(dirname(fileURLToPath(import.meta.url)), '../vendor/erc7730/calldata-descriptors.json');

type Vendored = {
  readonly source: string;
  readonly license: string;
  readonly descriptors: readonly {
    readonly path: string;
    readonly name: string;
    readonly owner?: string;
    readonly deployments: readonly Deployment[];
    readonly functions: readonly string[];
  }[];
};

function idOf(path: string): string {
  // registry/<entity>/calldata-<Name>.json -> erc7730.<entity>.<name>
  const match = /^registry\/([^/]+)\/calldata-(.+)\.json$/.exec(path);
  if (!match?.[1] || !match[2]) throw new Error(`unexpected descriptor path ${path}`);
  return `erc7730.${match[1]}.${match[2]}`.toLowerCase().replace(/[^a-z0-9._@+-]/g, '-');
}

/**
 * ERC-7730 calldata descriptors (CC0-1.0): each one binds its deployments to the functions it
 * displays. They rank below full ABIs: where a package already binds an address, the descriptor's
 * binding is dropped (see generate.ts).
 */
export function erc7730Contracts(): SourceContract[] {
  const data = JSON.parse(readFileSync(vendored, 'utf8')) as Vendored;
  return data.descriptors
    .filter((descriptor) => descriptor.functions.length > 0 && descriptor.deployments.length > 0)
    .map((descriptor): SourceContract => {
      const owner =
        descriptor.owner && !descriptor.name.includes(descriptor.owner) ? `${descriptor.owner} ` : '';
      return {
        kind: 'contract',
        tier: 'descriptor',
        id: idOf(descriptor.path),
        name: `${owner}${descriptor.name}`,
        source: `erc7730:${data.source} ${descriptor.path}`,
        license: data.license,
        abi: descriptor.functions,
        deployments: descriptor.deployments,
      };
    });
}
