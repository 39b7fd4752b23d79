/**
 * The ingestion stages run alone, in this one process, with no core, queue or worker: the
 * pipeline's own limit. Runs the product's own code, instrumented, not a copy of it:
 * `prepareItem` (its progress callback marks where each stage starts) and the stores'
 * `writeItems`, one item at a time, on Kùzu, LanceDB and the doc-text folder in a temporary folder.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';

import { KuzuGraphStore } from '../../../electron/worker/graph/kuzu-graph-store';
import { createEmbedder } from '../../../electron/worker/ingest/embed';
import { DocTextStore } from '../../../electron/worker/pipeline/doc-text-store';
import { prepareItem } from '../../../electron/worker/pipeline/prepare-item';
import { LanceVectorStore } from '../../../electron/worker/vectors/lance-vector-store';
import type { CorpusFile } from './corpus';
import { now } from './stats';

export const STAGES = ['parse', 'chunk', 'extract', 'summarize', 'embed', 'write'] as const;
export type Stage = (typeof STAGES)[number];
export type StageTimes = Record<Stage, number>;

export const zeroStages = (): StageTimes => ({ parse: 0, chunk: 0, extract: 0, summarize: 0, embed: 0, write: 0 });

const isStage = (s: string): s is Stage => (STAGES as readonly string[]).includes(s);

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
      const item0 = now();
      let current: Stage | null = null;
      let t = now();
      // Each progress call ends the stage before it ('classify' is part of parse here).
      const enter = (stage: Stage | null) => {
        const x = now();
        if (current) total[current] += x - t;
        current = stage;
        t = x;
      };
      const prepared = await prepareItem({ dataId: randomUUID(), dataName: f.name, bytes: f.bytes }, { embedder, progress: (s) => isStage(s) && enter(s) });
      enter('write');
      await docs.write(prepared.dataId, prepared.text);
      const { rewritten } = await graph.writeItems([prepared.graph]);
      await vectors.writeItems([{ dataId: prepared.dataId, rows: prepared.rows }], rewritten);
      enter(null);
      perItem.push({ bytes: f.bytes.byteLength, ms: now() - item0 });
    }
  } finally {
    await vectors.close();
    await graph.close();
  }
  return { total, perItem };
}
