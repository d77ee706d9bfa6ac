import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Abi } from 'viem';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

type PackageJson = { readonly name: string; readonly version: string; readonly license?: string };

/** A file of an installed package, read directly (many packages do not export their artifacts). */
export function packageFile<T = unknown>(name: string, path: string): T {
  return JSON.parse(readFileSync(join(root, 'node_modules', name, path), 'utf8')) as T;
}

/** `npm:<package>@<version>` plus the package's license, read from its installed package.json. */
export function provenance(name: string, path?: string): { source: string; license: string } {
  const json = packageFile<PackageJson>(name, 'package.json');
  if (!json.license) throw new Error(`${name}: no license in package.json`);
  return { source: `npm:${json.name}@${json.version}${path ? ` ${path}` : ''}`, license: json.license };
}

/** The `abi` of a Hardhat/Truffle artifact inside a package. */
export function artifactAbi(name: string, path: string): Abi {
  const artifact = packageFile<{ abi?: Abi }>(name, path);
  if (!Array.isArray(artifact.abi)) throw new Error(`${name}/${path}: no abi`);
  return artifact.abi;
}
