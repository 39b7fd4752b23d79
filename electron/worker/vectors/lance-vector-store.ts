/**
 * VectorStore over LanceDB. The only module that imports `@lancedb/lancedb` and `apache-arrow`.
 *
 * One table per VectorTable, created on first write with a fixed-size vector column of the
 * recorded dimension and a BM25 full-text index on `text`. Rows added after the index is built
 * are still searched, but LanceDB scores them with other statistics than the indexed ones, so
 * which rows happened to be indexed (the first write's) would change every BM25 score: before a
 * full-text search, a table with rows outside the index is optimized, which folds them in
 * (checked once per table version; see #fullTextIndexed). Every write makes a Lance version, so
 * tables are compacted every few item writes and on close, not per row.
 */
import path from 'node:path';

import * as lancedb from '@lancedb/lancedb';
import * as arrow from 'apache-arrow';

import { AppError } from '../../../shared/domain/errors';
import { storageError } from '../../common/storage-errors';
import { VECTOR_TABLES } from '../stores';
import type { HybridOptions, ItemVectors, VectorHit, VectorRow, VectorStore, VectorTable } from '../stores';
import { readMeta, removeMeta, writeMeta } from './embedder-meta';
import type { EmbedderMeta } from './embedder-meta';
import { LanceSearch } from './lance-search';

/** Item writes between compactions of one table. */
const OPTIMIZE_EVERY = 16;
const MAX_K = 1000;

function schemaFor(dimension: number): arrow.Schema {
  return new arrow.Schema([
    new arrow.Field('id', new arrow.Utf8(), false),
    new arrow.Field('node_id', new arrow.Utf8(), false),
    new arrow.Field('data_id', new arrow.Utf8(), false),
    new arrow.Field('chunk_id', new arrow.Utf8(), false),
    new arrow.Field('text', new arrow.Utf8(), false),
    new arrow.Field('start_pos', new arrow.Int32(), false),
    new arrow.Field('end_pos', new arrow.Int32(), false),
    new arrow.Field('vector', new arrow.FixedSizeList(dimension, new arrow.Field('item', new arrow.Float32(), true)), false),
  ]);
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

function checkTable(t: unknown): VectorTable {
  if (!(VECTOR_TABLES as readonly unknown[]).includes(t)) throw new AppError('invalid_input', `Unknown vector table "${String(t)}"`);
  return t as VectorTable;
}

function checkK(k: unknown): number {
  if (!Number.isInteger(k) || (k as number) < 1 || (k as number) > MAX_K) throw new AppError('invalid_input', `k must be an integer from 1 to ${MAX_K}`);
  return k as number;
}

function checkDataId(s: unknown): string {
  if (typeof s !== 'string' || s.length === 0 || s.length > 512) throw new AppError('invalid_input', 'dataId must be a non-empty string');
  return s;
}

/**
 * Validates every row of every item before anything is written, grouped per table. A table
 * named by any item is in the map (possibly empty), so its old rows of replaced items go.
 */
function checkedRows(items: readonly ItemVectors[], dimension: number): Map<VectorTable, VectorRow[]> {
  const out = new Map<VectorTable, VectorRow[]>();
  const seen = new Set<string>();
  for (const item of items) {
    const dataId = checkDataId(item?.dataId);
    for (const [name, list] of Object.entries(item.rows ?? {})) {
      const table = checkTable(name);
      if (!Array.isArray(list)) throw new AppError('invalid_input', `rows for ${table} must be a list`);
      const into = out.get(table) ?? [];
      out.set(table, into);
      for (const r of list as readonly VectorRow[]) {
        if (!r || typeof r.id !== 'string' || r.id === '' || seen.has(`${table}\u0000${r.id}`)) throw new AppError('invalid_input', `Row ids in ${table} must be unique non-empty strings`);
        seen.add(`${table}\u0000${r.id}`);
        checkRow(r, dataId, dimension);
        into.push(r);
      }
    }
  }
  return out;
}

function checkRow(r: VectorRow, dataId: string, dimension: number): void {
  if (r.dataId !== dataId) throw new AppError('invalid_input', `Row ${r.id} belongs to another data item`);
  if (typeof r.nodeId !== 'string' || typeof r.chunkId !== 'string' || typeof r.text !== 'string') throw new AppError('invalid_input', `Row ${r.id} is missing text fields`);
  if (!Number.isInteger(r.start) || !Number.isInteger(r.end)) throw new AppError('invalid_input', `Row ${r.id} needs integer start and end`);
  if (!(r.vector instanceof Float32Array) || r.vector.length !== dimension) throw new AppError('invalid_input', `Row ${r.id} needs a Float32Array of ${dimension} values`);
  if (!r.vector.every(Number.isFinite)) throw new AppError('invalid_input', `Row ${r.id} has a non-finite vector value`);
}

function engineError(e: unknown, what: string): AppError {
  if (e instanceof AppError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  const storage = storageError(e, what);
  if (storage) return storage;
  if (/corrupt|invalid (manifest|file|magic)|does not appear to be a Lance file/i.test(msg)) return new AppError('corrupt', `The vector index is damaged (${what}): ${msg}`);
  return new AppError('internal', `Vector engine error (${what}): ${msg}`);
}

/**
 * LanceDB's default session caches up to 6 GB of index data and 1 GB of metadata per process;
 * a dataset worker should stay within a few hundred MiB (several run at once), and its
 * indexes (BM25 over one dataset) are small. One session per process, shared by its tables.
 */
const INDEX_CACHE_BYTES = 64n * 1024n * 1024n;
const METADATA_CACHE_BYTES = 32n * 1024n * 1024n;
let session: lancedb.Session | undefined;
function cacheSession(): lancedb.Session {
  session ??= new lancedb.Session(INDEX_CACHE_BYTES, METADATA_CACHE_BYTES);
  return session;
}

/** One dataset's vector tables. Lifetime: from `open` until `close` (idempotent); one process per directory. */
export class LanceVectorStore implements VectorStore {
  #conn: lancedb.Connection | undefined;
  readonly #dir: string;
  readonly #tables = new Map<VectorTable, lancedb.Table>();
  /** The read side: in-memory snapshots per table version (lance-search.ts). */
  readonly #search = new LanceSearch();
  readonly #writesSinceOptimize = new Map<VectorTable, number>();
  /** Per table, the version whose full-text index is known to cover every row. */
  readonly #indexedVersion = new Map<VectorTable, number>();
  #meta: EmbedderMeta | null;

  private constructor(conn: lancedb.Connection, dir: string, meta: EmbedderMeta | null) {
    this.#conn = conn;
    this.#dir = dir;
    this.#meta = meta;
  }

  /** Connects to (creating if needed) the lance directory at an absolute path. */
  static async open(dir: string): Promise<LanceVectorStore> {
    if (typeof dir !== 'string' || !path.isAbsolute(dir)) throw new TypeError(`LanceVectorStore.open: expected an absolute path, got "${dir}"`);
    try {
      const conn = await lancedb.connect(dir, {}, cacheSession());
      return new LanceVectorStore(conn, dir, await readMeta(dir));
    } catch (e) {
      throw engineError(e, 'opening the vector index');
    }
  }

  async ensureEmbedder(embedderId: string, dimension: number): Promise<void> {
    if (typeof embedderId !== 'string' || embedderId.length === 0 || embedderId.length > 200) throw new AppError('invalid_input', 'embedderId must be a non-empty string');
    if (!Number.isInteger(dimension) || dimension < 1 || dimension > 8192) throw new AppError('invalid_input', 'dimension must be an integer from 1 to 8192');
    this.#live();
    const meta = this.#meta;
    if (meta === null) {
      await writeMeta(this.#dir, { embedderId, dimension });
      this.#meta = { embedderId, dimension };
      return;
    }
    if (meta.embedderId !== embedderId || meta.dimension !== dimension)
      throw new AppError(
        'conflict',
        `This dataset's vectors were made by ${meta.embedderId} (${meta.dimension} dimensions), not ${embedderId} (${dimension}); re-embed the dataset to switch`,
        { recordedEmbedder: meta.embedderId, recordedDimension: meta.dimension },
      );
  }

  async embedderInfo(): Promise<Readonly<{ embedderId: string; dimension: number }> | null> {
    this.#live();
    return this.#meta;
  }

  async writeItem(dataId: string, rows: ItemVectors['rows']): Promise<void> {
    await this.writeItems([{ dataId, rows }], [dataId]);
  }

  async writeItems(items: readonly ItemVectors[], replace: readonly string[]): Promise<void> {
    const meta = this.#meta;
    if (!meta) throw new AppError('invalid_input', 'Record the embedder (ensureEmbedder) before writing vectors');
    const perTable = checkedRows(items, meta.dimension);
    const stale = replace.map(checkDataId);
    for (const table of VECTOR_TABLES) {
      const list = perTable.get(table);
      if (!list) continue;
      try {
        const existing = await this.#table(table);
        if (existing && stale.length > 0) await existing.delete(`data_id IN (${stale.map(sqlString).join(', ')})`);
        if (list.length === 0) continue;
        const data = list.map((r) => ({
          id: r.id, node_id: r.nodeId, data_id: r.dataId, chunk_id: r.chunkId, text: r.text, start_pos: r.start, end_pos: r.end, vector: Array.from(r.vector),
        }));
        if (existing) await existing.add(data);
        else await this.#create(table, data, meta.dimension);
        await this.#maybeOptimize(table);
      } catch (e) {
        throw engineError(e, `writing ${table}`);
      }
    }
  }

  async deleteData(dataId: string): Promise<void> {
    checkDataId(dataId);
    for (const name of VECTOR_TABLES) {
      const t = await this.#table(name);
      if (!t) continue;
      try {
        await t.delete(`data_id = ${sqlString(dataId)}`);
        await this.#maybeOptimize(name);
      } catch (e) {
        throw engineError(e, `deleting from ${name}`);
      }
    }
  }

  async wipe(): Promise<void> {
    const conn = this.#live();
    for (const t of this.#tables.values()) t.close();
    this.#tables.clear();
    this.#indexedVersion.clear(); // new tables count their versions from 1 again
    const names = await conn.tableNames();
    for (const name of names) if ((VECTOR_TABLES as readonly string[]).includes(name)) await conn.dropTable(name);
    await removeMeta(this.#dir);
    this.#meta = null;
  }

  async searchVector(table: VectorTable, vector: Float32Array, k: number): Promise<readonly VectorHit[]> {
    checkTable(table);
    checkK(k);
    const meta = this.#meta;
    if (!(vector instanceof Float32Array)) throw new AppError('invalid_input', 'vector must be a Float32Array');
    if (meta && vector.length !== meta.dimension) throw new AppError('invalid_input', `vector must have ${meta.dimension} values`);
    const t = await this.#table(table);
    if (!t) return [];
    try {
      return await this.#search.vector(table, t, vector, k);
    } catch (e) {
      throw engineError(e, `searching ${table}`);
    }
  }

  async searchText(table: VectorTable, query: string, k: number): Promise<readonly VectorHit[]> {
    checkTable(table);
    checkK(k);
    if (typeof query !== 'string' || query.length > 2000) throw new AppError('invalid_input', 'query must be a string');
    if (query.trim() === '') return [];
    const t = await this.#table(table);
    if (!t) return [];
    try {
      await this.#fullTextIndexed(table, t);
      return await this.#search.text(table, t, query, k);
    } catch (e) {
      throw engineError(e, `text search in ${table}`);
    }
  }

  /** Vector and BM25 halves at once (lance-search.ts), fused by reciprocal rank or as `options` say. */
  async searchHybrid(table: VectorTable, vector: Float32Array, query: string, k: number, options?: HybridOptions): Promise<readonly VectorHit[]> {
    checkTable(table);
    checkK(k);
    const meta = this.#meta;
    if (!(vector instanceof Float32Array)) throw new AppError('invalid_input', 'vector must be a Float32Array');
    if (meta && vector.length !== meta.dimension) throw new AppError('invalid_input', `vector must have ${meta.dimension} values`);
    if (typeof query !== 'string' || query.length > 2000) throw new AppError('invalid_input', 'query must be a string');
    const t = await this.#table(table);
    if (!t) return [];
    try {
      if (query.trim() !== '') await this.#fullTextIndexed(table, t);
      return await this.#search.hybrid(table, t, vector, query, k, options);
    } catch (e) {
      throw engineError(e, `hybrid search in ${table}`);
    }
  }

  async count(table: VectorTable): Promise<number> {
    checkTable(table);
    const t = await this.#table(table);
    return t ? t.countRows() : 0;
  }

  async close(): Promise<void> {
    const conn = this.#conn;
    if (!conn) return; // idempotent
    this.#conn = undefined;
    for (const [name, t] of this.#tables) {
      // Compaction is housekeeping: a failure leaves more fragments (slower reads), never lost
      // rows, so closing goes on, but the reason is logged rather than swallowed.
      if ((this.#writesSinceOptimize.get(name) ?? 0) > 0) {
        await t.optimize({ cleanupOlderThan: new Date() }).catch((e: unknown) => console.error(`[vectors] optimize of table "${name}" on close failed:`, e));
      }
      t.close();
    }
    this.#tables.clear();
    conn.close();
  }

  async #create(table: VectorTable, data: Record<string, unknown>[], dimension: number): Promise<void> {
    const conn = this.#live();
    const t = await conn.createTable(table, data, { schema: schemaFor(dimension) });
    await t.createIndex('text', { config: lancedb.Index.fts() });
    this.#indexedVersion.delete(table);
    this.#tables.set(table, t);
  }

  async #maybeOptimize(table: VectorTable): Promise<void> {
    const n = (this.#writesSinceOptimize.get(table) ?? 0) + 1;
    if (n < OPTIMIZE_EVERY) {
      this.#writesSinceOptimize.set(table, n);
      return;
    }
    this.#writesSinceOptimize.set(table, 0);
    // Only this process writes the dataset, so old versions can go at once.
    await this.#tables.get(table)?.optimize({ cleanupOlderThan: new Date() });
  }

  /**
   * Makes the full-text index cover every row of `t` before a BM25 search: rows outside it are
   * scored by LanceDB with their own statistics (document count, average length, document
   * frequencies), so the same rows gave different BM25 scores, and rankings, depending on which
   * of them the first write brought (issue 15: two ingests of the same files, different order
   * of arrival). One version check a search (~0.05 ms); the index statistics once per version;
   * an optimize only after writes (measured ~2 s at 52k rows of 1,200 characters, once).
   * Callers run in the engine lane, so no write or other search runs meanwhile.
   */
  async #fullTextIndexed(table: VectorTable, t: lancedb.Table): Promise<void> {
    const version = await t.version();
    if (this.#indexedVersion.get(table) === version) return;
    const stats = await t.indexStats('text_idx');
    if (stats && stats.numUnindexedRows > 0) {
      await t.optimize({ cleanupOlderThan: new Date() });
      this.#writesSinceOptimize.set(table, 0);
    }
    this.#indexedVersion.set(table, await t.version());
  }

  /** The open handle of `name`, opening it once; undefined when the table does not exist yet. */
  async #table(name: VectorTable): Promise<lancedb.Table | undefined> {
    const cached = this.#tables.get(name);
    if (cached) return cached;
    const conn = this.#live();
    if (!(await conn.tableNames()).includes(name)) return undefined;
    const t = await conn.openTable(name);
    this.#tables.set(name, t);
    return t;
  }

  #live(): lancedb.Connection {
    if (!this.#conn) throw new AppError('cancelled', 'The dataset was closed while this request ran (deleted, or Kenning is quitting)');
    return this.#conn;
  }
}
