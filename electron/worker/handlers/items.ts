/** Per data item: cognify it, forget it, read its extracted text. */
import { createChatClient } from '../ingest/llm';
import { embedderFor } from '../app/embedders';
import { forgetItem } from '../pipeline/forget-item';
import { onStores } from './lane';
import type { HandlersOf } from './types';

export const itemHandlers: HandlersOf<'cognify.item' | 'data.forget' | 'data.text'> = {
  'cognify.item': onStores(async (req, stores, ctx) => {
    // Parsers and NLP models load on the first ingest only: a worker that just searches starts faster.
    const { cognifyItem } = await import('../pipeline/cognify-item');
    // req.embedder and req.llm are the dataset owner's (main resolves them), whoever started the run.
    const embedder = await embedderFor(req.embedder);
    const chat = req.llm?.enabled ? createChatClient(req.llm) : undefined;
    const r = await cognifyItem(
      { dataId: req.dataId, dataName: req.dataName, rawPath: req.rawPath, ...(req.chunkSize ? { chunkSize: req.chunkSize } : {}), ...(req.chunkOverlap ? { chunkOverlap: req.chunkOverlap } : {}) },
      { ...stores, embedder, chat, signal: ctx.signal, progress: (stage, bytes) => ctx.progress({ stage, done: bytes }) },
    );
    return { ...r, dimension: embedder.dimension };
  }),
  'data.forget': onStores(async (req, stores) => {
    await forgetItem(req.dataId, stores);
    return { ok: true };
  }),
  'data.text': onStores(async (req, { docs }) => ({ text: await docs.read(req.dataId) })),
};
