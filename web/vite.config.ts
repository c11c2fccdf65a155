import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Bootstrap Italia's CSS embeds the Video.js icon font as a data: URI, which Chromium loads
 * eagerly and the CSP (`font-src 'self'`) then blocks with a console error on every page.
 * The back office shows no video player, so the rule is dropped.
 */
function dropVideoJsFont(): Plugin {
  const videoJsFontFace = /@font-face\{font-family:VideoJS;[^}]*\}/g;
  return {
    name: 'osservatorio:drop-videojs-font',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('bootstrap-italia.min.css')) return null;
      const stripped = code.replace(videoJsFontFace, '');
      if (stripped === code) {
        this.warn('the Video.js @font-face was not found in bootstrap-italia.min.css');
      }
      return { code: stripped, map: null };
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/app/',
  plugins: [react(), dropVideoJsFont()],
  resolve: {
    alias: {
      // Lets web/src/styles/fonts.css point at the font files Bootstrap Italia ships, so they
      // are bundled and served by us instead of being fetched from a CDN.
      '@bootstrap-italia-fonts': fileURLToPath(
        new URL('../node_modules/bootstrap-italia/dist/fonts', import.meta.url),
      ),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // The server's CSP allows fonts and scripts from 'self' only: never inline assets as data: URIs.
    assetsInlineLimit: 0,
    // design-react-kit pulls in reactstrap and react-bootstrap; one vendor chunk is expected.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // The SPA bundles the server's message catalogues from src/i18n/messages.
    fs: { allow: [repoRoot] },
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
