/**
 * Cognify of one data item, inside its dataset's worker:
 * classify → parse → chunk → extract → summarize → embed → write graph, vectors and text.
 * Writing is idempotent (each store first removes what an earlier attempt of the same item
 * left), so a crash at any point followed by a re-run gives the result of a clean run.
 */
import fs from 'node:fs/promises';

import { AppError } from '../../../shared/domain/errors';
import type { ItemStage } from '../../../shared/worker-protocol';
import { chunkText } from '../ingest/chunk';
import { extractEntities } from '../ingest/extract';
import type { OpenAiChatClient } from '../ingest/llm';
import { parseDocument } from '../ingest/parse';
import { summarizeChunk, summarizeDocument } from '../ingest/summarize';
import type { Embedder } from '../ingest/types';
import type { GraphStore, VectorRow, VectorStore, VectorTable } from '../stores';
import { VECTOR_TABLES } from '../stores';
import type { DocTextStore } from './doc-text-store';
import { buildItem } from './item-build';
import type { PendingRow } from './item-build';
import { extractWithLlm } from './llm-extract';

export type CognifyItemInput = Readonly<{
  dataId: string;
  dataName: string;
  /** Absolute path of the raw file (computed by main from ids). */
  rawPath: string;
  chunkSize?: number;
  chunkOverlap?: number;
}>;

export type CognifyItemResult = Readonly<{
  chunks: number;
  entities: number;
  relations: number;
  textChars: number;
  embedderId: string;
}>;

export type CognifyItemDeps = Readonly<{
  graph: GraphStore;
  vectors: VectorStore;
  docs: DocTextStore;
  embedder: Embedder;
  /** Present only when the user enabled an LLM: replaces the offline extractor. */
  chat?: OpenAiChatClient | undefined;
  progress: (stage: ItemStage, bytes: number) => void;
  signal?: AbortSignal | undefined;
}>;

const EMBED_BATCH = 256;

export async function cognifyItem(input: CognifyItemInput, deps: CognifyItemDeps): Promise<CognifyItemResult> {
  const { progress, signal } = deps;
  const bytes = await readRaw(input.rawPath, input.dataName);
  progress('classify', bytes.byteLength);
  progress('parse', bytes.byteLength);
  const doc = await parseDocument(bytes, input.dataName);
  checkCancelled(signal);

  progress('chunk', bytes.byteLength);
  const chunks = chunkText(doc.text, { maxChars: input.chunkSize ?? 1200, overlapChars: input.chunkOverlap ?? 150 });
  if (chunks.length === 0) throw new AppError('invalid_input', `${input.dataName} contains no text to index`);

  progress('extract', bytes.byteLength);
  const extraction = deps.chat ? await extractWithLlm(deps.chat, chunks, signal) : extractEntities(doc, chunks);
  checkCancelled(signal);

  progress('summarize', bytes.byteLength);
  const chunkSummaries = chunks.map((c) => summarizeChunk(c));
  const documentSummary = summarizeDocument(doc, chunks);

  const built = buildItem({ dataId: input.dataId, dataName: input.dataName, doc, chunks, extraction, chunkSummaries, documentSummary });

  progress('embed', bytes.byteLength);
  await deps.vectors.ensureEmbedder(deps.embedder.id, deps.embedder.dimension);
  const rows: Partial<Record<VectorTable, VectorRow[]>> = {};
  for (const table of VECTOR_TABLES) {
    rows[table] = await embedRows(deps.embedder, built.rows[table], signal);
  }

  progress('write', bytes.byteLength);
  // Text first: a reader that finds a chunk id can always slice its passage.
  await deps.docs.write(input.dataId, doc.text);
  await deps.graph.writeItem(built.graph);
  await deps.vectors.writeItem(input.dataId, rows);
  return {
    chunks: chunks.length,
    entities: extraction.entities.length,
    relations: extraction.relations.length,
    textChars: doc.text.length,
    embedderId: deps.embedder.id,
  };
}

async function embedRows(embedder: Embedder, rows: readonly PendingRow[], signal?: AbortSignal): Promise<VectorRow[]> {
  const out: VectorRow[] = [];
  for (let i = 0; i < rows.length; i += EMBED_BATCH) {
    checkCancelled(signal);
    const batch = rows.slice(i, i + EMBED_BATCH);
    const vectors = await embedder.embed(batch.map((r) => r.text));
    batch.forEach((r, n) => out.push({ ...r, vector: vectors[n]! }));
  }
  return out;
}

async function readRaw(file: string, name: string): Promise<Uint8Array> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('not_found', `The stored file for ${name} is missing`);
    throw e;
  }
}

function checkCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AppError('cancelled', 'Cancelled');
}
