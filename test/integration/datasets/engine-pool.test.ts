import fs from 'node:fs/promises';
import path from 'node:path';

import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

import { randomUUID } from 'node:crypto';

import { datasetPaths } from '../../../electron/core/datasets/paths';
import { WorkerHost } from '../../../electron/core/datasets/worker-host';
import type { EnginePool } from '../../../electron/core/datasets/engine-pool';
import { mobyDickChapter } from '../../fixtures/prose';
import { alive, app, code, counts, ingest, launcher, newPool, ref, tempHome } from './helpers';

/** A short text with a few names in it, so the graph gets entities as well as chunks. */
const SMALL = 'Marie Curie moved from Warsaw to Paris. Pierre Curie worked with her at the University of Paris.';

/** Worker starts and exits can take seconds on a busy 2-core machine. */
const SLOW = { timeout: 20_000, interval: 20 };

const homes: string[] = [];
const pools: EnginePool[] = [];
async function setup(o: Parameters<typeof newPool>[1] = {}) {
  const home = await tempHome();
  homes.push(home);
  const pool = newPool(home, o);
  pools.push(pool);
  return { home, pool };
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});
afterAll(async () => {
  for (const h of homes) await fs.rm(h, { recursive: true, force: true });
});

describe('EnginePool', () => {
  it('gives two datasets two workers and ten concurrent callers of one dataset one worker', async () => {
    const { pool } = await setup();
    const a = ref();
    const b = ref();
    const started = Date.now();
    const [pa, pb] = await Promise.all([a, b].map((r) => pool.withWorker(r, async (w) => (await w.call({ kind: 'ping' })).pid)));
    console.log(`two cold worker starts in parallel: ${Date.now() - started} ms`);
    expect(pa).not.toBe(pb);
    const pids = await Promise.all(Array.from({ length: 10 }, () => pool.withWorker(a, async (w) => (await w.call({ kind: 'ping' })).pid)));
    expect(new Set(pids)).toEqual(new Set([pa]));
    expect(pool.liveCount).toBe(2);
  });

  it('keeps each dataset in its owner folder, and a worker opens only its own dataset files', async () => {
    const { home, pool } = await setup();
    const owner = ref().ownerId;
    const d1 = ref(owner);
    const d2 = ref(owner);
    const other = ref();
    for (const r of [d1, d2, other]) await pool.withWorker(r, (w) => ingest(w, home, randomUUID(), SMALL));
    expect((await fs.readdir(path.join(home, 'databases'))).sort()).toEqual([owner, other.ownerId].sort());
    const ownerFiles = await fs.readdir(path.join(home, 'databases', owner));
    for (const f of ownerFiles) expect(f.startsWith(`${d1.datasetId}.`) || f.startsWith(`${d2.datasetId}.`)).toBe(true);
    for (const r of [d1, d2]) expect(ownerFiles).toEqual(expect.arrayContaining([`${r.datasetId}.kuzu`, `${r.datasetId}.lance.db`, `${r.datasetId}.lock`]));
    expect((await fs.readdir(path.join(home, 'databases', other.ownerId))).every((f) => f.startsWith(`${other.datasetId}.`))).toBe(true);

    // What each worker process has open under databases/ belongs to its own dataset (Linux /proc).
    for (const r of [d1, d2, other]) {
      const pid = pool.pidOf(r)!;
      const fdDir = `/proc/${pid}/fd`;
      const targets = await Promise.all((await fs.readdir(fdDir)).map((fd) => fs.readlink(path.join(fdDir, fd)).catch(() => '')));
      const dbFiles = targets.filter((t) => t.startsWith(path.join(home, 'databases')));
      expect(dbFiles.length).toBeGreaterThan(0);
      for (const t of dbFiles) expect(path.basename(t).startsWith(`${r.datasetId}.`) || t.includes(`${r.datasetId}.lance.db`)).toBe(true);
    }
  });

  it('survives kill -9 in the middle of a write: pending calls fail, the next call works, committed data stays', async () => {
    const { home, pool } = await setup();
    const r = ref();
    const kept = await pool.withWorker(r, async (w) => (await ingest(w, home, randomUUID(), SMALL), counts(w)));
    expect(kept.Document).toBe(1);
    const bigId = randomUUID();
    const bigText = [1, 2, 3, 4, 5].map(mobyDickChapter).join('\n\n');
    const lease = await pool.acquire(r);
    const oldPid = lease.worker.pid!;
    let queued: Promise<unknown> | undefined;
    // Killed as soon as main hears the item reach its write stage (text, graph and vector writes).
    const write = ingest(lease.worker, home, bigId, bigText, {
      onProgress: (e) => {
        if (e.stage !== 'write' || queued) return;
        queued = counts(lease.worker); // sent, not yet answered: it must fail too
        process.kill(oldPid, 'SIGKILL');
      },
    });
    expect(await code(write)).toBe('worker_crashed');
    expect(queued).toBeDefined();
    expect(await code(queued!)).toBe('worker_crashed');
    expect(await code(lease.worker.call({ kind: 'ping' }))).toBe('worker_crashed');
    lease.release();

    const { after, full } = await pool.withWorker(r, async (w) => {
      expect(w.pid).not.toBe(oldPid);
      const after = await counts(w);
      await ingest(w, home, bigId, bigText); // re-running an item is idempotent: this is the complete state
      return { after, full: await counts(w) };
    });
    // The graph write is one transaction: the interrupted item is either absent or complete, never half there.
    expect([kept, full]).toContainEqual(after);
    expect(full.Document).toBe(2);
  });

  it('refuses a second worker on an open dataset with `locked`, and the lock is free right after SIGKILL', async () => {
    const { home, pool } = await setup();
    const r = ref();
    const pid = await pool.withWorker(r, async (w) => (await w.call({ kind: 'ping' })).pid);
    const paths = datasetPaths(home, r.ownerId, r.datasetId);
    const opts = { launcher, paths, label: 'intruder', callTimeoutMs: 10_000, openTimeoutMs: 20_000, lockWaitMs: 300 };
    expect(await code(WorkerHost.start(opts))).toBe('locked');

    process.kill(pid, 'SIGKILL');
    await vi.waitFor(() => expect(alive(pid)).toBe(false), SLOW);
    const second = await WorkerHost.start({ ...opts, lockWaitMs: 0 });
    expect(await counts(second)).toEqual({});
    await second.stop(3_000);
  });

  it('kills a worker stuck past its deadline: that call times out, the others fail, the next call works', async () => {
    const { pool } = await setup();
    const r = ref();
    const lease = await pool.acquire(r);
    const pid = lease.worker.pid;
    const stuck = lease.worker.call({ kind: 'debug.hold', ms: 60_000, serial: true }, { timeoutMs: 300 });
    const behind = app(lease.worker, { kind: 'graph.counts' }, { timeoutMs: 60_000 }); // its store call waits in the lane
    expect(await code(stuck)).toBe('timeout');
    expect(await code(behind)).toBe('worker_crashed');
    lease.release();
    expect(await pool.withWorker(r, async (w) => (await w.call({ kind: 'ping' })).pid)).not.toBe(pid);
  });

  it('cancels a call without losing the worker, which then ingests, searches and refuses a Cypher write', async () => {
    const { home, pool } = await setup();
    const r = ref();
    await pool.withWorker(r, async (w) => {
      const ac = new AbortController();
      const held = w.call({ kind: 'debug.hold', ms: 60_000, serial: false }, { signal: ac.signal });
      ac.abort();
      expect(await code(held)).toBe('cancelled');
      const dataId = randomUUID();
      await ingest(w, home, dataId, SMALL);
      const search = { kind: 'search.run', query: 'Warsaw Paris', topK: 3, onlyContext: false, embedder: { provider: 'hashing' }, llm: null } as const;
      const found = await app(w, { ...search, searchType: 'CHUNKS' });
      expect(found.hits.map((h) => h.citation?.dataId)).toContain(dataId);
      expect(await code(app(w, { ...search, searchType: 'CYPHER', query: 'MATCH (n) DELETE n' }))).toBe('invalid_input');
    });
  });

  it('closes idle workers and keeps at most maxLive', async () => {
    const { pool } = await setup({ idleMs: 200, maxLive: 2 });
    const rs = [ref(), ref(), ref()];
    const pids: number[] = [];
    for (const r of rs) pids.push(await pool.withWorker(r, async (w) => (await w.call({ kind: 'ping' })).pid));
    await vi.waitFor(() => expect(alive(pids[0])).toBe(false), SLOW); // LRU victim of the cap
    expect(pool.liveCount).toBeLessThanOrEqual(2);
    await vi.waitFor(() => expect(pids.some(alive)).toBe(false), SLOW); // idle eviction
    expect(pool.liveCount).toBe(0);
  });

  it('deleteDataset leaves no files behind, whether the worker is idle-closed or open', async () => {
    const { home, pool } = await setup();
    const owner = ref().ownerId;
    const open = ref(owner);
    const closed = ref(owner);
    for (const r of [open, closed]) await pool.withWorker(r, (w) => ingest(w, home, randomUUID(), SMALL));
    await pool.teardown(closed);
    expect(pool.pidOf(closed)).toBeUndefined();
    const openPid = pool.pidOf(open);
    expect(alive(openPid)).toBe(true);

    await pool.deleteDataset(closed);
    await pool.deleteDataset(open);
    expect(alive(openPid)).toBe(false);
    expect(await fs.readdir(path.join(home, 'databases', owner))).toEqual([]);

    // The id can be used again afterwards and starts empty.
    expect(await pool.withWorker(open, counts)).toEqual({});
  });
});
