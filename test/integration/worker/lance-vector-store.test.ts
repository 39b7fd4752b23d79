import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppError } from '../../../shared/domain/errors';
import type { VectorRow } from '../../../electron/worker/stores';
import { LanceVectorStore } from '../../../electron/worker/vectors/lance-vector-store';

let tmp: string;
let n = 0;
const stores: LanceVectorStore[] = [];
async function fresh(): Promise<LanceVectorStore> {
  const s = await LanceVectorStore.open(path.join(tmp, `v${n++}.lance.db`));
  stores.push(s);
  await s.ensureEmbedder('test-4d@1', 4);
  return s;
}
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'kenning-vec-'));
});
afterAll(async () => {
  for (const s of stores) await s.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

const row = (id: string, dataId: string, text: string, v: number[]): VectorRow => ({
  id, nodeId: `node-${id}`, dataId, chunkId: `chunk-${id}`, text, start: 0, end: text.length, vector: Float32Array.from(v),
});
const CORPUS = [
  row('cat', 'd1', 'the cat sat on the mat', [1, 0, 0, 0]),
  row('dog', 'd1', 'dogs chase cats in the park', [0, 1, 0, 0]),
  row('stock', 'd2', 'stock prices fell sharply', [0, 0, 1, 0]),
  row('hat', 'd2', 'a kitten in a hat', [0.9, 0.1, 0, 0]),
];
async function seeded(): Promise<LanceVectorStore> {
  const s = await fresh();
  await s.writeItem('d1', { DocumentChunk_text: CORPUS.filter((r) => r.dataId === 'd1') });
  await s.writeItem('d2', { DocumentChunk_text: CORPUS.filter((r) => r.dataId === 'd2') });
  return s;
}
const code = async (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof AppError ? e.code : String(e)));

describe('LanceVectorStore', () => {
  it('vector search returns the nearest rows first', async () => {
    const s = await seeded();
    const hits = await s.searchVector('DocumentChunk_text', Float32Array.from([1, 0, 0, 0]), 2);
    expect(hits.map((h) => h.row.id)).toEqual(['cat', 'hat']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits[0]!.row).toEqual({ id: 'cat', nodeId: 'node-cat', dataId: 'd1', chunkId: 'chunk-cat', text: 'the cat sat on the mat', start: 0, end: 22 });
  });

  it('full-text search finds rows by words (BM25)', async () => {
    const s = await seeded();
    expect((await s.searchText('DocumentChunk_text', 'stock prices', 5)).map((h) => h.row.id)).toEqual(['stock']);
    expect((await s.searchText('DocumentChunk_text', 'cat', 5)).map((h) => h.row.id)).toContain('cat');
    expect(await s.searchText('DocumentChunk_text', '   ', 5)).toEqual([]);
  });

  it('hybrid search fuses both: a row strong in both lists ranks first', async () => {
    const s = await seeded();
    const hits = await s.searchHybrid('DocumentChunk_text', Float32Array.from([0, 0, 0.9, 0.1]), 'stock', 3);
    expect(hits[0]!.row.id).toBe('stock');
    expect(hits.length).toBe(3);
  });

  it('writeItem twice leaves no duplicates; deleteData removes the rows of one item', async () => {
    const s = await seeded();
    await s.writeItem('d1', { DocumentChunk_text: CORPUS.filter((r) => r.dataId === 'd1') });
    expect(await s.count('DocumentChunk_text')).toBe(4);
    await s.deleteData('d1');
    expect(await s.count('DocumentChunk_text')).toBe(2);
    const ids = (await s.searchVector('DocumentChunk_text', Float32Array.from([1, 0, 0, 0]), 10)).map((h) => h.row.id);
    expect(ids.sort()).toEqual(['hat', 'stock']);
    expect((await s.searchText('DocumentChunk_text', 'dogs', 5)).length).toBe(0);
  });

  it('tables are created lazily and separately', async () => {
    const s = await fresh();
    expect(await s.count('Entity_name')).toBe(0);
    expect(await s.searchVector('Entity_name', Float32Array.from([1, 0, 0, 0]), 3)).toEqual([]);
    await s.writeItem('d1', { Entity_name: [row('e1', 'd1', 'Marie Curie', [0, 0, 0, 1])] });
    expect(await s.count('Entity_name')).toBe(1);
    expect(await s.count('DocumentChunk_text')).toBe(0);
  });

  it('refuses a different embedder or dimension, and vectors of the wrong size', async () => {
    const s = await fresh();
    await s.ensureEmbedder('test-4d@1', 4); // same: fine
    expect(await code(s.ensureEmbedder('other@1', 4))).toBe('conflict');
    expect(await code(s.ensureEmbedder('test-4d@1', 8))).toBe('conflict');
    expect(await code(s.writeItem('d1', { DocumentChunk_text: [row('x', 'd1', 't', [1, 0])] }))).toBe('invalid_input');
    expect(await code(s.writeItem('d1', { DocumentChunk_text: [row('x', 'd2', 't', [1, 0, 0, 0])] }))).toBe('invalid_input');
    expect(await code(s.writeItem('d1', { Bogus: [] } as never))).toBe('invalid_input');
    expect(await s.embedderInfo()).toEqual({ embedderId: 'test-4d@1', dimension: 4 });
  });

  it('the embedder record survives reopening; wipe clears it and the rows', async () => {
    const dir = path.join(tmp, 'reopen.lance.db');
    const a = await LanceVectorStore.open(dir);
    await a.ensureEmbedder('test-4d@1', 4);
    await a.writeItem('d1', { DocumentChunk_text: [CORPUS[0]!] });
    await a.close();
    await a.close(); // idempotent
    const b = await LanceVectorStore.open(dir);
    stores.push(b);
    expect(await b.embedderInfo()).toEqual({ embedderId: 'test-4d@1', dimension: 4 });
    expect(await code(b.ensureEmbedder('other@1', 4))).toBe('conflict');
    expect(await b.count('DocumentChunk_text')).toBe(1);
    await b.wipe();
    expect(await b.embedderInfo()).toBeNull();
    expect(await b.count('DocumentChunk_text')).toBe(0);
    await b.ensureEmbedder('other@1', 8);
  });
});
