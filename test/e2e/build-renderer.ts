/**
 * Builds the renderer once for the e2e run into a private folder, so a concurrent test or a
 * developer's `dist/renderer` is never emptied under someone else's feet.
 */
import fs from 'node:fs';
import path from 'node:path';

import { build } from 'vite';

/**
 * Builds with the repo's vite.config.ts into `outDir` and returns it. `testHooks` (the default)
 * compiles in the `window.__kenning` flags the driver waits on; false gives the production bundle.
 */
export async function buildRenderer(outDir: string, o: Readonly<{ testHooks?: boolean }> = {}): Promise<string> {
  const root = path.resolve(import.meta.dirname, '../..');
  const testHooks = o.testHooks ?? true;
  await build({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
    define: { __KENNING_TEST_HOOKS__: JSON.stringify(testHooks) },
  });
  if (!fs.existsSync(path.join(outDir, 'index.html'))) throw new Error(`renderer build produced no index.html in ${outDir}`);
  return outDir;
}
