import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import { lazyOnlyFiles } from './scripts/pwa/lazyChunks.js';

/**
 * Modules loaded with `import()` only when the user turns a network feature on, whose chunks the
 * service worker must not precache: WalletConnect needs its relay anyway, and its code is large.
 */
const lazyRoots = ['src/lib/wallet/walletConnectConnector.ts', 'src/lib/ui/WalletConnectDialog.svelte'];

export default defineConfig({
  resolve: {
    alias: {
      // WalletConnect's provider imports Reown's AppKit for its own QR modal, which Vigil turns off
      // (`showQrModal: false`) and replaces with its own dialog: do not build AppKit at all.
      '@reown/appkit/core': fileURLToPath(new URL('./src/lib/wallet/noAppKit.ts', import.meta.url)),
    },
  },
  plugins: [
    sveltekit(),
    SvelteKitPWA({
      strategies: 'generateSW',
      integration: {
        // The lazy roots' own chunks are left out of the precache (the app's entries never load them).
        beforeBuildServiceWorker(options) {
          const dir = options.workbox.globDirectory ?? '.svelte-kit/output';
          const manifest = JSON.parse(readFileSync(join(dir, 'client/.vite/manifest.json'), 'utf8'));
          const lazy = new Set(
            lazyOnlyFiles(manifest, (src) => lazyRoots.some((root) => src.endsWith(root))),
          );
          options.workbox.manifestTransforms = [
            ...(options.workbox.manifestTransforms ?? []),
            (entries) => ({ manifest: entries.filter((e) => !lazy.has(e.url)), warnings: [] }),
          ];
        },
      },
      // 'prompt': a new deployment waits for the user to accept "Update available — reload".
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        id: '/',
        name: 'Vigil — transaction guard',
        short_name: 'Vigil',
        description:
          'See what an Ethereum transaction or signature request really does before you sign it. Runs in your browser, works offline.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#0f172a',
        background_color: '#0f172a',
        categories: ['finance', 'security', 'utilities'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
        share_target: {
          action: '/',
          method: 'GET',
          params: { title: 'title', text: 'input', url: 'url' },
        },
      },
      workbox: {
        globPatterns: ['client/**/*.{js,css,ico,png,svg,webp,webmanifest,json}', 'prerendered/**/*.html'],
        // Model weights are large, user-managed and cached by web-llm itself: never precache them.
        // The web-llm worker (2 MB gzip) is cached on first use instead (see runtimeCaching), so
        // installing Vigil does not download it for people who never load a model.
        globIgnores: ['**/models/**', '**/workers/llm.worker-*.js'],
        // Pages are prerendered and read their query in the browser (`/history?verdict=block`,
        // `/settings?add=0x…`): serve the page's own HTML whatever the query, not the fallback.
        ignoreURLParametersMatching: [/.*/],
        navigateFallback: '/',
        navigateFallbackDenylist: [/^\/models\//],
        // The model manifest is a static file self-hosters may edit without rebuilding: fresh from
        // the network when online, the last copy offline (so cached models still load offline).
        runtimeCaching: [
          {
            // Content-hashed, so never stale: kept from the first load on, for offline use.
            urlPattern: ({ url }) => /^\/_app\/immutable\/workers\/llm\.worker-[^/]+\.js$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'vigil-llm-worker', expiration: { maxEntries: 4 } },
          },
          {
            urlPattern: ({ url }) => url.pathname === '/models/manifest.json',
            handler: 'NetworkFirst',
            options: { cacheName: 'vigil-model-manifest', networkTimeoutSeconds: 5 },
          },
        ],
        maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
  ],
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.ts', 'tests/scenarios/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    benchmark: { include: ['src/**/*.bench.ts'] },
  },
});
