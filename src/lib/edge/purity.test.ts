import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

/** src/lib/edge is the safety core: pure, deterministic, runnable in Node. */
const root = 'src/lib/edge';
const allowedPackages = /^(viem|ox)(\/|$)/;
const forbidden: readonly [RegExp, string][] = [
  [/\bfetch\s*\(/, 'network I/O'],
  [/\bXMLHttpRequest\b|\bWebSocket\b/, 'network I/O'],
  [/\bindexedDB\b|\blocalStorage\b|\bsessionStorage\b/, 'storage'],
  [/\bDate\.now\s*\(|\bnew Date\s*\(|\bperformance\.now\s*\(/, 'the clock'],
  [/\bMath\.random\s*\(|\bcrypto\.getRandomValues\b/, 'randomness'],
  [/\bsetTimeout\s*\(|\bsetInterval\s*\(/, 'timers'],
  [/\bnew Worker\s*\(|\bpostMessage\s*\(/, 'workers'],
  [/\bdocument\.|\bwindow\./, 'the DOM'],
  [/\bprocess\.|\bconsole\./, 'the host'],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.(test|bench)\.ts$/.test(name) ? [path] : [];
  });
}

const files = sources(root);

test('the edge has sources to check', () => {
  expect(files.length).toBeGreaterThan(10);
});

test.each(files)('%s imports only relative modules, viem and ox', (file) => {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? m[2] ?? '');
  for (const specifier of specifiers)
    expect(specifier.startsWith('.') || allowedPackages.test(specifier), specifier).toBe(true);
});

test.each(files)('%s does no I/O and reads no clock or randomness', (file) => {
  const code = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  for (const [pattern, what] of forbidden)
    expect(pattern.test(code), `${file} reaches ${what}: ${pattern}`).toBe(false);
});
