import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { apiCacheName } from './src/offline/apiCache.ts';
import { precompress } from './build/precompress.ts';
import { preloadStrings } from './build/preload-strings.ts';
import { shellChunks } from './build/shell-chunks.ts';

// The header's colour (layout.css): the installed app's title bar matches it.
const themeColor = '#a8071a';

// Precached: the shell, the Chinese strings, the signed-in layout and the pages that record a
// visit offline (the form, the pairing it returns to, the outbox).
const shell = shellChunks([
  /\/i18n\/zh-CN\.ts$/,
  /\/layout\/AppLayout\.tsx$/,
  /\/pages\/ledger\/RecordFormPage\.tsx$/,
  /\/pages\/ledger\/PairingPage\.tsx$/,
  /\/pages\/outbox\/OutboxPage\.tsx$/,
]);

export default defineConfig({
  plugins: [
    react(),
    shell.plugin,
    preloadStrings(/\/i18n\/zh-CN\.ts$/),
    // Installable, and the app shell opens without a connection (issue 12 item 10). The worker
    // registers once signed in (src/offline/registerWorker.ts), not on the login page.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: null,
      // The install icons are fetched by the browser when it installs; only the tab's is kept.
      includeManifestIcons: false,
      includeAssets: ['icons/icon-192.png'],
      manifest: {
        name: '城乡结对帮扶平台',
        short_name: '结对帮扶',
        description: '城乡基层党组织结对帮扶：结对、台账与履约',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: themeColor,
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // The shell only (see `shell`); every other page's code is cached when first used.
        globPatterns: ['**/*.{js,css,html}'],
        manifestTransforms: [shell.transform],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The page that installed the worker is served by it at once, so it works offline too.
        clientsClaim: true,
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: { cacheName: 'pairing-assets', expiration: { maxEntries: 300 } },
          },
          {
            // Who is signed in: a slow link falls back to the copy after a while (the server
            // still checks every request), so the app opens in a village with a weak signal.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname === '/api/auth/me',
            handler: 'NetworkFirst',
            options: {
              cacheName: apiCacheName,
              networkTimeoutSeconds: 8,
              cacheableResponse: { statuses: [200] },
            },
          },
          {
            // The pairings and one pairing (its roster and projects), which the record form
            // needs: the copy only without a network, never in place of a slow fresh answer.
            urlPattern: ({ url, sameOrigin }) =>
              sameOrigin && /^\/api\/pairings(\/\d+)?$/.test(url.pathname),
            handler: 'NetworkFirst',
            options: {
              cacheName: apiCacheName,
              cacheableResponse: { statuses: [200] },
              expiration: { maxEntries: 40, maxAgeSeconds: 7 * 24 * 3600 },
            },
          },
        ],
      },
    }),
    precompress(),
  ],
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // Read by the size budget (build/size-budget.ts) to tell which chunks each page loads.
    manifest: true,
  },
});
