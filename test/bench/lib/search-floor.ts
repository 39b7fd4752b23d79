/**
 * The hardware floor of a hybrid search over several LanceDB tables, written independently of
 * the product's search code: in ONE process, the query embedded once, a plain Float32
 * dot-product scan over every table's vectors on one thread per core (SharedArrayBuffer
 * matrices), while LanceDB's own BM25 (FTS, row ids and scores) runs on every table on the
 * engine's threads (`bm25Concurrency` at once); then the same ranking the product applies (the default's
 * weighted fusion and soft re-ranking inside each table, electron/worker/search/search-tuning.ts;
 * then one list across tables by score, as electron/core/search/merge-hits.ts) and the winners'
 * fields read from memory. No IPC, no
 * permissions, no queue: what the machine and the engines can do for the same answer.
 *
 * Lifetime: `open` … `close`.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';

import * as lancedb from '@lancedb/lancedb';
import type * as arrow from 'apache-arrow';

import { DEFAULT_HYBRID_TUNING } from '../../../electron/worker/search/search-tuning';
import { softRerank } from '../../../electron/worker/search/soft-rerank';
import type { VectorHit } from '../../../electron/worker/stores';
import { tieKey } from '../../../electron/worker/vectors/rrf';
import { weightedScoreFusion } from '../../../shared/rank-fusion';
import { queryTerms } from '../../../shared/search-terms';

const TABLE = 'DocumentChunk_text';
const FIELDS = ['id', 'node_id', 'text', 'start_pos', 'end_pos'] as const;

/** The scan thread: top `k` rows of each of its tables by dot product, ties by key (`ids`: the rows' tie keys). Plain JS (eval). */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const tables = workerData.tables.map((t) => ({ at: t.at, m: new Float32Array(t.buffer), rows: t.rows, dim: t.dim, ids: t.ids }));
parentPort.on('message', ({ seq, q, k }) => {
  const out = [];
  for (const t of tables) {
    const idx = [], sc = [];
    const { m, rows, dim, ids } = t;
    for (let r = 0, base = 0; r < rows; r++, base += dim) {
      let e = 0, o = 0, j = 0;
      for (; j + 1 < dim; j += 2) { e += m[base + j] * q[j]; o += m[base + j + 1] * q[j + 1]; }
      if (j < dim) e += m[base + j] * q[j];
      const s = e + o;
      const n = idx.length;
      if (n === k && (s < sc[n - 1] || (s === sc[n - 1] && ids[r] > ids[idx[n - 1]]))) continue;
      let p = n === k ? n - 1 : n;
      while (p > 0 && (sc[p - 1] < s || (sc[p - 1] === s && ids[idx[p - 1]] > ids[r]))) { idx[p] = idx[p - 1]; sc[p] = sc[p - 1]; p--; }
      idx[p] = r; sc[p] = s;
    }
    out.push({ at: t.at, idx, sc });
  }
  parentPort.postMessage({ seq, out });
});
`;

type Table = {
  datasetId: string;
  table: lancedb.Table;
  ids: string[];
  byRowId: Map<number, number>;
  fields: Record<(typeof FIELDS)[number], arrow.Vector>;
};

export type FloorHit = Readonly<{ datasetId: string; nodeId: string; text: string }>;

/** The embedder's soft word match (Embedder.softMatch), when it has one: the product re-ranks with it. */
export type SoftMatch = (queryWords: readonly string[], text: string, threshold: number) => number;

function unit(v: Float32Array, from: number, dim: number): void {
  let s = 0;
  for (let i = from; i < from + dim; i++) s += v[i]! * v[i]!;
  if (s > 0) {
    const inv = 1 / Math.sqrt(s);
    for (let i = from; i < from + dim; i++) v[i] = v[i]! * inv;
  }
}

type Bm25Row = { _rowid: bigint | number; _score: number };

/**
 * LanceDB's BM25 top `k` (row ids and scores) with every row tied at the k-th score: a limit cuts
 * ties in the engine's order, so 4k rows are asked for (about the cost of k), and more while the
 * last still ties with the k-th.
 * Ties then go by the rows' tie keys (content, then row id), as the product ranks them, so both answer the same.
 */
async function bm25(t: lancedb.Table, query: string, k: number): Promise<Bm25Row[]> {
  for (let limit = Math.max(k + 1, 4 * k); ; limit *= 4) {
    const rows = (await t.query().fullTextSearch(query, { columns: ['text'] }).select(['_score']).withRowId().limit(limit).toArray()) as Bm25Row[];
    if (rows.length < limit) return rows;
    const scores = rows.map((r) => r._score).sort((a, b) => b - a);
    if (scores[limit - 1] !== scores[k - 1]) return rows;
  }
}

export class SearchFloor {
  #seq = 0;
  readonly #waiting = new Map<number, { left: number; got: { at: number; idx: number[]; sc: number[] }[]; done: (v: { at: number; idx: number[]; sc: number[] }[]) => void }>();

  /** BM25 queries in flight at once (see #bm25All). */
  bm25Concurrency = 1;

  private constructor(
    readonly tables: readonly Table[],
    readonly threads: readonly Worker[],
    readonly conns: readonly lancedb.Connection[],
  ) {
    for (const w of threads) {
      w.on('message', (m: { seq: number; out: { at: number; idx: number[]; sc: number[] }[] }) => {
        const p = this.#waiting.get(m.seq);
        if (!p) return;
        p.got.push(...m.out);
        if (--p.left === 0) {
          this.#waiting.delete(m.seq);
          p.done(p.got);
        }
      });
    }
  }

  /** Reads every table's vectors, ids, fields and row ids into memory; one scan thread per core. */
  static async open(datasets: readonly { datasetId: string; dir: string }[], threadCount = os.cpus().length): Promise<SearchFloor> {
    const tables: Table[] = [];
    const conns: lancedb.Connection[] = [];
    const shared: { at: number; buffer: SharedArrayBuffer; rows: number; dim: number; ids: string[] }[] = [];
    for (const { datasetId, dir } of datasets) {
      const conn = await lancedb.connect(dir);
      conns.push(conn);
      const table = await conn.openTable(TABLE);
      const data = await table.query().select([...FIELDS, 'vector']).withRowId().toArrow();
      const vec = data.getChild('vector')!;
      const dim = (vec.type as arrow.FixedSizeList).listSize;
      const buffer = new SharedArrayBuffer(data.numRows * dim * 4);
      const m = new Float32Array(buffer);
      let at = 0;
      for (const d of vec.data) {
        m.set((d.children[0]!.values as Float32Array).subarray(0, d.length * dim), at);
        at += d.length * dim;
      }
      for (let base = 0; base < m.length; base += dim) unit(m, base, dim);
      // Equal scores rank by the product's tie key (its content, then its row id): rrf.ts tieKey.
      const ids: string[] = [];
      const [idCol, textCol, startCol, endCol] = ['id', 'text', 'start_pos', 'end_pos'].map((c) => data.getChild(c)!);
      for (let i = 0; i < data.numRows; i++) ids.push(tieKey(textCol!.get(i) as string, Number(startCol!.get(i)), Number(endCol!.get(i)), idCol!.get(i) as string));
      const rowIds = data.getChild('_rowid')!;
      const byRowId = new Map<number, number>();
      for (let i = 0; i < data.numRows; i++) byRowId.set(Number(rowIds.get(i)), i);
      const fields = Object.fromEntries(FIELDS.map((f) => [f, data.getChild(f)!])) as Table['fields'];
      shared.push({ at: tables.length, buffer, rows: data.numRows, dim, ids });
      tables.push({ datasetId, table, ids, byRowId, fields });
    }
    const n = Math.max(1, Math.min(threadCount, tables.length));
    const threads = Array.from({ length: n }, (_, i) => new Worker(THREAD_SOURCE, { eval: true, workerData: { tables: shared.filter((t) => t.at % n === i) } }));
    return new SearchFloor(tables, threads, conns);
  }

  /**
   * BM25 on every table, `bm25Concurrency` queries in flight at once: LanceDB's queries in one
   * process slow each other down (10 at once took ~17 ms, one after another ~9 ms, on 2 cores),
   * so the floor is measured at each setting and the best one counts.
   */
  async #bm25All(query: string, depth: number): Promise<Bm25Row[][]> {
    const out: Bm25Row[][] = new Array(this.tables.length);
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < this.tables.length; i = next++) out[i] = await bm25(this.tables[i]!.table, query, depth);
    };
    await Promise.all(Array.from({ length: Math.min(this.bm25Concurrency, this.tables.length) }, lane));
    return out;
  }

  #scan(q: Float32Array, k: number): Promise<{ at: number; idx: number[]; sc: number[] }[]> {
    const seq = ++this.#seq;
    return new Promise((done) => {
      this.#waiting.set(seq, { left: this.threads.length, got: [], done });
      for (const w of this.threads) w.postMessage({ seq, q, k });
    });
  }

  /** Set to the embedder's soft match to re-rank as the product does (search-tuning.ts rerankDepth). */
  softMatch: SoftMatch | undefined;

  /**
   * Hybrid search of `query` (already embedded as `vector`) over every table, as the default
   * search ranks (search-tuning.ts): n = max(topK, rerankDepth) candidates per table from vector
   * top-(depth·n) and BM25 top-(depth·n) fused by weighted score, re-ranked by soft word match
   * to topK, then all tables' hits by score to topK.
   */
  async search(query: string, vector: Float32Array, topK: number): Promise<FloorHit[]> {
    const tune = DEFAULT_HYBRID_TUNING;
    const terms = queryTerms(query);
    const rerank = this.softMatch && tune.rerankDepth > 0 && terms.length > 0 ? this.softMatch : undefined;
    const candidates = rerank ? Math.max(topK, tune.rerankDepth) : topK;
    const depth = candidates * tune.depth;
    const q = Float32Array.from(vector);
    unit(q, 0, q.length);
    const bm25All = this.#bm25All(query.trim(), depth);
    const [scans, texts] = await Promise.all([this.#scan(q, depth), bm25All]);
    const perTable = new Map(scans.map((s) => [s.at, s]));
    const lists = this.tables.map((t, at) => {
      const s = perTable.get(at)!;
      const byVector = s.idx.map((i, n) => ({ i, score: s.sc[n]! }));
      const byText = texts[at]!
        .map((r) => ({ i: t.byRowId.get(Number(r._rowid))!, score: Number(r._score) }))
        .filter((r) => r.i !== undefined)
        .sort((a, b) => b.score - a.score || (t.ids[a.i]! < t.ids[b.i]! ? -1 : t.ids[a.i]! > t.ids[b.i]! ? 1 : 0))
        .slice(0, depth);
      const fused = weightedScoreFusion([byVector, byText], (r) => t.ids[r.i]!, (r) => r.score, [tune.vectorWeight, tune.textWeight]).slice(0, candidates);
      // As rows, so the product's re-ranking (and its tie key: the row's text and range) applies unchanged.
      const hits: VectorHit[] = fused.map(({ item: { i }, score }) => ({
        row: { id: t.fields.id.get(i) as string, nodeId: t.fields.node_id.get(i) as string, dataId: '', chunkId: '', text: t.fields.text.get(i) as string, start: Number(t.fields.start_pos.get(i)), end: Number(t.fields.end_pos.get(i)) },
        score,
      }));
      const ranked = rerank ? softRerank(hits, (text) => rerank(terms, text, tune.softThreshold), tune.rerankWeight) : hits;
      return ranked.slice(0, topK).map((h) => ({ datasetId: t.datasetId, nodeId: h.row.nodeId, text: h.row.text, score: h.score }));
    });
    // One list by score, as the product merges datasets; equal scores by dataset, then each table's own order.
    return lists
      .flatMap((l, d) => l.map((h, rank) => ({ h, d, rank })))
      .sort((a, b) => b.h.score - a.h.score || a.d - b.d || a.rank - b.rank)
      .slice(0, topK)
      .map(({ h }) => ({ datasetId: h.datasetId, nodeId: h.nodeId, text: h.text }));
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((w) => w.terminate()));
    for (const t of this.tables) t.table.close();
    for (const c of this.conns) c.close();
  }
}
