/**
 * Re-derives scripts/registry/vendor/erc7730/calldata-descriptors.json from a checkout of
 * LedgerHQ/clear-signing-erc7730-registry (CC0-1.0). Only what the ABI registry needs is kept: each
 * calldata descriptor's deployments, its display-format keys (function signatures with parameter
 * names, `includes` resolved) and a name. `npm run registry` reads the vendored file, never the
 * checkout, so the project builds without it.
 *
 * Run: `npx tsx scripts/registry/vendor-erc7730.ts <path-to-registry-checkout> [commit]`.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringifyCompact } from './serialize';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const here = dirname(fileURLToPath(import.meta.url));
const output = join(here, 'vendor/erc7730/calldata-descriptors.json');

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readObject(path: string): JsonObject {
  const value = JSON.parse(readFileSync(path, 'utf8')) as Json;
  if (!isObject(value)) throw new Error(`${path}: not a JSON object`);
  return value;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'tests' ? [] : walk(path);
      return /^calldata-.*\.json$/.test(name) ? [path] : [];
    });
}

/** Format keys and metadata of a descriptor and of everything it includes (the includer wins). */
function resolve(path: string, seen: readonly string[] = []): { formats: Set<string>; metadata: JsonObject } {
  if (seen.includes(path)) throw new Error(`include cycle: ${[...seen, path].join(' -> ')}`);
  const file = readObject(path);
  const formats = new Set<string>();
  let metadata: JsonObject = {};
  const includes = typeof file.includes === 'string' ? [file.includes] : [];
  for (const include of includes) {
    const inner = resolve(join(dirname(path), include), [...seen, path]);
    for (const key of inner.formats) formats.add(key);
    metadata = { ...metadata, ...inner.metadata };
  }
  const display = file.display;
  if (isObject(display) && isObject(display.formats))
    for (const key of Object.keys(display.formats)) formats.add(key);
  if (isObject(file.metadata)) metadata = { ...metadata, ...file.metadata };
  return { formats, metadata };
}

function text(value: Json | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function summarize(root: string, path: string) {
  const file = readObject(path);
  const { formats, metadata } = resolve(path);
  const context = isObject(file.context) ? file.context : {};
  const contract = isObject(context.contract) ? context.contract : {};
  const deployments = (Array.isArray(contract.deployments) ? contract.deployments : []).map((d) => {
    if (!isObject(d) || typeof d.chainId !== 'number' || typeof d.address !== 'string')
      throw new Error(`${path}: malformed deployment`);
    return [d.chainId, d.address.toLowerCase()] as [number, string];
  });
  deployments.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  const constants = isObject(metadata.constants) ? metadata.constants : {};
  const owner = text(metadata.owner);
  const ticker = text(constants.vaultTicker);
  const name =
    text(metadata.contractName) ??
    text(context.$id) ??
    (ticker ? `${owner ?? ''} ${ticker} vault`.trim() : undefined) ??
    owner ??
    relative(root, path);
  return {
    path: relative(root, path),
    name,
    ...(owner ? { owner } : {}),
    deployments,
    functions: [...formats].sort(),
  };
}

const [root, commit = 'd2489c5'] = process.argv.slice(2);
if (!root) throw new Error('usage: tsx scripts/registry/vendor-erc7730.ts <registry-checkout> [commit]');
const descriptors = walk(join(root, 'registry')).map((path) => summarize(root, path));
const vendored = {
  source: `LedgerHQ/clear-signing-erc7730-registry@${commit}`,
  license: 'CC0-1.0',
  note: 'Derived by scripts/registry/vendor-erc7730.ts: calldata descriptors only; deployments, format keys, names.',
  descriptors,
};
writeFileSync(output, stringifyCompact(vendored));
process.stdout.write(`${descriptors.length} descriptors -> ${relative(process.cwd(), output)}\n`);
