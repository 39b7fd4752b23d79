/**
 * GraphStore over Kùzu. The only module that imports `kuzu`.
 *
 * Schema: one `Node` table with a `type` column and one `Rel` table with a `relation` column
 * (Cognee's Kùzu adapter does the same). One table makes provenance, deletes and generic reads
 * (whole graph, neighbourhoods across types, stable order by type then id) single queries
 * instead of one per type pair; the five node types differ only in which optional columns they
 * fill. Each node and edge carries `data_ids`: the data items asserting it.
 *
 * Kùzu facts this relies on (measured on 0.11.3):
 * - a query parameter cannot be used inside a list lambda, but a `WITH $d AS d` alias can;
 * - `UNWIND $rows … MATCH (n {id: r.id})` with ONE node pattern is a hash join (one scan of the
 *   table); MERGE, or two node patterns, is a cross product of rows and table (8 s for 4,000
 *   rows on 100k nodes); a MATCH on `$param` ids is a primary-key lookup;
 * - a COPY into a non-empty table starts new node groups and CSR regions every time: writing
 *   items by COPY grew a 3 MB corpus's graph file to 572 MB and then failed with "buffer pool
 *   is full". So new nodes and edges are written one statement each, by key.
 */
import os from 'node:os';
import path from 'node:path';

import kuzu from 'kuzu';
import type { Connection, Database, KuzuValue, PreparedStatement, QueryResult } from 'kuzu';

import { AppError } from '../../../shared/domain/errors';
import { storageError } from '../../common/storage-errors';
import type { GraphEdge, GraphNode, GraphSlice, NodeType } from '../../../shared/domain/graph';
import type { EntityGraph, EntityGraphVersion, GraphStore, ItemGraph, NodeDetails, WriteReport } from '../stores';
import { batchRows } from './batch-rows';
import type { EdgeWriteRow, NodeWriteRow } from './batch-rows';
import { explainEngineMessage, MAX_RESULT_BYTES, runReadOnlyCypher } from './cypher-engine-check';
import { assertReadOnlyCypher } from './cypher-guard';
import { compareEdges, compareNodes, edgeCols, nodeCols, toEdge, toNode } from './rows';
import type { EdgeRow, NodeRow } from './rows';
import { checkId, checkLimit, checkTypes } from './validate';

type Params = Record<string, KuzuValue>;

const SCHEMA = [
  'CREATE NODE TABLE IF NOT EXISTS Node(id STRING, type STRING, name STRING, kind STRING, description STRING, data_ids STRING[], PRIMARY KEY(id))',
  'CREATE REL TABLE IF NOT EXISTS Rel(FROM Node TO Node, id STRING, relation STRING, weight DOUBLE, data_ids STRING[])',
  // The items written so far: removing an item's provenance scans every node and edge, so an
  // item never written before (the common case: a first cognify) skips that scan entirely.
  'CREATE NODE TABLE IF NOT EXISTS Item(id STRING, PRIMARY KEY(id))',
];

/**
 * Kùzu's default buffer pool is 80% of RAM per process; several workers share one machine, so
 * each gets an eighth of RAM, between 256 MiB and 2 GiB. It is a cap (pages are taken as they are
 * used), and it must hold a checkpoint: with 256 MiB, a dataset of ~17 MB of text failed its
 * auto-checkpoint at COMMIT ("buffer pool is full"), and that file never reopened.
 */
const BUFFER_POOL_BYTES = Math.min(2 ** 31, Math.max(2 ** 28, Math.floor(os.totalmem() / 8 / 2 ** 20) * 2 ** 20));
/**
 * Kùzu reserves address space for the largest database it may grow to (default 8 TiB); a few of
 * those exhaust a process (measured: the 6th open failed to mmap). Must be a power of two.
 */
const MAX_DB_BYTES = 2 ** 38; // 256 GiB
/**
 * WAL size that triggers Kùzu's checkpoint (its default is 16 MiB). Each checkpoint rewrote much
 * of the edge table into new pages, so the file grew with the number of checkpoints: ingesting
 * 20 MB of documents gave a 776 MB graph file at 16 MiB and 283 MB at 128 MiB (test/bench notes in
 * BENCHMARKS.md). The price is memory: committed rows wait in memory until the checkpoint.
 */
const CHECKPOINT_BYTES = 64 * 2 ** 20;

export type OpenOptions = Readonly<{
  /** WAL size that triggers a checkpoint (tests use a tiny one to checkpoint at every commit). */
  checkpointBytes?: number;
}>;
const CYPHER_TIMEOUT_MS = 15_000;
/** Upper bound on edges gathered per neighbourhood hop or slice, so no read builds an unbounded payload. */
const EDGE_SCAN_CAP = 200_000;

function engineError(e: unknown, what: string): AppError {
  if (e instanceof AppError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  const storage = storageError(e, what);
  if (storage) return storage;
  if (/lock/i.test(msg) && /(file|database)/i.test(msg)) return new AppError('locked', `The graph is open in another process (${what})`);
  if (/corrupt|invalid (database|file)|not a valid|checksum/i.test(msg)) return new AppError('corrupt', `The graph database is damaged (${what}): ${msg}`);
  if (/interrupt|timeout/i.test(msg)) return new AppError('timeout', `The graph query took too long (${what})`);
  return new AppError('internal', `Graph engine error (${what}): ${msg}`);
}

/** One dataset's graph. Lifetime: from `open` until `close` (idempotent); one per process per file. */
export class KuzuGraphStore implements GraphStore {
  #db: Database | undefined;
  #conn: Connection | undefined;
  /** Runs user Cypher with a query timeout, apart from the store's own statements. */
  #userConn: Connection | undefined;
  /** The last user query on #userConn: the next one starts after it settles. */
  #userTail: Promise<unknown> = Promise.resolve();
  readonly #prepared = new Map<string, PreparedStatement>();
  /** Set when a COMMIT failed: the store then refuses every call (see #transaction). */
  #broken: AppError | undefined;
  /** True when every written item has an Item row (so a missing row means "never written"). */
  #itemsRecorded = true;

  private constructor(db: Database, conn: Connection, userConn: Connection) {
    this.#db = db;
    this.#conn = conn;
    this.#userConn = userConn;
  }

  /** Opens (creating if needed) the graph file at an absolute path and ensures the schema. */
  static async open(file: string, opts: OpenOptions = {}): Promise<KuzuGraphStore> {
    if (typeof file !== 'string' || !path.isAbsolute(file)) throw new TypeError(`KuzuGraphStore.open: expected an absolute path, got "${file}"`);
    let db: Database | undefined;
    try {
      db = new kuzu.Database(file, BUFFER_POOL_BYTES, true, false, MAX_DB_BYTES, true, opts.checkpointBytes ?? CHECKPOINT_BYTES);
      await db.init();
      const conn = new kuzu.Connection(db);
      await conn.init();
      const userConn = new kuzu.Connection(db);
      await userConn.init();
      userConn.setQueryTimeout(CYPHER_TIMEOUT_MS);
      const store = new KuzuGraphStore(db, conn, userConn);
      for (const q of SCHEMA) await store.#run(q);
      // A graph written before items were recorded has nodes but no Item rows: always scan there.
      store.#itemsRecorded = (await store.#count('MATCH (i:Item) RETURN count(*) AS c')) > 0 || (await store.#count('MATCH (n:Node) RETURN count(*) AS c')) === 0;
      return store;
    } catch (e) {
      if (db) await db.close().catch(() => undefined);
      throw engineError(e, 'opening the graph');
    }
  }

  /** True once a COMMIT failed: the process must end without closing (see #transaction). */
  get broken(): boolean {
    return this.#broken !== undefined;
  }

  async writeItem(item: ItemGraph): Promise<WriteReport> {
    return this.writeItems([item]);
  }

  /**
   * One transaction for the whole batch. Every statement is shaped so Kùzu 0.11.3 plans it as
   * a hash join over the node table, a plain insert or primary-key lookups, never as a cross
   * product of the batch's rows with the table (see the notes at the top of this file).
   */
  async writeItems(items: readonly ItemGraph[]): Promise<WriteReport> {
    const { dataIds, nodes, edges } = batchRows(items);
    let rewritten: string[] = [];
    await this.#transaction('writing items', async () => {
      rewritten = await this.#writtenBefore(dataIds);
      for (const d of rewritten) await this.#removeProvenance(d);
      // Every Item row of the batch is gone now (new, or removed with its provenance just above).
      for (const id of dataIds) await this.#run('MERGE (:Item {id: $id})', { id });
      // Only nodes that existed before this batch can already have edges.
      const existing = new Set(await this.#present('Node', nodes.map((n) => n.id)));
      await this.#writeNodes(nodes, existing);
      await this.#writeEdges(edges, existing);
    });
    return { rewritten };
  }

  async #writeNodes(nodes: readonly NodeWriteRow[], existing: ReadonlySet<string>): Promise<void> {
    const fresh = nodes.filter((n) => !existing.has(n.id));
    const known = nodes.filter((n) => existing.has(n.id));
    if (known.length > 0)
      await this.#run(
        `UNWIND $rows AS r MATCH (n:Node {id: r.id})
         SET n.type = r.type, n.name = r.name, n.kind = r.kind, n.description = r.description, n.data_ids = list_concat(n.data_ids, r.ds)`,
        { rows: known },
      );
    // MERGE by a parameter is a primary-key lookup; one statement per node keeps it off the
    // cross-product plan, and MERGE (not CREATE) cannot add a second row for a key whatever happens.
    for (const r of fresh)
      await this.#run(
        `MERGE (n:Node {id: $id})
         ON CREATE SET n.type = $type, n.name = $name, n.kind = $kind, n.description = $description, n.data_ids = $ds
         ON MATCH SET n.type = $type, n.name = $name, n.kind = $kind, n.description = $description, n.data_ids = list_concat(n.data_ids, $ds)`,
        r,
      );
  }

  /** Edges other items already assert keep their row and gain this batch's items; new ones are created. */
  async #writeEdges(edges: readonly EdgeWriteRow[], existing: ReadonlySet<string>): Promise<void> {
    if (edges.length === 0) return;
    const sources = [...new Set(edges.map((e) => e.source).filter((s) => existing.has(s)))];
    const present =
      sources.length === 0
        ? new Set<string>()
        : new Set((await this.#run<{ id: string }>('UNWIND $ids AS x MATCH (a:Node {id: x})-[e:Rel]->(:Node) RETURN e.id AS id', { ids: sources })).map((r) => r.id));
    const shared = edges.filter((e) => present.has(e.id));
    const fresh = edges.filter((e) => !present.has(e.id));
    if (shared.length > 0)
      await this.#run(
        `UNWIND $rows AS r MATCH (a:Node {id: r.source})-[e:Rel]->(:Node) WHERE e.id = r.id
         SET e.relation = r.relation, e.weight = CAST(r.weight AS DOUBLE), e.data_ids = list_concat(e.data_ids, r.ds)`,
        // Weights go as text: the Node binding types a list of rows by its first row, so an
        // integer weight first made 0.3 arrive as the integer with 0.3's bits (4.6e18).
        { rows: shared.map((e) => ({ ...e, weight: e.weight === null ? null : String(e.weight) })) },
      );
    // One statement per edge: two primary-key lookups and an insert, so the cost per edge does
    // not grow with the graph (a batched form is a cross product, a COPY bloats the file).
    for (const e of fresh)
      await this.#run(
        'MATCH (a:Node {id: $source}), (b:Node {id: $target}) CREATE (a)-[:Rel {id: $id, relation: $relation, weight: CAST($weight AS DOUBLE), data_ids: $ds}]->(b)',
        e,
      );
  }

  /** Which of `ids` are rows of `table` (one hash join over the table). */
  async #present(table: 'Node' | 'Item', ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.#run<{ id: string }>(`UNWIND $ids AS x MATCH (n:${table} {id: x}) RETURN n.id AS id`, { ids: [...ids] });
    return rows.map((r) => r.id);
  }

  /** The items of `dataIds` written before (all of them when the graph predates Item rows). */
  async #writtenBefore(dataIds: readonly string[]): Promise<string[]> {
    if (!this.#itemsRecorded) return [...dataIds];
    const found = new Set(await this.#present('Item', dataIds));
    return dataIds.filter((d) => found.has(d));
  }


  async deleteData(dataId: string): Promise<void> {
    checkId(dataId, 'dataId');
    await this.#transaction('deleting an item', async () => {
      if ((await this.#writtenBefore([dataId])).length > 0) await this.#removeProvenance(dataId);
    });
  }

  async wipe(): Promise<void> {
    await this.#transaction('wiping the graph', async () => {
      await this.#run('MATCH ()-[e:Rel]->() DELETE e');
      await this.#run('MATCH (n:Node) DELETE n');
      await this.#run('MATCH (i:Item) DELETE i');
    });
    this.#itemsRecorded = true;
  }

  async readGraph(opts: Readonly<{ nodeLimit: number; edgeLimit: number; types?: readonly NodeType[]; offset?: number }>): Promise<GraphSlice> {
    const nodeLimit = checkLimit(opts.nodeLimit, 'nodeLimit');
    const offset = opts.offset ?? 0;
    if (!Number.isInteger(offset) || offset < 0 || offset > 100_000_000) throw new AppError('invalid_input', 'offset must be a non-negative integer');
    const edgeLimit = checkLimit(opts.edgeLimit, 'edgeLimit');
    const types = checkTypes(opts.types);
    const filter = types ? 'WHERE list_contains($types, n.type)' : '';
    const p: Params = types ? { types: [...types] } : {};
    const rows = await this.#run<NodeRow>(`MATCH (n:Node) ${filter} RETURN ${nodeCols('n')} ORDER BY n.type, n.id SKIP ${offset} LIMIT ${nodeLimit + 1}`, p);
    const nodes = rows.slice(0, nodeLimit).map(toNode);
    const totalNodes = await this.#count(`MATCH (n:Node) ${filter} RETURN count(*) AS c`, p);
    const totalEdges = types
      ? await this.#count('MATCH (a:Node)-[e:Rel]->(b:Node) WHERE list_contains($types, a.type) AND list_contains($types, b.type) RETURN count(*) AS c', p)
      : await this.#count('MATCH ()-[e:Rel]->() RETURN count(*) AS c');
    const edges = await this.#edgesAmong(nodes.map((n) => n.id));
    return {
      nodes,
      edges: edges.slice(0, edgeLimit),
      truncated: rows.length > nodeLimit || edges.length > edgeLimit,
      totalNodes,
      totalEdges,
    };
  }

  async neighbourhood(nodeId: string, depth: 1 | 2 | 3, nodeLimit: number): Promise<GraphSlice> {
    checkId(nodeId, 'nodeId');
    if (depth !== 1 && depth !== 2 && depth !== 3) throw new AppError('invalid_input', 'depth must be 1, 2 or 3');
    checkLimit(nodeLimit, 'nodeLimit');
    const start = await this.#node(nodeId);
    if (!start) return { nodes: [], edges: [], truncated: false, totalNodes: 0, totalEdges: 0 };
    const chosen = new Map<string, GraphNode>([[start.id, start]]);
    let frontier = [start.id];
    let truncated = false;
    for (let hop = 0; hop < depth && frontier.length > 0 && !truncated; hop++) {
      const found = new Map<string, GraphNode>();
      for (const dir of ['out', 'in'] as const) {
        const pattern = dir === 'out' ? '(a:Node {id: x})-[:Rel]->(b:Node)' : '(a:Node {id: x})<-[:Rel]-(b:Node)';
        const rows = await this.#run<NodeRow>(`UNWIND $ids AS x MATCH ${pattern} RETURN DISTINCT ${nodeCols('b')} LIMIT ${EDGE_SCAN_CAP}`, { ids: frontier });
        for (const r of rows) if (!chosen.has(r.id)) found.set(r.id, toNode(r));
      }
      const next = [...found.values()].sort(compareNodes);
      const room = nodeLimit - chosen.size;
      if (next.length > room) truncated = true;
      for (const n of next.slice(0, Math.max(0, room))) chosen.set(n.id, n);
      frontier = next.slice(0, Math.max(0, room)).map((n) => n.id);
    }
    const nodes = [...chosen.values()].sort(compareNodes);
    const edges = await this.#edgesAmong(nodes.map((n) => n.id));
    return { nodes, edges, truncated, totalNodes: nodes.length, totalEdges: edges.length };
  }

  async nodeDetails(nodeId: string): Promise<NodeDetails | null> {
    checkId(nodeId, 'nodeId');
    const rows = await this.#run<NodeRow & { data_ids: string[] }>(`MATCH (n:Node {id: $id}) RETURN ${nodeCols('n')}, n.data_ids AS data_ids`, { id: nodeId });
    const row = rows[0];
    if (!row) return null;
    const out = await this.#run<EdgeRow & { o: NodeRow }>(
      `MATCH (a:Node {id: $id})-[e:Rel]->(b:Node) RETURN ${edgeCols('e', 'a', 'b')}, {id: b.id, type: b.type, name: b.name, kind: b.kind, description: b.description} AS o ORDER BY e.id LIMIT 1000`,
      { id: nodeId },
    );
    const inc = await this.#run<EdgeRow & { o: NodeRow }>(
      `MATCH (a:Node {id: $id})<-[e:Rel]-(b:Node) RETURN ${edgeCols('e', 'b', 'a')}, {id: b.id, type: b.type, name: b.name, kind: b.kind, description: b.description} AS o ORDER BY e.id LIMIT 1000`,
      { id: nodeId },
    );
    const relations = [...out, ...inc].map((r) => ({ edge: toEdge(r), other: toNode(r.o) })).sort((x, y) => compareEdges(x.edge, y.edge));
    return { node: toNode(row), relations, dataIds: [...(row.data_ids ?? [])].sort() };
  }

  async countsByType(): Promise<Readonly<Record<string, number>>> {
    const rows = await this.#run<{ t: string; c: number | bigint }>('MATCH (n:Node) RETURN n.type AS t, count(*) AS c ORDER BY t');
    const out: Record<string, number> = {};
    for (const r of rows) out[r.t] = Number(r.c);
    return out;
  }

  async findByName(query: string, limit: number, types?: readonly NodeType[]): Promise<readonly GraphNode[]> {
    if (typeof query !== 'string' || query.trim() === '' || query.length > 500) throw new AppError('invalid_input', 'query must be a non-empty string');
    checkLimit(limit, 'limit', 1000);
    const t = checkTypes(types);
    const q = query.trim().toLowerCase();
    const rows = await this.#run<NodeRow>(
      `MATCH (n:Node) WHERE lower(n.name) CONTAINS $q ${t ? 'AND list_contains($types, n.type)' : ''}
       RETURN ${nodeCols('n')}, CASE WHEN lower(n.name) = $q THEN 0 WHEN starts_with(lower(n.name), $q) THEN 1 ELSE 2 END AS rank
       ORDER BY rank, size(n.name), n.id LIMIT ${limit}`,
      t ? { q, types: [...t] } : { q },
    );
    return rows.map(toNode);
  }

  /** Every Entity node (by id) and every relation between two entities (in no order), with the version they were read at. */
  async entityGraph(): Promise<EntityGraph> {
    const version = await this.entityGraphVersion();
    const nodes = await this.#run<{ id: string; name: string | null; kind: string | null }>(
      "MATCH (n:Node) WHERE n.type = 'Entity' RETURN n.id AS id, n.name AS name, n.kind AS kind ORDER BY n.id",
    );
    const edges = await this.#run<{ source: string; target: string; relation: string | null; weight: number | null }>(
      "MATCH (a:Node)-[e:Rel]->(b:Node) WHERE a.type = 'Entity' AND b.type = 'Entity' RETURN a.id AS source, b.id AS target, e.relation AS relation, e.weight AS weight",
    );
    return {
      version,
      nodes: nodes.map((n) => ({ id: n.id, name: n.name ?? '', kind: n.kind ?? null })),
      edges: edges.map((e) => ({ source: e.source, target: e.target, relation: e.relation ?? '', weight: e.weight === null ? 1 : Number(e.weight) })),
    };
  }

  /** Counts and written items only: three small queries, no node or edge is returned. */
  async entityGraphVersion(): Promise<EntityGraphVersion> {
    const entities = await this.#count("MATCH (n:Node) WHERE n.type = 'Entity' RETURN count(*) AS c");
    const relations = await this.#count("MATCH (a:Node)-[e:Rel]->(b:Node) WHERE a.type = 'Entity' AND b.type = 'Entity' RETURN count(*) AS c");
    const items = await this.#run<{ id: string }>('MATCH (i:Item) RETURN i.id AS id ORDER BY i.id');
    return { entities, relations, items: items.map((i) => i.id) };
  }

  /**
   * Runs user Cypher read-only. Two independent layers: the token guard (cypher-guard.ts) and
   * the engine's own check (cypher-engine-check.ts: one prepared statement, its plan, a
   * read-only transaction). Rows are capped by `limit` (silently, as asked) and by
   * MAX_RESULT_BYTES (an error: a partial answer would look complete); the connection's
   * timeout bounds the time. Queries on the user connection run one at a time, because each
   * is a BEGIN … ROLLBACK sequence on that connection.
   */
  async cypherRead(query: string, limit: number): Promise<readonly Record<string, unknown>[]> {
    assertReadOnlyCypher(query);
    checkLimit(limit, 'limit', 10_000);
    this.#live();
    const conn = this.#userConn!;
    const run = this.#userTail.then(() => runReadOnlyCypher(conn, query, { maxRows: limit, maxBytes: MAX_RESULT_BYTES }));
    this.#userTail = run.catch(() => undefined);
    try {
      return await run;
    } catch (e) {
      if (e instanceof AppError) throw e;
      const err = engineError(e, 'running a query');
      // A user's query failing to parse or bind is their input, not our fault.
      if (err.code !== 'internal') throw err;
      const msg = err.message.replace(/^Graph engine error \(running a query\): /, '');
      throw explainEngineMessage(msg) ?? new AppError('invalid_input', msg, { field: 'query' });
    }
  }

  async close(): Promise<void> {
    const conn = this.#conn;
    const userConn = this.#userConn;
    const db = this.#db;
    this.#conn = undefined; // idempotent: a second close finds nothing to do
    this.#userConn = undefined;
    this.#db = undefined;
    this.#prepared.clear();
    if (userConn) await userConn.close().catch(() => undefined);
    if (conn) await conn.close().catch(() => undefined);
    if (db) await db.close().catch(() => undefined);
  }

  /** Strips `dataId` from every node and edge, then deletes what nobody asserts any more. */
  async #removeProvenance(dataId: string): Promise<void> {
    const p = { d: dataId };
    await this.#run('MATCH (i:Item {id: $d}) DELETE i', p);
    await this.#run('MATCH ()-[e:Rel]->() WHERE list_contains(e.data_ids, $d) WITH e, $d AS d SET e.data_ids = list_filter(e.data_ids, x -> x <> d)', p);
    await this.#run('MATCH ()-[e:Rel]->() WHERE size(e.data_ids) = 0 DELETE e');
    await this.#run('MATCH (n:Node) WHERE list_contains(n.data_ids, $d) WITH n, $d AS d SET n.data_ids = list_filter(n.data_ids, x -> x <> d)', p);
    await this.#run('MATCH (n:Node) WHERE size(n.data_ids) = 0 DETACH DELETE n');
  }

  /** Edges whose both ends are in `ids`, by id, bounded by EDGE_SCAN_CAP. */
  async #edgesAmong(ids: readonly string[]): Promise<GraphEdge[]> {
    if (ids.length === 0) return [];
    const inSet = new Set(ids);
    const rows = await this.#run<EdgeRow>(`UNWIND $ids AS x MATCH (a:Node {id: x})-[e:Rel]->(b:Node) RETURN ${edgeCols('e', 'a', 'b')} LIMIT ${EDGE_SCAN_CAP}`, {
      ids: [...ids],
    });
    return rows.filter((r) => inSet.has(r.target)).map(toEdge).sort(compareEdges);
  }

  async #node(id: string): Promise<GraphNode | null> {
    const rows = await this.#run<NodeRow>(`MATCH (n:Node {id: $id}) RETURN ${nodeCols('n')}`, { id });
    return rows[0] ? toNode(rows[0]) : null;
  }

  async #count(q: string, p: Params = {}): Promise<number> {
    const rows = await this.#run<{ c: number | bigint }>(q, p);
    return Number(rows[0]?.c ?? 0);
  }

  async #transaction(what: string, fn: () => Promise<void>): Promise<void> {
    const conn = this.#live();
    await conn.query('BEGIN TRANSACTION').then(closeAll);
    try {
      await fn();
    } catch (e) {
      await conn.query('ROLLBACK').then(closeAll).catch(() => undefined);
      throw engineError(e, what);
    }
    try {
      await conn.query('COMMIT').then(closeAll);
    } catch (e) {
      // A COMMIT fails in its auto-checkpoint, after the transaction is in the WAL: the engine's
      // state is then unknown, and writing on (a retry, the next batch) was what left files that
      // no longer opened. So the store refuses every later call; the worker's next start replays
      // the WAL from a fresh process.
      const detail = `${e instanceof Error ? e.message : String(e)}. Kenning stopped writing to this dataset and reopens it on the next request`;
      const storage = storageError(e, what);
      this.#broken = storage ? new AppError(storage.code, `${storage.message}: ${detail}`) : new AppError('corrupt', `The graph could not save its changes (${what}): ${detail}`);
      throw this.#broken;
    }
  }

  async #run<T = Record<string, unknown>>(q: string, params: Params = {}): Promise<T[]> {
    const conn = this.#live();
    let ps = this.#prepared.get(q);
    if (!ps) {
      ps = await conn.prepare(q);
      if (!ps.isSuccess()) throw new AppError('internal', `Graph query failed to prepare: ${ps.getErrorMessage()}`);
      this.#prepared.set(q, ps);
    }
    const res = await conn.execute(ps, params);
    const results = Array.isArray(res) ? res : [res];
    try {
      return (await results[results.length - 1]!.getAll()) as T[];
    } finally {
      for (const r of results) r.close();
    }
  }

  #live(): Connection {
    if (this.#broken) throw this.#broken;
    if (!this.#conn) throw new AppError('cancelled', 'The dataset was closed while this request ran (deleted, or Kenning is quitting)');
    return this.#conn;
  }
}

function closeAll(res: QueryResult | QueryResult[]): void {
  for (const r of Array.isArray(res) ? res : [res]) r.close();
}
