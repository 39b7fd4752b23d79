/**
 * Child process for the graph store's failed-COMMIT test: writes one item, makes the next
 * checkpoint impossible (a directory where Kùzu's shadow file goes), writes a second item whose
 * COMMIT then fails in its checkpoint, tries a third call, and exits WITHOUT closing, as the
 * worker does (a close would checkpoint). Prints one JSON line with what it saw.
 */
import fs from 'node:fs';

import { AppError } from '../../shared/domain/errors';
import { KuzuGraphStore } from '../../electron/worker/graph/kuzu-graph-store';
import type { ItemGraph } from '../../electron/worker/stores';

const file = process.argv[2]!;
const item = (dataId: string): ItemGraph => ({
  dataId,
  nodes: [
    { id: `doc-${dataId}`, type: 'Document', name: dataId },
    { id: 'ent-shared', type: 'Entity', name: 'shared' },
  ],
  edges: [{ id: `e-${dataId}`, source: `doc-${dataId}`, target: 'ent-shared', relation: 'mentions' }],
});
const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));

const g = await KuzuGraphStore.open(file, { checkpointBytes: 1 });
await g.writeItems([item('a')]);
fs.mkdirSync(`${file}.shadow`);
const failed = await g.writeItems([item('b')]).then(() => 'ok', codeOf);
const brokenAfter = g.broken;
const later = await g.countsByType().then(() => 'ok', codeOf);
console.log(JSON.stringify({ failed, brokenAfter, later }));
process.exit(0);
