import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/app/',
  plugins: [react()],
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
