import { describe, expect, test } from 'vitest';
import { lazyOnlyFiles, type ViteManifest } from './lazyChunks';

const isRoot = (src: string) => src.endsWith('walletConnectConnector.ts');

/** An app entry, a page, a shared chunk, and a lazy root with its own chunks (one shared with the page). */
const manifest: ViteManifest = {
  'app.js': { file: 'entry/app.js', isEntry: true, imports: ['_shared.js'], dynamicImports: ['page.js'] },
  'page.js': {
    file: 'nodes/page.js',
    isEntry: true,
    imports: ['_shared.js', '_viem.js'],
    dynamicImports: ['src/lib/wallet/walletConnectConnector.ts'],
    css: ['assets/page.css'],
  },
  '_shared.js': { file: 'chunks/shared.js' },
  '_viem.js': { file: 'chunks/viem.js' },
  'src/lib/wallet/walletConnectConnector.ts': {
    file: 'chunks/wc.js',
    src: 'src/lib/wallet/walletConnectConnector.ts',
    isDynamicEntry: true,
    imports: ['_viem.js', '_wcdeps.js'],
    dynamicImports: ['node_modules/@walletconnect/ethereum-provider/dist/index.js'],
    css: ['assets/wc.css'],
  },
  '_wcdeps.js': { file: 'chunks/wcdeps.js', assets: ['assets/logo.png'] },
  'node_modules/@walletconnect/ethereum-provider/dist/index.js': {
    file: 'chunks/provider.js',
    src: 'node_modules/@walletconnect/ethereum-provider/dist/index.js',
    isDynamicEntry: true,
    imports: ['_wcdeps.js', '_viem.js'],
  },
};

describe('lazyOnlyFiles', () => {
  test('what only the root brings in, not what the app shares with it', () => {
    expect(lazyOnlyFiles(manifest, isRoot)).toEqual([
      'assets/logo.png',
      'assets/wc.css',
      'chunks/provider.js',
      'chunks/wc.js',
      'chunks/wcdeps.js',
    ]);
  });

  test('a chunk the app also reaches through another path stays', () => {
    const both: ViteManifest = {
      ...manifest,
      'page.js': {
        ...manifest['page.js'],
        file: 'nodes/page.js',
        imports: ['_shared.js', '_viem.js', '_wcdeps.js'],
      },
    };
    expect(lazyOnlyFiles(both, isRoot)).toEqual(['assets/wc.css', 'chunks/provider.js', 'chunks/wc.js']);
  });

  test('no root: the module was renamed or inlined', () => {
    expect(() => lazyOnlyFiles(manifest, (src) => src.endsWith('gone.ts'))).toThrow(/No chunk/);
  });

  test('a root imported statically is refused', () => {
    const staticRoot: ViteManifest = {
      ...manifest,
      'src/lib/wallet/walletConnectConnector.ts': {
        ...manifest['src/lib/wallet/walletConnectConnector.ts'],
        file: 'chunks/wc.js',
        isDynamicEntry: false,
      },
    };
    expect(() => lazyOnlyFiles(staticRoot, isRoot)).toThrow(/not a chunk of its own/);
  });

  test('a key the manifest does not list is an error, not a silent skip', () => {
    const broken: ViteManifest = {
      ...manifest,
      '_shared.js': { file: 'chunks/shared.js', imports: ['_gone.js'] },
    };
    expect(() => lazyOnlyFiles(broken, isRoot)).toThrow(/_gone\.js/);
  });
});
