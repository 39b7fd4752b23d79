/**
 * Bundles the dataset worker the way scripts/build.mjs does for the packaged app (one CommonJS
 * file, native engines external), into node_modules/.cache so the externals resolve.
 */
import fs from 'node:fs';
import path from 'node:path';

import { build } from 'esbuild';

export const REPO = path.resolve(import.meta.dirname, '../../..');

export async function bundleWorker(): Promise<string> {
  const outfile = path.join(REPO, 'node_modules/.cache/kenning-bench/worker.cjs');
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    entryPoints: [path.join(REPO, 'electron/worker/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron', 'better-sqlite3', 'kuzu', '@lancedb/lancedb', 'apache-arrow', 'wink-*', 'compromise', 'unpdf', 'mammoth'],
    logLevel: 'warning',
    absWorkingDir: REPO,
  });
  return outfile;
}
