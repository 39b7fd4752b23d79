/**
 * The default cap on live dataset workers follows the machine's memory (KENNING_MAX_WORKERS
 * overrides it), and a search over more datasets than the old fixed cap of 6 keeps every
 * worker alive from one search to the next.
 */
import { afterAll, describe, expect, it } from 'vitest';

import { WORKER_MEMORY_BUDGET, configFromEnv, defaultMaxWorkers } from '../../../electron/core/config';
import type { PooledEngines } from '../../../electron/core/datasets/pooled-engines';
import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';

const GiB = 2 ** 30;

describe('default worker cap', () => {
  it('is the memory Kenning may take (half the machine, or what is available if less, at least a quarter) over 350 MiB a worker, from 4 to 64', () => {
    expect(WORKER_MEMORY_BUDGET).toBe(350 * 2 ** 20);
    expect(defaultMaxWorkers(24 * GiB, 23 * GiB)).toBe(35); // 12 GiB
    expect(defaultMaxWorkers(24 * GiB, 8 * GiB)).toBe(23); // 8 GiB available
    expect(defaultMaxWorkers(16 * GiB, 1 * GiB)).toBe(11); // a quarter: 4 GiB
    expect(defaultMaxWorkers(8 * GiB, 6 * GiB)).toBe(11); // 4 GiB
    expect(defaultMaxWorkers(2 * GiB, 1 * GiB)).toBe(4); // floor
    expect(defaultMaxWorkers(1024 * GiB, 1000 * GiB)).toBe(64); // ceiling
  });

  it('is the default unless KENNING_MAX_WORKERS says otherwise; a malformed value is an error', () => {
    expect(configFromEnv({}).maxLiveWorkers).toBe(defaultMaxWorkers());
    expect(configFromEnv({ KENNING_MAX_WORKERS: '3' }).maxLiveWorkers).toBe(3);
    expect(configFromEnv({ KENNING_MAX_WORKERS: '3' }, { maxLiveWorkers: 9 }).maxLiveWorkers).toBe(9);
    expect(() => configFromEnv({ KENNING_MAX_WORKERS: '0' })).toThrow(/KENNING_MAX_WORKERS/);
    expect(() => configFromEnv({ KENNING_MAX_WORKERS: 'lots' })).toThrow(/KENNING_MAX_WORKERS/);
  });
});

describe('a search over more datasets than the old cap', () => {
  const DATASETS = 8;
  let t: TestCore | undefined;
  afterAll(async () => t?.close());

  it('restarts no worker from one search to the next (default settings)', async (ctx) => {
    if (process.env.KENNING_MAX_WORKERS) ctx.skip('KENNING_MAX_WORKERS is set in this environment, so the default cap is not in use');
    if (defaultMaxWorkers() < DATASETS) ctx.skip(`this machine's memory gives a default cap of ${defaultMaxWorkers()} workers, below the ${DATASETS} datasets searched`);
    t = await openTestCore();
    expect(t.core.services.config.maxLiveWorkers).toBe(defaultMaxWorkers());
    const owner = await t.user('cap-owner@example.com');
    const refs: { ownerId: string; datasetId: string }[] = [];
    for (let d = 0; d < DATASETS; d++) {
      const ds = await t.call(owner.token, 'datasets.create', { name: `cap-${d}` });
      refs.push({ ownerId: owner.id, datasetId: ds.id });
    }
    const pool = (t.core.services.engines as PooledEngines).pool;
    const pids = () => refs.map((r) => pool.pidOf(r));
    const search = () => t!.call(owner.token, 'search.run', { query: 'anything at all', searchType: 'CHUNKS_HYBRID', topK: 5 });
    await search();
    const first = pids();
    expect(first.every((p) => typeof p === 'number')).toBe(true);
    expect(new Set(first).size).toBe(DATASETS);
    for (let i = 0; i < 3; i++) await search();
    expect(pids()).toEqual(first);
    expect(pool.liveCount).toBe(DATASETS);
  });
});
