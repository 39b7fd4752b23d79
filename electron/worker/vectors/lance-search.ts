/**
 * The read side of the vector store: vector, BM25 and hybrid search over one Lance table.
 *
 * Each table is searched from an in-memory snapshot of one table version: its vectors as a
 * Float32 matrix (vector-matrix.ts) and, when small enough, its row fields. A hybrid search
 * starts LanceDB's BM25 (asking for row ids and scores only), scans the matrix, fuses the two
 * by reciprocal rank and reads the winners' fields from memory. Measured on 10k × 100-d rows
 * (one process, 2 cores): the scan ~0.6 ms against ~11 ms for LanceDB's flat `vectorSearch`;
 * BM25 ~1.3 ms returning row ids against ~3–4.5 ms returning the text columns.
 *
 * A snapshot is valid for the table version it was read at: every search asks the table its
 * version once (~0.05 ms in-process; ~5 % of a worker's search time) and reads a new snapshot
 * after any write (add, delete, compaction). Like every store call, a search must not run
 * beside a write to the same store (the worker's engine lane runs them one at a time): BM25's
 * row ids are read against the snapshot of the version seen when the search began. A
 * large table is read in the background meanwhile (see SYNC_READ_ROWS). Above the memory
 * budget a table is searched by LanceDB itself, both halves at once. Rankings never depend on
 * the order rows are stored or met in, nor on the random ids of data items: equal scores go by a
 * key made of the row's content, then its id (rrf.ts tieKey), also at the cut of each half.
 */
import type * as lancedb from '@lancedb/lancedb';
import type * as arrow from 'apache-arrow';

import { reciprocalRankFusion, RRF_K, weightedScoreFusion } from '../../../shared/rank-fusion';
import type { HybridOptions, VectorHit, VectorTable } from '../stores';
import { hitKey, sortHits, tieKey } from './rrf';
import { VectorMatrix, normalizeInPlace } from './vector-matrix';
import type { Scored } from './vector-matrix';

type HitRow = VectorHit['row'];

const COLUMNS = ['id', 'node_id', 'data_id', 'chunk_id', 'text', 'start_pos', 'end_pos'] as const;
/** Hybrid fetches this many times k from each half before fusing. */
export const HYBRID_DEPTH = 3;
const MAX_DEPTH = 1000;
/** Bound on the rows one search reads to settle a tie at its cut (beyond it the engine's choice stands). */
const MAX_FETCH = 10_000;

type LanceRow = { id: string; node_id: string; data_id: string; chunk_id: string; text: string; start_pos: number; end_pos: number };

function toHitRow(r: LanceRow): HitRow {
  return { id: r.id, nodeId: r.node_id, dataId: r.data_id, chunkId: r.chunk_id, text: r.text, start: Number(r.start_pos), end: Number(r.end_pos) };
}

/**
 * How much memory one table's snapshot may take. `fullBytes`: vectors and row fields (LanceDB's
 * own size of the table); above it only vectors and ids are kept and the winners' fields are
 * read back with one take by row id. `vectorBytes`: the vectors alone; above it the table is
 * searched by LanceDB (a flat scan: ~87 ms for 100k rows against ~20 ms for the matrix, measured
 * on a busy 2-core machine), so the bound is memory, not speed.
 */
export type SnapshotBudget = Readonly<{ fullBytes: number; vectorBytes: number }>;

/**
 * 48 MiB of table (LanceDB's count; the snapshot of 10k chunks of ~250 characters at 100-d took
 * 9.6 MB against LanceDB's 7.2 MB) is ~65k such chunks, or a ~30 MB corpus in 1,200-character
 * chunks, kept whole; 96 MiB of vectors is 240k rows at 100 dimensions (16k at 1,536). A
 * dataset worker aims at ≤ 350 MiB, so one full-sized table still leaves room for the engines.
 */
export const DEFAULT_SNAPSHOT_BUDGET: SnapshotBudget = { fullBytes: 48 * 2 ** 20, vectorBytes: 96 * 2 ** 20 };

/**
 * Tables of at most this many rows are read into memory before the search that needs them
 * (~6 µs a row: 10k rows ~60 ms, once per table version). A larger table is read in the
 * background while LanceDB answers (100k rows: a ~0.8 s read against ~45 ms for LanceDB's own
 * hybrid search), so a write to a big dataset never stalls the next search.
 */
export const SYNC_READ_ROWS = 20_000;

export type LanceSearchOptions = Readonly<{ budget?: SnapshotBudget; syncReadRows?: number }>;

/** One table version in memory: the matrix, row id → row, and (if kept) the row fields. */
export class TableSnapshot {
  readonly #byRowId = new Map<number, number>();

  constructor(
    readonly version: number,
    readonly matrix: VectorMatrix,
    readonly rowIds: arrow.Vector,
    /** The row fields by column, or null when only ids were kept (fields are then read back by row id). */
    readonly fields: Readonly<Record<(typeof COLUMNS)[number], arrow.Vector>> | null,
    /** Bytes held (the Arrow buffers read, vectors normalised in place). */
    readonly bytes: number,
  ) {
    for (let i = 0; i < rowIds.length; i++) this.#byRowId.set(Number(rowIds.get(i)), i);
  }

  indexOf(rowId: number | bigint): number | undefined {
    return this.#byRowId.get(Number(rowId));
  }

  /** The fields of the given rows, in the order given. */
  async rows(t: lancedb.Table, indices: readonly number[]): Promise<HitRow[]> {
    const f = this.fields;
    if (f) {
      return indices.map((i) => ({
        id: f.id.get(i) as string,
        nodeId: f.node_id.get(i) as string,
        dataId: f.data_id.get(i) as string,
        chunkId: f.chunk_id.get(i) as string,
        text: f.text.get(i) as string,
        start: Number(f.start_pos.get(i)),
        end: Number(f.end_pos.get(i)),
      }));
    }
    if (indices.length === 0) return [];
    const ids = indices.map((i) => this.rowIds.get(i) as bigint);
    const got = (await t.takeRowIds(ids).select([...COLUMNS]).withRowId().toArray()) as (LanceRow & { _rowid: bigint | number })[];
    const byId = new Map(got.map((r) => [Number(r._rowid), toHitRow(r)]));
    return ids.map((id) => {
      const row = byId.get(Number(id));
      if (!row) throw new Error(`row ${id} vanished from table version ${this.version}`);
      return row;
    });
  }
}

/** Reads a snapshot of `t` at `version`, or null when it does not fit the budget. */
export async function readSnapshot(t: lancedb.Table, version: number, budget: SnapshotBudget): Promise<TableSnapshot | null> {
  const schema = await t.schema();
  const vectorType = schema.fields.find((f) => f.name === 'vector')?.type as arrow.FixedSizeList | undefined;
  const dim = vectorType?.listSize;
  if (!dim) return null;
  const rows = await t.countRows();
  if (rows * dim * 4 > budget.vectorBytes) return null;
  const full = (await t.stats()).totalBytes <= budget.fullBytes;
  // The text and range are read even when only vectors and ids are kept: they make the tie-break keys.
  const table = await t
    .query()
    .select(full ? [...COLUMNS, 'vector'] : ['id', 'text', 'start_pos', 'end_pos', 'vector'])
    .withRowId()
    .toArrow();
  const blocks: Float32Array[] = [];
  for (const d of table.getChild('vector')!.data) {
    // A FixedSizeList chunk's child values start at its first row (Arrow slices children with it).
    const block = (d.children[0]!.values as Float32Array).subarray(0, d.length * dim);
    for (let base = 0; base < block.length; base += dim) normalizeInPlace(block, base, dim);
    blocks.push(block);
  }
  const col = (name: string): arrow.Vector => table.getChild(name)!;
  // Keys as strings once: they are the tie-break and fusion key, compared many times a search.
  // Content first (rrf.ts tieKey), so equal scores rank alike in any dataset holding the same files.
  const keys: string[] = [];
  const [id, text, start, end] = [col('id'), col('text'), col('start_pos'), col('end_pos')];
  for (let i = 0; i < table.numRows; i++) keys.push(tieKey(text.get(i) as string, Number(start.get(i)), Number(end.get(i)), id.get(i) as string));
  const matrix = new VectorMatrix(blocks, dim, (i) => keys[i]!);
  if (matrix.rows !== table.numRows) throw new Error(`snapshot of version ${version}: ${matrix.rows} vectors for ${table.numRows} rows`);
  const fields = full ? (Object.fromEntries(COLUMNS.map((c) => [c, col(c)])) as Record<(typeof COLUMNS)[number], arrow.Vector>) : null;
  let bytes = 0;
  const kept = new Set(full ? [...COLUMNS, 'vector', '_rowid'] : ['vector', '_rowid']);
  table.schema.fields.forEach((f, c) => {
    if (kept.has(f.name)) for (const batch of table.batches) bytes += dataBytes(batch.data.children[c]!);
  });
  for (const k of keys) bytes += 2 * k.length;
  return new TableSnapshot(version, matrix, col('_rowid'), fields, bytes);
}

function dataBytes(d: arrow.Data): number {
  let n = (d.values?.byteLength ?? 0) + (d.valueOffsets?.byteLength ?? 0) + (d.nullBitmap?.byteLength ?? 0);
  for (const c of d.children) n += dataBytes(c);
  return n;
}

type Entry = {
  table: lancedb.Table;
  version: number;
  read: Promise<TableSnapshot | null>;
  /** Set once `read` settles: the snapshot, or null (over budget). */
  done?: { snapshot: TableSnapshot | null };
  /** Read in the background: searches use LanceDB until it is done. */
  background: boolean;
};

/**
 * The searches of one store's tables. Lifetime: the store's. A table handle replaced (created,
 * or dropped by a wipe) or written through (a new version) gets a new snapshot on its next search.
 */
export class LanceSearch {
  readonly #entries = new Map<VectorTable, Entry>();
  readonly budget: SnapshotBudget;
  readonly #syncReadRows: number;

  constructor(o: LanceSearchOptions = {}) {
    this.budget = o.budget ?? DEFAULT_SNAPSHOT_BUDGET;
    this.#syncReadRows = o.syncReadRows ?? SYNC_READ_ROWS;
  }

  /**
   * The snapshot of `t`'s current version (read once per version), or null when the table is
   * over budget or still being read in the background (then LanceDB answers).
   */
  async snapshot(name: VectorTable, t: lancedb.Table): Promise<TableSnapshot | null> {
    const version = await t.version();
    const old = this.#entries.get(name);
    let e: Entry;
    if (old && old.table === t && old.version === version) e = old;
    else {
      // One background read at a time: while a stale one finishes, LanceDB answers.
      if (old?.background && !old.done && old.table === t) return null;
      e = await this.#startRead(name, t, version);
    }
    if (e.done) return e.done.snapshot;
    if (e.background) return null;
    return e.read;
  }

  async #startRead(name: VectorTable, t: lancedb.Table, version: number): Promise<Entry> {
    const background = (await t.countRows()) > this.#syncReadRows;
    const read = readSnapshot(t, version, this.budget);
    const entry: Entry = { table: t, version, read, background };
    this.#entries.set(name, entry);
    read.then(
      (snapshot) => (entry.done = { snapshot }),
      () => {
        if (this.#entries.get(name) === entry) this.#entries.delete(name); // the next search tries again
      },
    );
    return entry;
  }

  /** Resolves once no snapshot is being read (tests). */
  async settled(): Promise<void> {
    await Promise.all([...this.#entries.values()].map((e) => e.read.catch(() => null)));
  }

  /** Bytes held by the snapshots read so far (diagnostics and tests). */
  bytes(): number {
    let n = 0;
    for (const e of this.#entries.values()) n += e.done?.snapshot?.bytes ?? 0;
    return n;
  }

  async vector(name: VectorTable, t: lancedb.Table, vector: Float32Array, k: number): Promise<VectorHit[]> {
    const snap = await this.snapshot(name, t);
    if (!snap) return lanceVector(t, vector, k);
    const top = snap.matrix.topK(vector, k);
    const rows = await snap.rows(t, top.map((s) => s.index));
    return top.map((s, i) => ({ row: rows[i]!, score: s.score }));
  }

  async text(name: VectorTable, t: lancedb.Table, query: string, k: number): Promise<VectorHit[]> {
    const q = query.trim();
    if (q === '') return [];
    const snap = await this.snapshot(name, t);
    // Without the fields in memory, one query returning them beats ids then a take.
    if (!snap?.fields) return lanceText(t, q, k);
    const top = rankText(snap, await bm25RowIds(t, q, k), k);
    const rows = await snap.rows(t, top.map((s) => s.index));
    return top.map((s, i) => ({ row: rows[i]!, score: s.score }));
  }

  /**
   * Vector top-(depth·k) and BM25 top-(depth·k) at the same time, fused (options: weighted
   * reciprocal rank or weighted score sum); the best k.
   */
  async hybrid(name: VectorTable, t: lancedb.Table, vector: Float32Array, query: string, k: number, o: HybridOptions = {}): Promise<VectorHit[]> {
    const depth = Math.min(MAX_DEPTH, k * (o.depth ?? HYBRID_DEPTH));
    const q = query.trim();
    // BM25 first, on LanceDB's threads: with a snapshot in memory already (the usual case) even
    // before the version check, which the row ids it returns are then read against.
    const early = q !== '' && this.#entries.get(name)?.done?.snapshot ? bm25RowIds(t, q, depth) : undefined;
    early?.catch(() => undefined); // observed below, unless LanceDB answers instead
    const snap = await this.snapshot(name, t);
    if (!snap) return lanceHybrid(t, vector, q, k, depth, o);
    const bm25 = early ?? (q === '' ? Promise.resolve([]) : bm25RowIds(t, q, depth));
    let byVector: Scored[];
    try {
      byVector = snap.matrix.topK(vector, depth);
    } finally {
      await bm25.catch(() => undefined); // never leave the engine's promise unobserved
    }
    const byText = rankText(snap, await bm25, depth);
    const fused = fuse([byVector, byText], (s) => snap.matrix.key(s.index), (s) => s.score, o).slice(0, k);
    const rows = await snap.rows(t, fused.map((f) => f.item.index));
    return fused.map((f, i) => ({ row: rows[i]!, score: f.score }));
  }
}

/**
 * The engine's best `k` by `score`, and every row tied with the k-th: an engine cuts a tie at
 * its limit in whatever order it meets the rows, so more rows than asked are fetched, and more
 * while the last row fetched still ties with the k-th (until nothing more matches). The caller
 * then orders by score and row id. BM25 scores tie often (in the search benchmark's corpus the
 * 30th and 31st hit tied in 61 of 200 queries), while a limit of 4k costs about what k does
 * (LanceDB's fixed cost per query dominates), hence the generous first limit.
 */
async function wholeTies<T>(fetch: (limit: number) => Promise<T[]>, score: (row: T) => number, k: number): Promise<T[]> {
  for (let limit = Math.max(k + 1, 4 * k); ; limit *= 4) {
    const rows = await fetch(limit);
    if (rows.length < limit || limit >= MAX_FETCH) return rows;
    const scores = rows.map(score).sort((a, b) => b - a);
    if (scores[scores.length - 1] !== scores[k - 1]) return rows; // (NaN scores never tie)
  }
}

/** Fuses [vector, text] lists by the options' method and weights (defaults: plain RRF). */
function fuse<T>(lists: readonly [readonly T[], readonly T[]], key: (x: T) => string, score: (x: T) => number, o: HybridOptions): Array<{ item: T; score: number }> {
  const weights = [o.vectorWeight ?? 1, o.textWeight ?? 1];
  return o.fusion === 'sum' ? weightedScoreFusion(lists, key, score, weights) : reciprocalRankFusion(lists, key, o.rrfK ?? RRF_K, weights);
}

type RowScore = { rowId: number | bigint; score: number };

async function bm25RowIds(t: lancedb.Table, query: string, k: number): Promise<RowScore[]> {
  const fetch = async (limit: number): Promise<RowScore[]> => {
    // Columns straight from Arrow: no row objects for a result that is two numbers a row.
    const got = await t.query().fullTextSearch(query, { columns: ['text'] }).select(['_score']).withRowId().limit(limit).toArrow();
    const ids = got.getChild('_rowid');
    const scores = got.getChild('_score');
    const out: RowScore[] = [];
    for (let i = 0; i < got.numRows; i++) out.push({ rowId: ids!.get(i) as bigint, score: Number(scores!.get(i)) });
    return out;
  };
  return wholeTies(fetch, (r) => r.score, k);
}

/** BM25 hits as snapshot rows, best first, equal scores by tie key (never by arrival order). */
function rankText(snap: TableSnapshot, hits: readonly RowScore[], k: number): Scored[] {
  const out: Scored[] = [];
  for (const h of hits) {
    const index = snap.indexOf(h.rowId);
    if (index !== undefined) out.push({ index, score: h.score });
  }
  const key = snap.matrix.key;
  return out.sort((a, b) => b.score - a.score || (key(a.index) < key(b.index) ? -1 : key(a.index) > key(b.index) ? 1 : 0)).slice(0, k);
}

// LanceDB's own search: for tables over the snapshot budget, and if a table changed mid-search.

async function lanceVector(t: lancedb.Table, vector: Float32Array, k: number): Promise<VectorHit[]> {
  const fetch = async (limit: number) =>
    ((await t.vectorSearch(vector).distanceType('cosine').select([...COLUMNS, '_distance']).limit(limit).toArray()) as (LanceRow & { _distance: number })[]).map((r) => ({
      row: toHitRow(r),
      score: 1 - Number(r._distance),
    }));
  return sortHits(await wholeTies(fetch, (h) => h.score, k)).slice(0, k);
}

async function lanceText(t: lancedb.Table, query: string, k: number): Promise<VectorHit[]> {
  if (query === '') return [];
  const fetch = async (limit: number) =>
    ((await t.query().fullTextSearch(query, { columns: ['text'] }).select([...COLUMNS, '_score']).limit(limit).toArray()) as (LanceRow & { _score: number })[]).map((r) => ({
      row: toHitRow(r),
      score: Number(r._score),
    }));
  return sortHits(await wholeTies(fetch, (h) => h.score, k)).slice(0, k);
}

async function lanceHybrid(t: lancedb.Table, vector: Float32Array, query: string, k: number, depth: number, o: HybridOptions): Promise<VectorHit[]> {
  const [byVector, byText] = await Promise.all([lanceVector(t, vector, depth), lanceText(t, query, depth)]);
  return fuse([byVector, byText], hitKey, (h) => h.score, o)
    .slice(0, k)
    .map(({ item, score }) => ({ row: item.row, score }));
}
