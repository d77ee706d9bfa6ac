/** One chunk of Vite's build manifest (`.vite/manifest.json`), as far as this module reads it. */
export type ManifestChunk = {
  readonly file: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly isDynamicEntry?: boolean;
  /** Keys of chunks this one imports statically. */
  readonly imports?: readonly string[];
  /** Keys of chunks this one imports with `import()`. */
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
  readonly assets?: readonly string[];
};

/** Vite's build manifest: chunks by key. */
export type ViteManifest = Readonly<Record<string, ManifestChunk>>;

/** The keys reachable from `start` over static and dynamic imports, never entering a key in `wall`. */
function reach(manifest: ViteManifest, start: readonly string[], wall: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  const todo = start.filter((key) => !wall.has(key));
  for (let key = todo.pop(); key !== undefined; key = todo.pop()) {
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The build manifest names ${key}, which it does not list.`);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])])
      if (!wall.has(next) && !seen.has(next)) todo.push(next);
  }
  return seen;
}

/**
 * The files (JS, CSS, assets) that only the lazy roots bring in: every chunk reachable from a
 * root, minus those the app's entries reach without going through a root. Throws when no chunk
 * matches `isRoot` (the lazy module was renamed, or is imported statically now), and when a root
 * is reachable without `import()` (it would load with the page anyway).
 */
export function lazyOnlyFiles(manifest: ViteManifest, isRoot: (src: string) => boolean): string[] {
  const roots = Object.keys(manifest).filter((key) => isRoot(manifest[key]?.src ?? ''));
  if (roots.length === 0) throw new Error('No chunk of the build is a lazy root: was the module renamed?');
  for (const root of roots)
    if (!manifest[root]?.isDynamicEntry || manifest[root]?.isEntry)
      throw new Error(`${root} is not a chunk of its own loaded with import().`);
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  const kept = reach(manifest, entries, new Set(roots));
  const lazy = [...reach(manifest, roots, new Set())].filter((key) => !kept.has(key));
  const keptFiles = new Set(
    [...kept].flatMap((key) => {
      const c = manifest[key];
      return c ? [c.file, ...(c.css ?? []), ...(c.assets ?? [])] : [];
    }),
  );
  const files = lazy.flatMap((key) => {
    const c = manifest[key];
    return c ? [c.file, ...(c.css ?? []), ...(c.assets ?? [])] : [];
  });
  return [...new Set(files)].filter((file) => !keptFiles.has(file)).sort();
}
