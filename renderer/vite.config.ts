import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));
// `npm run dev` sets this to the sync server it started (scripts/dev-plan.ts).
const apiTarget = process.env.HOTLINE_DESK_API_TARGET ?? 'http://127.0.0.1:8787';
// The page's own origin is the bridge's default server, so the API and the
// health check go through the proxy and the browser sees one origin.
const proxy = {
  '/api': { target: apiTarget, changeOrigin: false, ws: true },
  '/health': { target: apiTarget, changeOrigin: false },
};

// Built with a relative base so the same bundle loads from app:// in the
// desktop shell and from the server's origin in a browser.
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  // Hosts where the browser build may use plain http (a branch hub on the LAN), fixed when the bundle is built.
  define: { __LAN_HTTP_HOSTS__: JSON.stringify(process.env.HOTLINE_DESK_LAN_HTTP_HOSTS ?? '') },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // Loaded from local disk by the desktop shell, so one larger chunk costs little.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy,
  },
  preview: {
    proxy,
  },
});
