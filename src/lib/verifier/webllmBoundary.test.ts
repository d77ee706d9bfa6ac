import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

/**
 * web-llm is one 6.8 MB module that does not tree-shake: only the worker may import its code.
 * Everything else uses `import type`, which the bundler erases.
 */

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|svelte)$/.test(name) && !/\.(test|bench)\.ts$/.test(name) ? [path] : [];
  });
}

/** Import statements naming web-llm that are not `import type` (or `export type`). */
function valueImports(text: string): string[] {
  return [
    ...text.matchAll(/(?:import|export)\s+([^;]*?)\s+from\s+['"]@mlc-ai\/web-llm['"]/g),
    ...text.matchAll(/import\(\s*['"]@mlc-ai\/web-llm['"]\s*\)/g),
  ]
    .map((m) => m[0])
    .filter((statement) => !/^(import|export)\s+type\s/.test(statement));
}

const files = sources('src');

test('the scan sees the app', () => {
  expect(files).toContain(join('src', 'lib', 'workers', 'llm.worker.ts'));
  expect(files.length).toBeGreaterThan(50);
});

test('only src/lib/workers/llm.worker.ts imports web-llm’s code', () => {
  const offenders = files.filter((file) => valueImports(readFileSync(file, 'utf8')).length > 0);
  expect(offenders).toEqual([join('src', 'lib', 'workers', 'llm.worker.ts')]);
});

test('the check catches a value import', () => {
  expect(valueImports("import { MLCEngine } from '@mlc-ai/web-llm';")).toHaveLength(1);
  expect(valueImports("const w = await import('@mlc-ai/web-llm');")).toHaveLength(1);
  expect(valueImports("import type { AppConfig } from '@mlc-ai/web-llm';")).toHaveLength(0);
});
