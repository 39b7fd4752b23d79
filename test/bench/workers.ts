/**
 * 4. Dataset workers: cold open (spawn + lock + open Kùzu and LanceDB) through the engine pool,
 * and a warm call round trip (ping). Measured for the bundled worker the packaged app ships
 * (esbuild, as scripts/build.mjs) and for the TypeScript entry run through tsx (dev / tests).
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { EnginePool } from '../../electron/core/datasets/engine-pool';
import type { WorkerLauncher } from '../../electron/core/datasets/launcher';
import { datasetPaths } from '../../electron/core/datasets/paths';
import { defaultWorkerEntry, nodeLauncher } from '../../electron/core/datasets/launcher-node';
import { KuzuGraphStore } from '../../electron/worker/graph/kuzu-graph-store';
import { LanceVectorStore } from '../../electron/worker/vectors/lance-vector-store';
import { tempDir } from '../helpers/temp';
import type { BenchOptions } from './lib/options';
import type { BenchOutput, Row } from './lib/result';
import { figure } from './lib/result';
import { now, summarize, timeEach } from './lib/stats';
import { bundleWorker } from './lib/worker-bundle';

const ref = () => ({ ownerId: randomUUID(), datasetId: randomUUID() });

/** Cold opens through the pool: each on a fresh dataset, so a new process opens new files. */
async function coldOpens(pool: EnginePool, n: number): Promise<{ cold: number[]; ping: number[] }> {
  const cold: number[] = [];
  const ping: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = ref();
    const t = now();
    const lease = await pool.acquire(r);
    cold.push(now() - t);
    try {
      for (let j = 0; j < 20; j++) await lease.worker.call({ kind: 'ping' }); // warm-up
      ping.push(...(await timeEach(200, () => lease.worker.call({ kind: 'ping' }))));
    } finally {
      lease.release();
    }
    await pool.teardown(r);
  }
  return { cold, ping };
}

/**
 * The same cold open by hand through the launcher, to split it: the `open` reply's openMs is
 * the worker's own time (lock + engines); the rest is process start and module loading.
 */
async function openBreakdown(launcher: WorkerLauncher, home: string, n: number): Promise<{ total: number[]; openMs: number[] }> {
  const total: number[] = [];
  const openMs: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = ref();
    const p = datasetPaths(home, r.ownerId, r.datasetId);
    const t = now();
    const h = launcher.launch('bench');
    const reply = await new Promise<{ ok: boolean; value?: { openMs: number } }>((resolve) => {
      h.on('message', (m) => resolve((m as { body: { ok: boolean; value?: { openMs: number } } }).body));
      h.postMessage({ seq: 1, body: { kind: 'open', graphPath: p.graph, vectorPath: p.vectors, lockPath: p.lock, lockWaitMs: 5000 } });
    });
    total.push(now() - t);
    if (!reply.ok || !reply.value) throw new Error('open failed');
    openMs.push(reply.value.openMs);
    const exited = new Promise((res) => h.on('exit', res));
    h.postMessage({ seq: 2, body: { kind: 'close' } });
    await exited;
  }
  return { total, openMs };
}

/** The spawn floor: a bare Node child that answers one IPC message, same fork options. */
async function bareChild(dir: string, n: number): Promise<{ spawn: number[]; ping: number[] }> {
  const file = path.join(dir, 'echo.cjs');
  fs.writeFileSync(file, "process.on('message', (m) => process.send(m)); process.send('ready');");
  const spawn: number[] = [];
  const ping: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = now();
    const child = fork(file, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise((r) => child.once('message', r));
    spawn.push(now() - t);
    const rt = () => new Promise((r) => { child.once('message', r); child.send({ seq: 1, body: { kind: 'ping' } }); });
    for (let j = 0; j < 20; j++) await rt();
    ping.push(...(await timeEach(200, rt)));
    child.kill();
    await new Promise((r) => child.once('exit', r));
  }
  return { spawn, ping };
}

/** Opening both engines in this process, on fresh paths: the engine floor. */
async function enginesInProcess(dir: string, n: number): Promise<number[]> {
  return timeEach(n, async (i) => {
    const g = await KuzuGraphStore.open(path.join(dir, `e${i}.kuzu`));
    const v = await LanceVectorStore.open(path.join(dir, `e${i}.lance.db`));
    await v.close();
    await g.close();
  });
}

export async function run(o: BenchOptions): Promise<BenchOutput> {
  const N = o.quick ? 3 : 10;
  const t = tempDir('kenning-bench-workers-');
  try {
    const bundle = await bundleWorker();
    const pools = {
      bundled: new EnginePool({ home: t.dir, launcher: nodeLauncher({ entry: bundle }), idleMs: 0 }),
      tsx: new EnginePool({ home: t.dir, launcher: nodeLauncher({ entry: defaultWorkerEntry() }), idleMs: 0 }),
    };
    // One throw-away open each (disk caches, tsx compile cache).
    for (const p of Object.values(pools)) await coldOpens(p, 1);
    const bundled = await coldOpens(pools.bundled, N);
    const viaTsx = await coldOpens(pools.tsx, N);
    for (const p of Object.values(pools)) await p.close();
    const split = await openBreakdown(nodeLauncher({ entry: bundle }), t.dir, N);
    const openOwn = summarize(split.openMs);
    const startAndLoad = summarize(split.total.map((x, i) => x - split.openMs[i]!));
    await enginesInProcess(t.dir, 1);
    const engines = summarize(await enginesInProcess(t.dir, N));
    const bare = await bareChild(t.dir, N);
    const spawn = summarize(bare.spawn);
    const barePing = summarize(bare.ping);
    const limit = spawn.median + engines.median;
    const b = summarize(bundled.cold);
    const x = summarize(viaTsx.cold);
    const bp = summarize(bundled.ping);
    const limitName = `bare Node child spawn (${spawn.median.toFixed(0)} ms) + both engines opened in-process (${engines.median.toFixed(0)} ms)`;
    const rows: Row[] = [
      {
        id: 'workers.cold.bundled',
        benchmark: 'Workers',
        metric: 'cold open, bundled worker (as packaged)',
        unit: 'ms',
        value: b.median,
        p95: b.p95,
        p99: b.p99,
        samples: b.n,
        limit: { name: limitName, value: limit },
        ratio: b.median / limit,
        target: { text: '≤ 400 ms', op: '<=', value: 400, on: 'value' },
        how: `EnginePool.acquire on a dataset with no live worker, ${N}×, each on new files: fork (child_process, advanced serialization) → lock → Kùzu open + schema → LanceDB connect → open reply.`,
      },
      {
        id: 'workers.cold.tsx',
        benchmark: 'Workers',
        metric: 'cold open, TypeScript entry through tsx (dev, tests, `npm run serve`)',
        unit: 'ms',
        value: x.median,
        p95: x.p95,
        p99: x.p99,
        samples: x.n,
        limit: { name: limitName, value: limit },
        ratio: x.median / limit,
        target: { text: '≤ 400 ms', op: '<=', value: 400, on: 'value' },
        how: 'Same, with the worker entry electron/worker/main.ts loaded through `--import tsx` (what nodeCoreOptions launches from source).',
      },
      {
        id: 'workers.ping',
        benchmark: 'Workers',
        metric: 'warm call round trip (ping)',
        unit: 'ms',
        ...figure(bp, { name: 'IPC echo round trip to a bare Node child', value: barePing.median }),
        how: '200 sequential pings per worker through WorkerHost.call (sequence numbers, deadline timer, structured clone), after 20 warm-up calls. No target set.',
      },
    ];
    return {
      name: 'workers',
      rows,
      details: { bundledOpenReplyOpenMs: openOwn, bundledStartAndModuleLoadMs: startAndLoad, engineOpenInProcessMs: engines, bareSpawnMs: spawn, tsxPingMs: summarize(viaTsx.ping), barePingMs: barePing },
      notes: [
        `Cold open of the bundled worker splits into ${startAndLoad.median.toFixed(0)} ms of process start + module loading and ${openOwn.median.toFixed(0)} ms inside the worker (lock + Kùzu + LanceDB, the open reply's openMs); a bare Node child starts in ${spawn.median.toFixed(0)} ms and both engines open in-process in ${engines.median.toFixed(0)} ms.`,
      ],
    };
  } finally {
    t.cleanup();
  }
}
