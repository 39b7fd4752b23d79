import fs from 'node:fs/promises';

import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

import { DatasetQueue } from '../../../electron/core/datasets/dataset-queue';
import type { EnginePool } from '../../../electron/core/datasets/engine-pool';
import { alive, newPool, ref, tempHome } from './helpers';

/** Worker starts and exits can take seconds on a busy 2-core machine. */
const SLOW = { timeout: 20_000, interval: 20 };

const homes: string[] = [];
const pools: EnginePool[] = [];
async function setup(idleMs: number, queue: { enabled: boolean; maxConcurrent: number }) {
  const home = await tempHome();
  homes.push(home);
  const pool = newPool(home, { idleMs });
  pools.push(pool);
  return { pool, q: new DatasetQueue(pool, queue) };
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});
afterAll(async () => {
  for (const h of homes) await fs.rm(h, { recursive: true, force: true });
});

/** A promise plus the function that resolves it. */
function gate() {
  let open!: () => void;
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
}

describe('DatasetQueue', () => {
  it('runs no more than maxConcurrent operations at once across datasets, and all finish', async () => {
    const { q, pool } = await setup(0, { enabled: true, maxConcurrent: 2 });
    let running = 0;
    let peak = 0;
    const hold = gate();
    const all = Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        q.withDataset(ref(), 'write', async (w) => {
          running++;
          peak = Math.max(peak, running);
          await w.call({ kind: 'ping' });
          await hold.p;
          running--;
          return i;
        }),
      ),
    );
    await vi.waitFor(() => expect([running, q.waiting]).toEqual([2, 3]), SLOW); // two admitted, three queued
    hold.open();
    expect(await all).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    await vi.waitFor(() => expect(pool.liveCount).toBe(0), SLOW);
  });

  it('tears the worker down when the last holder leaves (idle 0), not while one remains', async () => {
    const { q, pool } = await setup(0, { enabled: true, maxConcurrent: 6 });
    const r = ref();
    const first = gate();
    const second = gate();
    let pid: number | undefined;
    const a = q.withDataset(r, 'read', async (w) => {
      pid = w.pid;
      await first.p;
    });
    const b = q.withDataset(r, 'read', async (w) => {
      await w.call({ kind: 'ping' });
      await second.p;
    });
    await vi.waitFor(() => expect(q.running).toBe(2), SLOW);
    await vi.waitFor(() => expect(pid).toBeDefined(), SLOW);
    first.open();
    await a;
    expect(pool.pidOf(r)).toBe(pid); // one holder remains: no teardown
    expect(alive(pid)).toBe(true);
    second.open();
    await b;
    expect(pool.pidOf(r)).toBeUndefined(); // last holder left: torn down
    await pool.whenStopped(r);
    expect(alive(pid)).toBe(false);
    // The next call opens a fresh worker on the same files without any cleanup.
    const next = await q.withDataset(r, 'read', async (w) => (await w.call({ kind: 'ping' })).pid);
    expect(next).not.toBe(pid);
  });

  it('runs writes to one dataset one at a time while reads run beside them', async () => {
    const { q } = await setup(60_000, { enabled: true, maxConcurrent: 6 });
    const r = ref();
    const hold = gate();
    const log: string[] = [];
    const w1 = q.withDataset(r, 'write', async () => {
      log.push('w1 start');
      await hold.p;
      log.push('w1 end');
    });
    await vi.waitFor(() => expect(log).toEqual(['w1 start']), SLOW);
    const w2 = q.withDataset(r, 'write', async () => {
      log.push('w2 start');
    });
    await q.withDataset(r, 'read', async (w) => {
      await w.call({ kind: 'ping' });
      log.push('read');
    });
    expect(log).toEqual(['w1 start', 'read']); // the read ran beside w1; w2 waits its turn
    hold.open();
    await Promise.all([w1, w2]);
    expect(log).toEqual(['w1 start', 'read', 'w1 end', 'w2 start']);
  });

  it('disabled: admits everything and leaves closing to idle eviction', async () => {
    const { q, pool } = await setup(1_000, { enabled: false, maxConcurrent: 1 });
    const r = ref();
    let running = 0;
    const hold = gate();
    const all = Promise.all(
      [ref(), ref(), r].map((x) =>
        q.withDataset(x, 'write', async (w) => {
          running++;
          await w.call({ kind: 'ping' });
          await hold.p;
        }),
      ),
    );
    await vi.waitFor(() => expect(running).toBe(3), SLOW); // the cap of 1 does not apply
    hold.open();
    await all;
    const pid = pool.pidOf(r);
    expect(alive(pid)).toBe(true); // no teardown on leaving
    await vi.waitFor(() => expect(alive(pid)).toBe(false), SLOW);
  });
});
