/**
 * The large-ingest floor's write half: the engines' own bulk load of every row the prepared
 * items hold, into FRESH stores, in this one process:
 *   tsx floor-load-child.ts <dir> <dimension> <out.json> <prepared.jsonl>...
 * - Kùzu: nodes merged across items (dedupe by id, union of data_ids, last writer's fields, as
 *   the product's MERGE does), edges likewise; one `COPY Node` and one `COPY Rel` from CSV
 *   files. The schema comes from the product's KuzuGraphStore.open, so it cannot drift.
 * - LanceDB: one createTable per vector table with all rows (built as Arrow columns), plus the
 *   BM25 index the product builds on `text`.
 * Reading the JSON lines is the harness's cost and is not timed; merging, writing the CSV
 * files and every engine call are.
 */
import fs from 'node:fs';
import path from 'node:path';

import * as lancedb from '@lancedb/lancedb';
import * as arrow from 'apache-arrow';
import kuzu from 'kuzu';

import type { GraphEdge, GraphNode } from '../../../shared/domain/graph';
import { KuzuGraphStore } from '../../../electron/worker/graph/kuzu-graph-store';
import { VECTOR_TABLES } from '../../../electron/worker/stores';
import type { ItemGraph, VectorTable } from '../../../electron/worker/stores';
import { now } from './stats';

type WireRow = { id: string; nodeId: string; dataId: string; chunkId: string; text: string; start: number; end: number; vector: string };
type Prepared = { index: number; dataId: string; graph: ItemGraph; rows: Record<VectorTable, WireRow[]> };

export type LoadResult = Readonly<{
  items: number;
  nodes: number;
  edges: number;
  vectorRows: Record<string, number>;
  /** Merge + CSV files, COPY Node, COPY Rel, LanceDB tables, LanceDB BM25 indexes. */
  ms: { merge: number; copyNode: number; copyRel: number; lanceTables: number; lanceIndexes: number; total: number };
}>;

/**
 * Kùzu's own default buffer pool (0: a share of RAM). The product's 256 MiB cap is too small
 * for ONE COPY of a 50 MB corpus's edges (measured: "the buffer pool is full" at ~620k edges);
 * the floor is the engine's best use, and its peak RSS is reported beside it.
 */
const BUFFER_POOL_BYTES = 0;
const MAX_DB_BYTES = 2 ** 38;

const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
// Quoted: Kùzu counts a bare [a,b] as two columns. Ids are uuids (no comma, quote or bracket).
const list = (ids: Iterable<string>): string => `"[${[...ids].join(',')}]"`;

function merge(items: readonly Prepared[]): { nodes: Map<string, { n: GraphNode; ds: Set<string> }>; edges: Map<string, { e: GraphEdge; ds: Set<string> }> } {
  const nodes = new Map<string, { n: GraphNode; ds: Set<string> }>();
  const edges = new Map<string, { e: GraphEdge; ds: Set<string> }>();
  for (const it of items) {
    for (const n of it.graph.nodes) {
      const x = nodes.get(n.id);
      if (!x) nodes.set(n.id, { n, ds: new Set([it.dataId]) });
      else {
        x.n = n;
        x.ds.add(it.dataId);
      }
    }
    for (const e of it.graph.edges) {
      const x = edges.get(e.id);
      if (!x) edges.set(e.id, { e, ds: new Set([it.dataId]) });
      else {
        x.e = e;
        x.ds.add(it.dataId);
      }
    }
  }
  return { nodes, edges };
}

/** Writes the rows; true when a quoted field holds a line break (Kùzu's parallel CSV reader refuses those). */
function writeCsv(file: string, lines: Iterable<string>): boolean {
  const fd = fs.openSync(file, 'w');
  let buf: string[] = [];
  let multiline = false;
  for (const l of lines) {
    if (!multiline && /[\r\n]/.test(l)) multiline = true;
    buf.push(l);
    if (buf.length < 10_000) continue;
    fs.writeSync(fd, buf.join('\n') + '\n');
    buf = [];
  }
  if (buf.length) fs.writeSync(fd, buf.join('\n') + '\n');
  fs.closeSync(fd);
  return multiline;
}

async function loadGraph(dir: string, items: readonly Prepared[]): Promise<{ nodes: number; edges: number; merge: number; copyNode: number; copyRel: number }> {
  const file = path.join(dir, 'floor.kuzu');
  await (await KuzuGraphStore.open(file)).close();
  let t = now();
  const { nodes, edges } = merge(items);
  const nodeCsv = path.join(dir, 'nodes.csv');
  const relCsv = path.join(dir, 'rels.csv');
  const nodeMultiline = writeCsv(nodeCsv, (function* () {
    for (const { n, ds } of nodes.values()) yield [q(n.id), q(n.type), q(n.name), q(n.kind ?? ''), q(n.description ?? ''), list(ds)].join(',');
  })());
  const relMultiline = writeCsv(relCsv, (function* () {
    for (const { e, ds } of edges.values()) yield [q(e.source), q(e.target), q(e.id), q(e.relation), e.weight ?? '', list(ds)].join(',');
  })());
  const mergeMs = now() - t;
  const db = new kuzu.Database(file, BUFFER_POOL_BYTES, true, false, MAX_DB_BYTES);
  const conn = new kuzu.Connection(db);
  const opts = (multiline: boolean) => `(HEADER=false, QUOTE='"', ESCAPE='"', PARALLEL=${multiline ? 'false' : 'true'})`;
  t = now();
  await conn.query(`COPY Node FROM '${nodeCsv}' ${opts(nodeMultiline)}`);
  const copyNode = now() - t;
  t = now();
  await conn.query(`COPY Rel FROM '${relCsv}' ${opts(relMultiline)}`);
  const copyRel = now() - t;
  await db.close();
  return { nodes: nodes.size, edges: edges.size, merge: mergeMs, copyNode, copyRel };
}

function arrowTable(rows: readonly WireRow[], dim: number): arrow.Table {
  const flat = new Float32Array(rows.length * dim);
  const bytes = new Uint8Array(flat.buffer);
  rows.forEach((r, i) => bytes.set(Buffer.from(r.vector, 'base64'), i * dim * 4));
  const item = new arrow.Field('item', new arrow.Float32(), true);
  const vector = arrow.makeVector(
    arrow.makeData({ type: new arrow.FixedSizeList(dim, item), length: rows.length, nullCount: 0, child: arrow.makeData({ type: new arrow.Float32(), length: flat.length, data: flat }) }),
  );
  const str = (f: (r: WireRow) => string) => arrow.vectorFromArray(rows.map(f), new arrow.Utf8());
  const int = (f: (r: WireRow) => number) => arrow.makeVector(Int32Array.from(rows, f));
  return new arrow.Table({
    id: str((r) => r.id),
    node_id: str((r) => r.nodeId),
    data_id: str((r) => r.dataId),
    chunk_id: str((r) => r.chunkId),
    text: str((r) => r.text),
    start_pos: int((r) => r.start),
    end_pos: int((r) => r.end),
    vector,
  });
}

async function loadVectors(dir: string, items: readonly Prepared[], dim: number): Promise<{ rows: Record<string, number>; tables: number; indexes: number }> {
  const conn = await lancedb.connect(path.join(dir, 'floor.lance'));
  const rows: Record<string, number> = {};
  let tables = 0;
  let indexes = 0;
  for (const name of VECTOR_TABLES) {
    let t = now();
    const all = items.flatMap((it) => it.rows[name] ?? []);
    rows[name] = all.length;
    if (all.length === 0) continue;
    const table = await conn.createTable(name, arrowTable(all, dim));
    tables += now() - t;
    t = now();
    await table.createIndex('text', { config: lancedb.Index.fts() });
    indexes += now() - t;
    table.close();
  }
  conn.close();
  return { rows, tables, indexes };
}

async function main(): Promise<void> {
  const [dir, dimArg, out, ...inputs] = process.argv.slice(2);
  const dim = Number(dimArg);
  if (!dir || !out || inputs.length === 0 || !Number.isInteger(dim) || dim < 1) throw new Error('usage: floor-load-child.ts <dir> <dimension> <out.json> <prepared.jsonl>...');
  fs.mkdirSync(dir, { recursive: true });
  const items: Prepared[] = [];
  for (const f of inputs) for (const l of fs.readFileSync(f, 'utf8').split('\n')) if (l) items.push(JSON.parse(l) as Prepared);
  // Corpus order, so "last writer wins" means the same item it means in the product.
  items.sort((a, b) => a.index - b.index);
  const g = await loadGraph(dir, items);
  const v = await loadVectors(dir, items, dim);
  // The sum of the timed parts: creating the empty schema is not part of loading rows.
  const total = g.merge + g.copyNode + g.copyRel + v.tables + v.indexes;
  const result: LoadResult = {
    items: items.length,
    nodes: g.nodes,
    edges: g.edges,
    vectorRows: v.rows,
    ms: { merge: g.merge, copyNode: g.copyNode, copyRel: g.copyRel, lanceTables: v.tables, lanceIndexes: v.indexes, total },
  };
  fs.writeFileSync(out, JSON.stringify(result));
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
