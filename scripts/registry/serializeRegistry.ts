import type { GeneratedRegistry } from './generate';
import { stringifyCompact } from './serialize';

/** The registry file's text: fixed key order, one function per line. */
export function serializeRegistry(registry: GeneratedRegistry): string {
  return stringifyCompact({
    note: registry.note,
    interfaces: registry.interfaces.map(({ id, name, source, license, functions }) => ({
      id,
      name,
      source,
      license,
      functions,
    })),
    contracts: registry.contracts.map(({ id, name, source, license, functions, deployments }) => ({
      id,
      name,
      source,
      license,
      functions,
      deployments,
    })),
  });
}
