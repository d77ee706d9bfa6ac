/**
 * Generates src/lib/edge/registry/registry.generated.json: the bundled, offline ABI registry.
 *
 * Sources are npm packages installed as devDependencies (build-time only; app code never imports
 * them), hand-written interfaces in ./manual and a vendored extract of the ERC-7730 registry in
 * ./vendor/erc7730. Output is sorted and carries no timestamp: running it twice gives the same bytes.
 *
 * Run: `npm run registry` (writes), `npm run registry -- --check` (fails if the file is stale) or
 * `npm run registry -- --coverage` (prints the coverage table of README.md; writes nothing).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coverageTable } from './coverage';
import { generateRegistry } from './generate';
import { serializeRegistry } from './serializeRegistry';
import { collectSources } from './sources/index';

const here = dirname(fileURLToPath(import.meta.url));
const output = join(here, '../../src/lib/edge/registry/registry.generated.json');

const entries = await collectSources();
const first = generateRegistry(entries);
const text = serializeRegistry(first.registry);
// Determinism guard: a second run over the same sources must give the same bytes.
if (serializeRegistry(generateRegistry(entries).registry) !== text)
  throw new Error('registry generation is not deterministic');

for (const note of first.notes) process.stderr.write(`note: ${note}\n`);
const { interfaces, contracts } = first.registry;
const bindings = contracts.reduce(
  (n, c) => n + c.deployments.reduce((m, [, chains]) => m + chains.length, 0),
  0,
);
const summary = `${interfaces.length} interfaces, ${contracts.length} contracts, ${bindings} (chain, address) bindings`;

if (process.argv.includes('--coverage')) {
  process.stdout.write(coverageTable(first.registry));
} else if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(output, 'utf8');
  } catch {
    // Missing counts as stale.
  }
  if (current !== text) {
    process.stderr.write(`${relative(process.cwd(), output)} is stale: run \`npm run registry\`\n`);
    process.exit(1);
  }
  process.stdout.write(`up to date: ${summary}\n`);
} else {
  writeFileSync(output, text);
  process.stdout.write(`${relative(process.cwd(), output)}: ${summary}, ${text.length} bytes\n`);
}
