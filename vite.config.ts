/**
 * Vite + Solid + PWA configuration: the one place that decides what the
 * service worker precaches. The app shell, every JS/CSS chunk (lazy ones
 * included) and the pictogram SVGs are precached, so a reload with no
 * network shows the whole board. `icons/` (top-level, per the design card)
 * is emitted into the build as `/icons/*` by a tiny plugin below; the build
 * fails if any test code would ship (scripts/bundle-guard.ts).
 */
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { bundleGuard } from './scripts/bundle-guard';
import { firstVisitHtml } from './scripts/inline-css';
import { welcomeShell } from './scripts/welcome-shell';
import { WELCOME_PICTOGRAMS } from './src/setup/firstVisit';

const ICON_DIR = join(import.meta.dirname, 'icons');

function appIcons(): Plugin {
  const files = existsSync(ICON_DIR) ? readdirSync(ICON_DIR) : [];
  const types: Record<string, string> = { '.png': 'image/png', '.svg': 'image/svg+xml' };
  return {
    name: 'tavla-app-icons',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = req.url?.match(/^\/icons\/([\w.-]+)$/);
        const file = m?.[1];
        if (!file || !files.includes(file)) return next();
        res.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
        res.end(readFileSync(join(ICON_DIR, file)));
      });
    },
    generateBundle() {
      for (const file of files) {
        this.emitFile({ type: 'asset', fileName: `icons/${file}`, source: readFileSync(join(ICON_DIR, file)) });
      }
    },
  };
}

export default defineConfig({
  plugins: [
    solid(),
    appIcons(),
    bundleGuard(),
    welcomeShell(),
    // the whole app (lazy: a first visit's welcome needs none of it) and the default language's catalogue,
    // which paint-snapshot.js preloads on a device that has a board; its styles inlined into the page
    firstVisitHtml('src/shell/start.tsx', ['src/i18n/sv.ts', 'src/i18n/pictograms.sv.ts']),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        id: '/',
        name: 'Tavla',
        short_name: 'Tavla',
        description: 'Tavelmöte – den dagliga Lean-tavlan',
        lang: 'sv',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#f6f3ea',
        theme_color: '#1d4e89',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // pictograms: the sets' stacks the app shows them from, and the light welcome's own few files
        // (precaching all 300 files as well would make the install, and the first minute, fetch 300 more)
        globPatterns: ['**/*.{js,css,html,png,woff2,webmanifest}', 'icons/*.svg', 'pictograms/set/*.svg', `pictograms/{${WELCOME_PICTOGRAMS.join(',')}}.svg`],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: { port: 5173 },
});
