/**
 * Compacts the vendored ERC-7730 clear-signing registry into
 * src/lib/edge/clearsign/descriptors.generated.json.
 *
 * - `includes` are resolved (recursively; the including file wins, key by key).
 * - `$.display.definitions.*` references in fields are inlined (the field's own keys win; params merge).
 * - Only what rendering needs is kept: deployments, the EIP-712 domain, display formats, metadata
 *   owner / contractName / constants / enums / token. Dropped: `$schema`, `$id`s, `metadata.info`,
 *   addressName `types`/`sources`, `visible: "always"` (the default: shown), EIP-712 `schemas`.
 * - Identical display bodies (e.g. the 100+ ERC-4626 vaults) are stored once and shared by index.
 * - Output is sorted (descriptors by id, object keys recursively) so two runs give the same bytes.
 *
 * Run: `npm run registry:erc7730`.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAbiItem } from 'viem';

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, 'vendor');
const output = join(here, '../../src/lib/edge/clearsign/descriptors.generated.json');

/** The registry commit the vendored copy was taken from (see vendor/README.md). */
export const REGISTRY_SOURCE = 'LedgerHQ/clear-signing-erc7730-registry@d2489c5 (CC0-1.0)';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readJsonFile(path: string): JsonObject {
  const value = JSON.parse(readFileSync(path, 'utf8')) as Json;
  if (!isObject(value)) throw new Error(`${path}: not a JSON object`);
  return value;
}

/** Deep merge where `own` wins; arrays are replaced, not concatenated. */
function merge(base: Json | undefined, own: Json | undefined): Json | undefined {
  if (own === undefined) return base;
  if (!isObject(base) || !isObject(own)) return own;
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(own)) out[key] = merge(base[key], value) as Json;
  return out;
}

/** The file with its `includes` merged in, recursively. */
function resolveIncludes(path: string, seen: readonly string[] = []): JsonObject {
  if (seen.includes(path)) throw new Error(`include cycle: ${[...seen, path].join(' -> ')}`);
  const file = readJsonFile(path);
  const includes = file.includes;
  const { includes: _drop, ...own } = file;
  const list = typeof includes === 'string' ? [includes] : Array.isArray(includes) ? includes : [];
  let merged: JsonObject = {};
  for (const include of list) {
    if (typeof include !== 'string') throw new Error(`${path}: includes must be strings`);
    merged = merge(merged, resolveIncludes(join(dirname(path), include), [...seen, path])) as JsonObject;
  }
  return merge(merged, own) as JsonObject;
}

function listDescriptorFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'tests' ? [] : listDescriptorFiles(path);
      return name.endsWith('.json') ? [path] : [];
    });
}

const definitionRef = /^\$\.display\.definitions\.(.+)$/;

/** A field with definitions inlined and unused keys dropped. */
function compactField(field: JsonObject, definitions: JsonObject, where: string): JsonObject {
  let merged = field;
  const ref = field.$ref;
  if (typeof ref === 'string') {
    const name = definitionRef.exec(ref)?.[1];
    const definition = name === undefined ? undefined : definitions[name];
    if (!isObject(definition)) throw new Error(`${where}: unresolved $ref ${ref}`);
    const { $ref: _ref, ...rest } = field;
    merged = merge(definition, rest) as JsonObject;
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(merged)) {
    if (key === '$id' || key === '$ref') continue;
    if (key === 'visible' && value === 'always') continue;
    if (key === 'fields' && Array.isArray(value)) {
      out.fields = value.map((child, i) => {
        if (!isObject(child)) throw new Error(`${where}.fields[${i}]: not an object`);
        return compactField(child, definitions, `${where}.fields[${i}]`);
      });
      continue;
    }
    if (key === 'params' && isObject(value)) {
      const { sources: _s, types: _t, ...params } = value;
      if (Object.keys(params).length > 0) out.params = params;
      continue;
    }
    out[key] = value;
  }
  // A hidden field only needs to say which path it hides.
  if (out.visible === 'never') {
    const hidden: JsonObject = { visible: 'never' };
    if (out.path !== undefined) hidden.path = out.path;
    if (out.label !== undefined) hidden.label = out.label;
    return hidden;
  }
  return out;
}

function compactDisplay(display: JsonObject, where: string, calldata: boolean): JsonObject {
  const definitions = isObject(display.definitions) ? display.definitions : {};
  const formats = isObject(display.formats) ? display.formats : {};
  const out: JsonObject = {};
  for (const [key, format] of Object.entries(formats)) {
    if (!isObject(format)) throw new Error(`${where}: format ${key} is not an object`);
    if (calldata) parseAbiItem(`function ${key}`); // throws on a key viem cannot read
    const compact: JsonObject = {};
    if (format.intent !== undefined) compact.intent = format.intent;
    if (format.interpolatedIntent !== undefined) compact.interpolatedIntent = format.interpolatedIntent;
    compact.fields = (Array.isArray(format.fields) ? format.fields : []).map((field, i) => {
      if (!isObject(field)) throw new Error(`${where}: ${key}.fields[${i}] is not an object`);
      return compactField(field, definitions, `${where}: ${key}.fields[${i}]`);
    });
    out[key] = compact;
  }
  return { formats: out };
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key] as Json);
  return out;
}

function compactDeployments(value: Json | undefined, where: string): Json[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${where}: deployments must be an array`);
  const seen = new Set<string>();
  const out: [number, string][] = [];
  for (const entry of value) {
    if (!isObject(entry) || typeof entry.chainId !== 'number' || typeof entry.address !== 'string')
      throw new Error(`${where}: bad deployment ${JSON.stringify(entry)}`);
    if (!/^0x[0-9a-fA-F]{40}$/.test(entry.address)) throw new Error(`${where}: bad address ${entry.address}`);
    const key = `${entry.chainId}:${entry.address.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([entry.chainId, entry.address.toLowerCase()]);
  }
  return out.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}

type Compact = { id: string; descriptor: JsonObject; display: string };

function compactDescriptor(path: string): Compact | undefined {
  const id = relative(vendor, path).split('\\').join('/');
  const file = resolveIncludes(path);
  const context = isObject(file.context) ? file.context : undefined;
  // common-*.json files carry no context: they only exist to be included.
  if (!context) return undefined;
  const contract = isObject(context.contract) ? context.contract : undefined;
  const eip712 = isObject(context.eip712) ? context.eip712 : undefined;
  if (!contract && !eip712) throw new Error(`${id}: context has neither contract nor eip712`);
  const kind = contract ? 'calldata' : 'eip712';
  const binding = (contract ?? eip712) as JsonObject;
  const metadata = isObject(file.metadata) ? file.metadata : {};
  const display = compactDisplay(isObject(file.display) ? file.display : {}, id, kind === 'calldata');

  const descriptor: JsonObject = { id, kind };
  const deployments = compactDeployments(binding.deployments, id);
  if (deployments.length > 0) descriptor.deployments = deployments;
  if (id.startsWith('ercs/')) descriptor.generic = true;
  if (eip712 && isObject(eip712.domain)) {
    const domain: JsonObject = {};
    for (const key of ['name', 'version', 'chainId', 'verifyingContract'])
      if (eip712.domain[key] !== undefined) domain[key] = eip712.domain[key] as Json;
    descriptor.domain = domain;
  }
  for (const key of ['owner', 'contractName'])
    if (typeof metadata[key] === 'string') descriptor[key] = metadata[key] as string;
  for (const key of ['constants', 'enums', 'token'])
    if (isObject(metadata[key]) && Object.keys(metadata[key] as JsonObject).length > 0)
      descriptor[key] = metadata[key] as JsonObject;
  return { id, descriptor, display: JSON.stringify(sortKeys(display)) };
}

/** One JSON value per line inside the top-level arrays: compact, yet diffable. */
function serialize(source: string, displays: string[], descriptors: JsonObject[]): string {
  const lines = (items: string[]) => items.map((item) => `  ${item}`).join(',\n');
  return `{"source":${JSON.stringify(source)},\n"displays":[\n${lines(displays)}\n],\n"descriptors":[\n${lines(
    descriptors.map((d) => JSON.stringify(sortKeys(d))),
  )}\n]}\n`;
}

function main(): void {
  const files = [
    ...listDescriptorFiles(join(vendor, 'ercs')),
    ...listDescriptorFiles(join(vendor, 'registry')),
  ];
  const compacts = files
    .map(compactDescriptor)
    .filter((c): c is Compact => c !== undefined)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const displays = [...new Set(compacts.map((c) => c.display))].sort();
  const index = new Map(displays.map((display, i) => [display, i]));
  const descriptors = compacts.map((c) => ({ ...c.descriptor, display: index.get(c.display) as number }));
  writeFileSync(output, serialize(REGISTRY_SOURCE, displays, descriptors));
  const deployments = descriptors.reduce(
    (n, d) => n + (Array.isArray(d.deployments) ? d.deployments.length : 0),
    0,
  );
  console.log(
    `${relative(process.cwd(), output)}: ${descriptors.length} descriptors, ${displays.length} distinct displays, ${deployments} deployments`,
  );
}

main();
