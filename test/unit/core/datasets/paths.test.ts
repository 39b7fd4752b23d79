import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { datasetPaths } from '../../../../electron/core/datasets/paths';
import { FifoSemaphore } from '../../../../electron/core/datasets/fifo-semaphore';

const OWNER = '0b6d3c8e-8f5e-4a55-9d3a-1f2e3d4c5b6a';
const DS = '7e0c1f2a-3b4c-4d5e-8f9a-0b1c2d3e4f5a';

describe('datasetPaths', () => {
  it('puts every file of a dataset under its owner folder, named by the dataset id', () => {
    const p = datasetPaths('/home/k', OWNER, DS);
    expect(p.dir).toBe(path.join('/home/k', 'databases', OWNER));
    expect(p.graph).toBe(path.join(p.dir, `${DS}.kuzu`));
    expect(p.vectors).toBe(path.join(p.dir, `${DS}.lance.db`));
    expect(p.lock).toBe(path.join(p.dir, `${DS}.lock`));
  });

  it.each([['../etc'], ['a/b'], ['my dataset'], [''], [`${DS}/..`]])('refuses a non-UUID id %j', (bad) => {
    expect(() => datasetPaths('/home/k', OWNER, bad)).toThrow(/UUID/);
    expect(() => datasetPaths('/home/k', bad, DS)).toThrow(/UUID/);
  });

  it('refuses a relative home', () => {
    expect(() => datasetPaths('home', OWNER, DS)).toThrow();
  });
});

describe('FifoSemaphore', () => {
  it('admits in arrival order and never more than its capacity', async () => {
    const s = new FifoSemaphore(2);
    const order: number[] = [];
    let running = 0;
    let peak = 0;
    await Promise.all(
      [0, 1, 2, 3, 4].map(async (i) => {
        const release = await s.acquire();
        order.push(i);
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setImmediate(r));
        running--;
        release();
        release(); // harmless
      }),
    );
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(s.inUse).toBe(0);
  });
});
