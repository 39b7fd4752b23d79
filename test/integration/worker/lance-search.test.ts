/**
 * The in-memory search side of the vector store against LanceDB's own answers on the same
 * real tables: vector, BM25 and hybrid agree; snapshots follow every write; equal scores rank
 * by the rows' content, then row id (rrf.ts tieKey); the over-budget modes give the same answers.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import * as lancedb from '@lancedb/lancedb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { VectorHit, VectorRow } from '../../../electron/worker/stores';
import { LanceSearch } from '../../../electron/worker/vectors/lance-search';
import { LanceVectorStore } from '../../../electron/worker/vectors/lance-vector-store';
import { tieKey } from '../../../electron/worker/vectors/rrf';
import { reciprocalRankFusion, weightedScoreFusion } from '../../../shared/rank-fusion';
import { rng } from '../../bench/lib/stats';

const DIM = 8;
const TABLE = 'DocumentChunk_text';
const WORDS = ['river', 'mountain', 'glacier', 'forest', 'harbour', 'whale', 'ship', 'storm', 'island', 'desert', 'valley', 'bridge', 'castle', 'market', 'garden', 'lantern'];
const COLS = ['id', 'node_id', 'data_id', 'chunk_id', 'text', 'start_pos', 'end_pos'];

/** Deterministic pseudo-random numbers in [0, 1) (the benchmarks' generator). */
const random = rng;

function rowsFor(dataId: string, n: number, seed: number): VectorRow[] {
  const r = random(seed);
  return Array.from({ length: n }, (_, i) => {
    const text = Array.from({ length: 6 }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
    const id = `${dataId}-${String(i).padStart(4, '0')}`;
    return { id, nodeId: `node-${id}`, dataId, chunkId: `chunk-${id}`, text, start: i * 10, end: i * 10 + text.length, vector: Float32Array.from({ length: DIM }, () => r() - 0.5) };
  });
}

const ids = (hits: readonly VectorHit[]) => hits.map((h) => h.row.id);

let tmp: string;
const closers: (() => Promise<void> | void)[] = [];
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'kenning-search-'));
});
afterAll(async () => {
  for (const c of closers.reverse()) await c();
  await fs.rm(tmp, { recursive: true, force: true });
});

let n = 0;
async function store(): Promise<{ s: LanceVectorStore; dir: string }> {
  const dir = path.join(tmp, `s${n++}.lance.db`);
  const s = await LanceVectorStore.open(dir);
  closers.push(() => s.close());
  await s.ensureEmbedder('test-8d@1', DIM);
  return { s, dir };
}

/** A raw handle on the same table, for LanceDB's own answers. */
async function rawTable(dir: string): Promise<lancedb.Table> {
  const conn = await lancedb.connect(dir);
  const t = await conn.openTable(TABLE);
  closers.push(() => {
    t.close();
    conn.close();
  });
  return t;
}

type Raw = { id: string; text: string; start_pos: number; end_pos: number; _distance?: number; _score?: number };
const keyOf = (r: Raw) => tieKey(r.text, Number(r.start_pos), Number(r.end_pos), r.id);
const byScoreThenKey = <T extends { score: number; key: string }>(xs: T[]) => xs.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
/** A tie key's row id (the key ends with it; ids here hold no colon). */
const idOf = (key: string) => key.slice(key.lastIndexOf(':') + 1);

/** LanceDB's own ranking of every row, ordered by score then tie key, cut at k (so ties at the cut are settled by key); the rows' tie keys. */
async function lanceVectorScored(t: lancedb.Table, v: Float32Array, k: number): Promise<{ key: string; score: number }[]> {
  const rows = (await t.vectorSearch(v).distanceType('cosine').select([...COLS, '_distance']).limit(100_000).toArray()) as Raw[];
  return byScoreThenKey(rows.map((r) => ({ key: keyOf(r), score: 1 - r._distance! }))).slice(0, k);
}

async function lanceTextScored(t: lancedb.Table, q: string, k: number): Promise<{ key: string; score: number }[]> {
  const rows = (await t.query().fullTextSearch(q, { columns: ['text'] }).select([...COLS, '_score']).limit(100_000).toArray()) as Raw[];
  return byScoreThenKey(rows.map((r) => ({ key: keyOf(r), score: r._score! }))).slice(0, k);
}

const lanceVectorKeys = async (t: lancedb.Table, v: Float32Array, k: number) => (await lanceVectorScored(t, v, k)).map((r) => r.key);
const lanceTextKeys = async (t: lancedb.Table, q: string, k: number) => (await lanceTextScored(t, q, k)).map((r) => r.key);

describe('vector store search (in-memory snapshots)', () => {
  let s: LanceVectorStore;
  let t: lancedb.Table;
  const queries = Array.from({ length: 8 }, (_, i) => {
    const r = random(900 + i);
    return { v: Float32Array.from({ length: DIM }, () => r() - 0.5), q: `${WORDS[i]} ${WORDS[(i * 5 + 3) % WORDS.length]}` };
  });

  beforeAll(async () => {
    const made = await store();
    s = made.s;
    for (const [i, d] of ['d1', 'd2', 'd3'].entries()) await s.writeItem(d, { [TABLE]: rowsFor(d, 200, i + 1) });
    // The store's first full-text search folds d2's and d3's rows into the index (an optimize,
    // which also removes the files of older versions): the raw handle opens after it.
    await s.searchText(TABLE, 'river', 1);
    t = await rawTable(made.dir);
  });

  it('vector search finds what LanceDB finds, with the same cosine scores', async () => {
    for (const { v } of queries) {
      const hits = await s.searchVector(TABLE, v, 20);
      expect(ids(hits)).toEqual((await lanceVectorKeys(t, v, 20)).map(idOf));
      const raw = (await t.vectorSearch(v).distanceType('cosine').select(['id', '_distance']).limit(1).toArray()) as Raw[];
      expect(hits[0]!.score).toBeCloseTo(1 - raw[0]!._distance!, 5);
    }
  });

  it('BM25 finds what LanceDB finds, with whole rows', async () => {
    for (const { q } of queries) {
      const hits = await s.searchText(TABLE, q, 20);
      expect(ids(hits)).toEqual((await lanceTextKeys(t, q, 20)).map(idOf));
      for (const h of hits) expect(h.row).toMatchObject({ nodeId: `node-${h.row.id}`, chunkId: `chunk-${h.row.id}`, end: h.row.start + h.row.text.length });
    }
  });

  it('hybrid is the reciprocal-rank fusion of the two halves at depth 3k', async () => {
    for (const { v, q } of queries) {
      const want = reciprocalRankFusion([await lanceVectorKeys(t, v, 30), await lanceTextKeys(t, q, 30)], (key) => key)
        .slice(0, 10)
        .map((x) => idOf(x.item));
      expect(ids(await s.searchHybrid(TABLE, v, q, 10))).toEqual(want);
    }
  });

  it('hybrid with weighted score fusion (the default search’s) sums each half’s scores over its best, times its weight', async () => {
    for (const { v, q } of queries) {
      // Depth 2 × k = 20 from each half, the vector half at a quarter of BM25's weight.
      const want = weightedScoreFusion([await lanceVectorScored(t, v, 20), await lanceTextScored(t, q, 20)], (r) => r.key, (r) => r.score, [0.25, 1])
        .slice(0, 10)
        .map((x) => idOf(x.item.key));
      const got = await s.searchHybrid(TABLE, v, q, 10, { fusion: 'sum', vectorWeight: 0.25, textWeight: 1, depth: 2 });
      expect(ids(got)).toEqual(want);
    }
    const differs = await Promise.all(queries.map(async ({ v, q }) => ids(await s.searchHybrid(TABLE, v, q, 10, { fusion: 'sum', vectorWeight: 0.25, depth: 2 })).join() !== ids(await s.searchHybrid(TABLE, v, q, 10)).join()));
    expect(differs).toContain(true);
  });

  it('the same query twice gives the same answer', async () => {
    const { v, q } = queries[0]!;
    expect(await s.searchHybrid(TABLE, v, q, 10)).toEqual(await s.searchHybrid(TABLE, v, q, 10));
  });
});

describe('snapshots follow the table', () => {
  it('sees rows added, replaced and deleted, and a wiped and rewritten table', async () => {
    const { s } = await store();
    await s.writeItem('d1', { [TABLE]: rowsFor('d1', 50, 11) });
    const probe = Float32Array.from({ length: DIM }, (_, i) => (i === 0 ? 1 : 0));
    const before = await s.searchHybrid(TABLE, probe, 'zebrafish', 5);
    expect(ids(before).some((id) => id.startsWith('new'))).toBe(false);

    const fresh: VectorRow = { id: 'new-1', nodeId: 'node-new-1', dataId: 'd2', chunkId: 'chunk-new-1', text: 'a zebrafish in the harbour', start: 0, end: 26, vector: probe };
    await s.writeItem('d2', { [TABLE]: [fresh] });
    expect(ids(await s.searchVector(TABLE, probe, 1))).toEqual(['new-1']);
    expect(ids(await s.searchText(TABLE, 'zebrafish', 3))).toEqual(['new-1']);
    expect(ids(await s.searchHybrid(TABLE, probe, 'zebrafish', 3))[0]).toBe('new-1');

    // Rewriting d2 replaces its row; deleting it removes it.
    await s.writeItem('d2', { [TABLE]: [{ ...fresh, id: 'new-2', text: 'a zebrafish again' }] });
    expect(ids(await s.searchText(TABLE, 'zebrafish', 3))).toEqual(['new-2']);
    await s.deleteData('d2');
    expect(ids(await s.searchText(TABLE, 'zebrafish', 3))).toEqual([]);
    expect(ids(await s.searchVector(TABLE, probe, 60)).some((id) => id.startsWith('new'))).toBe(false);

    await s.wipe();
    expect(await s.searchHybrid(TABLE, probe, 'river', 3)).toEqual([]);
    await s.ensureEmbedder('test-8d@1', DIM);
    await s.writeItem('d3', { [TABLE]: [{ ...fresh, id: 'after-wipe', dataId: 'd3' }] });
    expect(ids(await s.searchHybrid(TABLE, probe, 'zebrafish', 3))).toEqual(['after-wipe']);
  });

  it('reads a table once per version: the snapshot is kept until a write', async () => {
    const { s, dir } = await store();
    await s.writeItem('d1', { [TABLE]: rowsFor('d1', 30, 5) });
    const t = await rawTable(dir);
    const search = new LanceSearch();
    const a = await search.snapshot(TABLE, t);
    expect(a).not.toBeNull();
    expect(await search.snapshot(TABLE, t)).toBe(a);
    expect(a!.matrix.rows).toBe(30);
    expect(search.bytes()).toBeGreaterThan(30 * DIM * 4);
    await t.add([{ id: 'x', node_id: 'n', data_id: 'd9', chunk_id: 'c', text: 'lantern', start_pos: 0, end_pos: 7, vector: Array.from({ length: DIM }, () => 0.1) }]);
    const b = await search.snapshot(TABLE, t);
    expect(b).not.toBe(a);
    expect(b!.matrix.rows).toBe(31);
  });
});

describe('ranking never depends on storage order', () => {
  it('rows with equal vectors and equal text rank by row id in every mode', async () => {
    const made = await store();
    const v = Float32Array.from({ length: DIM }, (_, i) => (i % 2 ? 0.3 : -0.2));
    const names = ['m', 'c', 'x', 'a', 'q', 'f'];
    // Written in two items, in an order unrelated to the ids.
    const row = (id: string, dataId: string): VectorRow => ({ id, nodeId: `node-${id}`, dataId, chunkId: `chunk-${id}`, text: 'castle garden lantern', start: 0, end: 21, vector: v });
    await made.s.writeItem('d2', { [TABLE]: names.slice(3).map((id) => row(id, 'd2')) });
    await made.s.writeItem('d1', { [TABLE]: names.slice(0, 3).map((id) => row(id, 'd1')) });
    // Closing folds the rows added after the full-text index was built into it: until then
    // LanceDB scores them apart from the indexed ones, so equal texts would not tie.
    await made.s.close();
    const s = await LanceVectorStore.open(made.dir);
    closers.push(() => s.close());
    const sorted = [...names].sort();
    expect(ids(await s.searchVector(TABLE, v, 4))).toEqual(sorted.slice(0, 4));
    expect(ids(await s.searchText(TABLE, 'lantern', 4))).toEqual(sorted.slice(0, 4));
    expect(ids(await s.searchHybrid(TABLE, v, 'lantern', 4))).toEqual(sorted.slice(0, 4));
  });
});

describe('over the memory budget', () => {
  it('ids-only snapshots and LanceDB itself give the same answers as a full snapshot', async () => {
    const { s, dir } = await store();
    for (const [i, d] of ['d1', 'd2'].entries()) await s.writeItem(d, { [TABLE]: rowsFor(d, 150, 40 + i) });
    const t = await rawTable(dir);
    const full = new LanceSearch();
    const idsOnly = new LanceSearch({ budget: { fullBytes: 0, vectorBytes: 2 ** 30 } });
    const engine = new LanceSearch({ budget: { fullBytes: 0, vectorBytes: 0 } });
    expect((await full.snapshot(TABLE, t))!.fields).not.toBeNull();
    expect((await idsOnly.snapshot(TABLE, t))!.fields).toBeNull();
    expect(await engine.snapshot(TABLE, t)).toBeNull();
    for (let i = 0; i < 5; i++) {
      const r = random(70 + i);
      const v = Float32Array.from({ length: DIM }, () => r() - 0.5);
      const q = `${WORDS[i]} ${WORDS[i + 4]}`;
      const want = await full.hybrid(TABLE, t, v, q, 10);
      expect(await idsOnly.hybrid(TABLE, t, v, q, 10)).toEqual(want);
      expect(ids(await engine.hybrid(TABLE, t, v, q, 10))).toEqual(ids(want));
      const weighted = { fusion: 'sum', vectorWeight: 0.25 } as const;
      const wantWeighted = await full.hybrid(TABLE, t, v, q, 10, weighted);
      expect(await idsOnly.hybrid(TABLE, t, v, q, 10, weighted)).toEqual(wantWeighted);
      expect(ids(await engine.hybrid(TABLE, t, v, q, 10, weighted))).toEqual(ids(wantWeighted));
      expect(await idsOnly.vector(TABLE, t, v, 7)).toEqual(await full.vector(TABLE, t, v, 7));
      expect(ids(await engine.vector(TABLE, t, v, 7))).toEqual(ids(await full.vector(TABLE, t, v, 7)));
      expect(await idsOnly.text(TABLE, t, q, 7)).toEqual(await full.text(TABLE, t, q, 7));
    }
  });
});

describe('large tables', () => {
  it('are read in the background while LanceDB answers, then searched from memory, with the same answers', async () => {
    const { s, dir } = await store();
    await s.writeItem('d1', { [TABLE]: rowsFor('d1', 120, 81) });
    const t = await rawTable(dir);
    const search = new LanceSearch({ syncReadRows: 100 });
    const reference = new LanceSearch();
    const r = random(5);
    const v = Float32Array.from({ length: DIM }, () => r() - 0.5);
    // The first look starts the read and does not wait for it: LanceDB answers meanwhile.
    expect(await search.snapshot(TABLE, t)).toBeNull();
    const meanwhile = await search.hybrid(TABLE, t, v, 'river glacier', 10);
    await search.settled();
    expect(search.bytes()).toBeGreaterThan(0);
    expect(await search.snapshot(TABLE, t)).not.toBeNull();
    const want = await reference.hybrid(TABLE, t, v, 'river glacier', 10);
    expect(await search.hybrid(TABLE, t, v, 'river glacier', 10)).toEqual(want);
    expect(ids(meanwhile)).toEqual(ids(want));
  });
});
