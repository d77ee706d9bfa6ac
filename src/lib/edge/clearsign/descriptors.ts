import generated from './descriptors.generated.json';
import type { Descriptor, DescriptorFormat } from './types';

type Generated = {
  source: string;
  displays: readonly { formats: Readonly<Record<string, DescriptorFormat>> }[];
  descriptors: readonly Descriptor[];
};

const registry = generated as unknown as Generated;

/** Where the bundled descriptors come from (commit and license). */
export const REGISTRY_SOURCE: string = registry.source;

/** Every bundled descriptor, sorted by id. */
export const descriptors: readonly Descriptor[] = registry.descriptors;

/** The display formats of a descriptor (bodies are shared between descriptors that include the same file). */
export function formatsOf(descriptor: Descriptor): Readonly<Record<string, DescriptorFormat>> {
  return registry.displays[descriptor.display]?.formats ?? {};
}

let deploymentIndex: Map<string, Descriptor[]> | undefined;

/** The descriptors of `kind` bound to a contract on a chain, in registry order. */
export function descriptorsAt(
  kind: Descriptor['kind'],
  chainId: bigint,
  address: string,
): readonly Descriptor[] {
  if (!deploymentIndex) {
    deploymentIndex = new Map();
    for (const descriptor of descriptors)
      for (const [chain, deployed] of descriptor.deployments ?? []) {
        const key = `${descriptor.kind}:${chain}:${deployed}`;
        const list = deploymentIndex.get(key);
        if (list) list.push(descriptor);
        else deploymentIndex.set(key, [descriptor]);
      }
  }
  return deploymentIndex.get(`${kind}:${chainId}:${address.toLowerCase()}`) ?? [];
}

/** A descriptor by its registry path, e.g. `ercs/calldata-erc20-tokens.json`. */
export function descriptorById(id: string): Descriptor | undefined {
  return descriptors.find((descriptor) => descriptor.id === id);
}
