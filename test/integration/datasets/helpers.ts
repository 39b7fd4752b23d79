import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { AppError } from '../../../shared/domain/errors';
import type { GraphEdge, GraphNode } from '../../../shared/domain/graph';
import type { ItemGraph } from '../../../shared/domain/store-records';
import { EnginePool } from '../../../electron/core/datasets/engine-pool';
import type { EnginePoolOptions } from '../../../electron/core/datasets/engine-pool';
import { nodeLauncher } from '../../../electron/core/datasets/launcher-node';
import type { DatasetRef } from '../../../electron/core/datasets/paths';

export const launcher = nodeLauncher();

export async function tempHome(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'kenning-pool-'));
}

export function newPool(home: string, o: Partial<EnginePoolOptions> = {}): EnginePool {
  return new EnginePool({ home, launcher, idleMs: 60_000, stopGraceMs: 3_000, ...o });
}

export const ref = (ownerId: string = randomUUID()): DatasetRef => ({ ownerId, datasetId: randomUUID() });

/** The error code a promise fails with ('ok' when it succeeds). */
export const code = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof AppError ? e.code : String(e)));

export function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A document with `n` entities: big enough that writing it takes a noticeable moment. */
export function bigItem(dataId: string, n: number): ItemGraph {
  const nodes: GraphNode[] = [{ id: `doc-${dataId}`, type: 'Document', name: dataId }];
  const edges: GraphEdge[] = [];
  for (let i = 0; i < n; i++) {
    nodes.push({ id: `ent-${dataId}-${i}`, type: 'Entity', name: `entity ${i}` });
    edges.push({ id: `e-${dataId}-${i}`, source: `ent-${dataId}-${i}`, target: `doc-${dataId}`, relation: 'mentioned_in' });
  }
  return { dataId, nodes, edges };
}
