/**
 * Runs one benchmark in this process and writes its BenchOutput as JSON:
 *   tsx test/bench/child.ts <name> <out.json> [--quick]
 * The runner starts one child per benchmark so peak memory, native engine state and open
 * workers never carry over from one benchmark to the next.
 */
import fs from 'node:fs';

import type { BenchOutput } from './lib/result';
import type { BenchOptions } from './lib/options';

const MODULES: Record<string, () => Promise<{ run(o: BenchOptions): Promise<BenchOutput> }>> = {
  ingest: () => import('./ingest'),
  search: () => import('./search'),
  permissions: () => import('./permissions'),
  workers: () => import('./workers'),
  'graph-view': () => import('./graph-view'),
  retrieval: () => import('./retrieval'),
  'large-ingest': () => import('./large-ingest'),
  entities: () => import('./entities'),
};

export const BENCHMARK_NAMES = Object.keys(MODULES);

async function main(): Promise<void> {
  const [name, out] = process.argv.slice(2);
  const quick = process.argv.includes('--quick');
  if (!name || !out || !MODULES[name]) throw new Error(`usage: child.ts <${Object.keys(MODULES).join('|')}> <out.json> [--quick]`);
  const mod = await MODULES[name]!();
  const result = await mod.run({ quick });
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
