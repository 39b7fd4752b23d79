/**
 * The large-ingest floor (issue 14): "extraction alone on all cores + the engines' bulk load of
 * the same rows". Runs floor-prep-child.ts on os.availableParallelism() processes at once (share
 * k takes every N-th file), then floor-load-child.ts once over all their output, into one fresh
 * Kùzu database and one fresh LanceDB folder. Separate processes, so neither the benchmark's
 * main nor a dataset worker carries this memory.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { ManifestEntry, PrepSummary } from './floor-prep-child';
import type { LoadResult } from './floor-load-child';
import type { LargeFile } from './large-corpus';
import { now } from './stats';
import { REPO } from './worker-bundle';

export type FloorResult = Readonly<{
  shares: number;
  /** The slowest share's time inside prepareItem: the CPU half's wall clock on all cores. */
  prepMs: number;
  /** The same, each share's first start to last end (includes writing its output lines). */
  prepLoopMs: number;
  load: LoadResult;
  /** prepMs + load.ms.total */
  totalMs: number;
  /** Wall clock of the whole harness (process starts, embedder loads, JSON in and out). */
  harnessMs: number;
  byFormat: Record<string, { files: number; bytes: number; ms: number }>;
  failed: { name: string; message: string }[];
  embedder: { id: string; dimension: number };
}>;

function child(script: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, script), ...args], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited with code ${code}`))));
  });
}

export async function measureFloor(files: readonly LargeFile[], dir: string): Promise<FloorResult> {
  fs.mkdirSync(dir, { recursive: true });
  const shares = os.availableParallelism();
  const manifest = path.join(dir, 'manifest.json');
  fs.writeFileSync(manifest, JSON.stringify(files.map((f): ManifestEntry => ({ name: f.name, path: f.path, format: f.format, size: f.size }))));
  const outs = Array.from({ length: shares }, (_, k) => path.join(dir, `prepared-${k}.jsonl`));
  const t0 = now();
  await Promise.all(outs.map((out, k) => child('floor-prep-child.ts', [manifest, String(k), String(shares), out])));
  const summaries = outs.map((o) => JSON.parse(fs.readFileSync(`${o}.summary.json`, 'utf8')) as PrepSummary);
  const embedder = summaries[0]!.embedder;
  const loadOut = path.join(dir, 'load.json');
  await child('floor-load-child.ts', [path.join(dir, 'engines'), String(embedder.dimension), loadOut, ...outs]);
  const harnessMs = now() - t0;
  const load = JSON.parse(fs.readFileSync(loadOut, 'utf8')) as LoadResult;
  const byFormat: FloorResult['byFormat'] = {};
  for (const s of summaries)
    for (const [f, c] of Object.entries(s.byFormat)) {
      const x = (byFormat[f] ??= { files: 0, bytes: 0, ms: 0 });
      x.files += c.files;
      x.bytes += c.bytes;
      x.ms += c.ms;
    }
  const prepMs = Math.max(...summaries.map((s) => s.prepMs));
  // The prepared rows are large (vectors as text); the caller's temp folder goes later, this now.
  for (const o of outs) fs.rmSync(o, { force: true });
  fs.rmSync(path.join(dir, 'engines'), { recursive: true, force: true });
  return {
    shares,
    prepMs,
    prepLoopMs: Math.max(...summaries.map((s) => s.loopMs)),
    load,
    totalMs: prepMs + load.ms.total,
    harnessMs,
    byFormat,
    failed: summaries.flatMap((s) => s.failed),
    embedder,
  };
}
