/**
 * The ingestion stages run alone, in this one process, with no core, queue or worker: the
 * pipeline's own limit. Mirrors electron/worker/pipeline/cognify-item.ts stage by stage, with
 * the same stores (Kùzu, LanceDB, the doc-text folder) in a temporary folder.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';

import { KuzuGraphStore } from '../../../electron/worker/graph/kuzu-graph-store';
import { chunkText } from '../../../electron/worker/ingest/chunk';
import { createEmbedder } from '../../../electron/worker/ingest/embed';
import { extractEntities } from '../../../electron/worker/ingest/extract';
import { parseDocument } from '../../../electron/worker/ingest/parse';
import { summarizeChunk, summarizeDocument } from '../../../electron/worker/ingest/summarize';
import { DocTextStore } from '../../../electron/worker/pipeline/doc-text-store';
import { buildItem } from '../../../electron/worker/pipeline/item-build';
import type { VectorRow, VectorTable } from '../../../electron/worker/stores';
import { VECTOR_TABLES } from '../../../electron/worker/stores';
import { LanceVectorStore } from '../../../electron/worker/vectors/lance-vector-store';
import type { CorpusFile } from './corpus';
import { now } from './stats';

export const STAGES = ['parse', 'chunk', 'extract', 'summarize', 'embed', 'write'] as const;
export type Stage = (typeof STAGES)[number];
export type StageTimes = Record<Stage, number>;

const EMBED_BATCH = 256;

export const zeroStages = (): StageTimes => ({ parse: 0, chunk: 0, extract: 0, summarize: 0, embed: 0, write: 0 });

/** Runs every stage of every file in order; returns total ms per stage and per item. */
export async function runStagesAlone(files: readonly CorpusFile[], dir: string): Promise<{ total: StageTimes; perItem: { bytes: number; ms: number }[] }> {
  const total = zeroStages();
  const perItem: { bytes: number; ms: number }[] = [];
  const embedder = await createEmbedder({ provider: 'local' });
  const graph = await KuzuGraphStore.open(path.join(dir, 'alone.kuzu'));
  const vectors = await LanceVectorStore.open(path.join(dir, 'alone.lance.db'));
  const docs = new DocTextStore(path.join(dir, 'alone.docs'));
  try {
    await vectors.ensureEmbedder(embedder.id, embedder.dimension);
    for (const f of files) {
      const dataId = randomUUID();
      const item0 = now();
      let t = now();
      const lap = (s: Stage) => {
        const x = now();
        total[s] += x - t;
        t = x;
      };
      const doc = await parseDocument(f.bytes, f.name);
      lap('parse');
      const chunks = chunkText(doc.text, { maxChars: 1200, overlapChars: 150 });
      lap('chunk');
      const extraction = extractEntities(doc, chunks);
      lap('extract');
      const chunkSummaries = chunks.map((c) => summarizeChunk(c));
      const documentSummary = summarizeDocument(doc, chunks);
      const built = buildItem({ dataId, dataName: f.name, doc, chunks, extraction, chunkSummaries, documentSummary });
      lap('summarize');
      const rows: Partial<Record<VectorTable, VectorRow[]>> = {};
      for (const table of VECTOR_TABLES) {
        const pending = built.rows[table];
        const out: VectorRow[] = [];
        for (let i = 0; i < pending.length; i += EMBED_BATCH) {
          const batch = pending.slice(i, i + EMBED_BATCH);
          const vs = await embedder.embed(batch.map((r) => r.text));
          batch.forEach((r, n) => out.push({ ...r, vector: vs[n]! }));
        }
        rows[table] = out;
      }
      lap('embed');
      await docs.write(dataId, doc.text);
      await graph.writeItem(built.graph);
      await vectors.writeItem(dataId, rows);
      lap('write');
      perItem.push({ bytes: f.bytes.byteLength, ms: now() - item0 });
    }
  } finally {
    await vectors.close();
    await graph.close();
  }
  return { total, perItem };
}
