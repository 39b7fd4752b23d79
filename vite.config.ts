/**
 * Builds the renderer: one bundle for the Electron window (loaded from file://, hence the
 * relative `base`) and for browsers served by the host.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(here, 'renderer'),
  base: './',
  plugins: [react()],
  // Test hooks (window.__kenning, renderer/src/app/e2eFlags.ts) are compiled out of this build;
  // only the e2e build (test/e2e/build-renderer.ts) turns them on.
  define: { __KENNING_TEST_HOOKS__: 'false' },
  build: {
    outDir: path.join(here, 'dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // cytoscape alone is ~450 kB minified; it is split into its own lazily loaded chunk.
    chunkSizeWarningLimit: 700,
  },
  server: { port: 5173, strictPort: false },
});
