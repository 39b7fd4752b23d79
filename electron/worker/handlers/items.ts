/** Per data item: cognify it, forget it, read its extracted text. */
import { createChatClient } from '../ingest/llm';
import { embedderFor } from '../app/embedders';
import { forgetItem } from '../pipeline/forget-item';
import { afterWhichTheLayoutIsStale, onStores } from './lane';
import type { HandlersOf } from './types';

export const itemHandlers: HandlersOf<'cognify.batch' | 'data.forget' | 'data.text'> = {
  'cognify.batch': onStores(async (req, stores, ctx) => {
    // Parsers and NLP models load on the first ingest only: a worker that just searches starts faster.
    const { cognifyBatch } = await import('../pipeline/cognify-batch');
    // req.embedder and req.llm are the dataset owner's (main resolves them), whoever started the run.
    const embedder = await embedderFor(req.embedder);
    const chat = req.llm?.enabled ? createChatClient(req.llm) : undefined;
    const r = await afterWhichTheLayoutIsStale(ctx, stores, () =>
      cognifyBatch(req.items, { chunkSize: req.chunkSize, chunkOverlap: req.chunkOverlap }, { ...stores, embedder, chat, signal: ctx.signal, report: (e) => ctx.progress(e) }),
    );
    return { ...r, embedderId: embedder.id, dimension: embedder.dimension };
    // A cancel stops preparing; what was prepared is still committed (cognify-batch.ts).
  }, { commitsAfterCancel: true }),
  'data.forget': onStores(async (req, stores, ctx) => {
    await afterWhichTheLayoutIsStale(ctx, stores, () => forgetItem(req.dataId, stores));
    return { ok: true };
  }),
  'data.text': onStores(async (req, { docs }) => ({ text: await docs.read(req.dataId) })),
};
