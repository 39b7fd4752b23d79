// Builds everything `npm start`, `npm run serve` (bundled) and electron-builder need:
//   dist/electron/shell.cjs    Electron main (electron/shell/main.ts)
//   dist/electron/preload.cjs  the sandboxed preload (electron/preload/preload.ts)
//   dist/electron/worker.cjs   the dataset worker (electron/worker/main.ts), when it exists
//   dist/host/cli.mjs          the browser-mode host (electron/host/cli.ts)
//   dist/renderer/             the UI, via `vite build`, when renderer/index.html exists
// Native and heavy packages stay external: they load from node_modules at run time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (p) => path.join(root, p);

const external = [
  'electron',
  'better-sqlite3',
  'kuzu',
  '@lancedb/lancedb',
  'apache-arrow',
  'wink-*',
  'compromise',
  'unpdf',
  'mammoth',
];

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, external, logLevel: 'warning', absWorkingDir: root };

const targets = [
  { entry: 'electron/shell/main.ts', out: 'dist/electron/shell.cjs', format: 'cjs' },
  // The preload runs sandboxed: only 'electron' may be required, everything else is bundled.
  { entry: 'electron/preload/preload.ts', out: 'dist/electron/preload.cjs', format: 'cjs', platform: 'node', external: ['electron'] },
  { entry: 'electron/worker/main.ts', out: 'dist/electron/worker.cjs', format: 'cjs', optional: true },
  {
    entry: 'electron/host/cli.ts',
    out: 'dist/host/cli.mjs',
    format: 'esm',
    // Bundled CommonJS dependencies call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __kenningRequire } from 'node:module'; const require = __kenningRequire(import.meta.url);" },
  },
];

for (const t of targets) {
  if (!fs.existsSync(at(t.entry))) {
    if (t.optional) {
      console.log(`build: skipping ${t.out}: ${t.entry} does not exist yet`);
      continue;
    }
    throw new Error(`build: missing entry ${t.entry}`);
  }
  await build({
    ...common,
    entryPoints: [at(t.entry)],
    outfile: at(t.out),
    format: t.format,
    ...(t.external ? { external: t.external } : {}),
    ...(t.banner ? { banner: t.banner } : {}),
  });
  console.log(`build: ${t.out}`);
}

if (process.argv.includes('--electron-only')) {
  // Tests of the Electron bundles need only the esbuild outputs.
} else if (fs.existsSync(at('renderer/index.html'))) {
  const vite = spawnSync(process.execPath, [at('node_modules/vite/bin/vite.js'), 'build', '--config', at('vite.config.ts')], { cwd: root, stdio: 'inherit' });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
} else {
  console.log('build: skipping the renderer: renderer/index.html does not exist yet');
}
