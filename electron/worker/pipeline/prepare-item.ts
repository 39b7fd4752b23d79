/**
 * The CPU half of cognify for one data item: classify → parse → chunk → extract → summarize →
 * embed, ending in exactly the rows the stores will hold. Touches no store, so it can run on
 * any thread and ahead of the writes (pipeline/batch-writer.ts writes prepared items in bulk).
 */
import { AppError } from '../../../shared/domain/errors';
import type { ItemStage } from '../../../shared/worker-protocol';
import { chunkDocument } from '../ingest/chunk-sections';
import { extractEntities } from '../ingest/extract';
import type { OpenAiChatClient } from '../ingest/llm';
import { parseDocument } from '../ingest/parse';
import { summarizeChunk, summarizeDocument } from '../ingest/summarize';
import type { Chunk, Embedder, Heading, ParsedDocument } from '../ingest/types';
import type { ItemGraph, VectorRow, VectorTable } from '../stores';
import { VECTOR_TABLES } from '../stores';
import { buildItem } from './item-build';
import type { PendingRow } from './item-build';
import { extractWithLlm } from './llm-extract';

export type PrepareItemInput = Readonly<{
  dataId: string;
  dataName: string;
  bytes: Uint8Array;
  chunkSize?: number | undefined;
  chunkOverlap?: number | undefined;
}>;

/** Everything one item writes: its extracted text, its graph and its vector rows. */
export type PreparedItem = Readonly<{
  dataId: string;
  /** The item's size in bytes (progress reports carry it). */
  bytes: number;
  text: string;
  /** The text's headings (offsets into `text`); empty for formats without them. */
  headings: readonly Heading[];
  graph: ItemGraph;
  rows: Readonly<Record<VectorTable, readonly VectorRow[]>>;
}>;

export type PrepareDeps = Readonly<{
  embedder: Embedder;
  /** Present only when the user enabled an LLM: replaces the offline extractor. */
  chat?: OpenAiChatClient | undefined;
  progress?: ((stage: ItemStage) => void) | undefined;
  signal?: AbortSignal | undefined;
}>;

const EMBED_BATCH = 256;

export async function prepareItem(input: PrepareItemInput, deps: PrepareDeps): Promise<PreparedItem> {
  const { signal } = deps;
  const progress = deps.progress ?? (() => undefined);
  progress('classify');
  progress('parse');
  const doc = await parseDocument(input.bytes, input.dataName);
  checkCancelled(signal);

  progress('chunk');
  const chunks = chunkDocument(doc, { maxChars: input.chunkSize ?? 1200, overlapChars: input.chunkOverlap ?? 150 });
  if (chunks.length === 0) throw new AppError('invalid_input', `${input.dataName} contains no text to index`);

  progress('extract');
  const extraction = deps.chat ? await extractWithLlm(deps.chat, chunks, signal) : extractEntities(doc, chunks);
  checkCancelled(signal);

  progress('summarize');
  const chunkSummaries = chunks.map((c) => summarizeChunk(c));
  const documentSummary = summarizeDocument(doc, chunks);
  const built = buildItem({ dataId: input.dataId, dataName: input.dataName, doc, chunks, extraction, chunkSummaries, documentSummary });

  progress('embed');
  const rows = {} as Record<VectorTable, VectorRow[]>;
  const context = chunkContexts(doc, chunks);
  for (const table of VECTOR_TABLES) rows[table] = await embedRows(deps.embedder, built.rows[table], signal, table === 'DocumentChunk_text' ? context : undefined);
  return {
    dataId: input.dataId,
    bytes: input.bytes.byteLength,
    text: doc.text,
    headings: doc.headings ?? [],
    graph: built.graph,
    rows,
  };
}

/**
 * What a passage's vector is computed from besides its own text: the document's title and the
 * passage's heading path, so "Recovering" under "Backup" is found by a question about restoring a
 * backup. Measured on the retrieval benchmark's manual pages (dev split): MRR@10 0.53 → 0.55 over
 * sections alone, 0.45 before sections; the same context in the BM25 field added nothing.
 * Keyed by the chunk's start offset (unique within an item).
 */
function chunkContexts(doc: ParsedDocument, chunks: readonly Chunk[]): Map<number, string> {
  const byStart = new Map<number, string>();
  for (const c of chunks) {
    const parts = [...(doc.title ? [doc.title] : []), ...(c.headingPath ?? [])];
    if (parts.length) byStart.set(c.start, parts.join(' \u203a '));
  }
  return byStart;
}

async function embedRows(embedder: Embedder, rows: readonly PendingRow[], signal?: AbortSignal, context?: Map<number, string>): Promise<VectorRow[]> {
  const out: VectorRow[] = [];
  for (let i = 0; i < rows.length; i += EMBED_BATCH) {
    checkCancelled(signal);
    const batch = rows.slice(i, i + EMBED_BATCH);
    const vectors = await embedder.embed(batch.map((r) => (context?.has(r.start) ? `${context.get(r.start)}\n${r.text}` : r.text)));
    batch.forEach((r, n) => out.push({ ...r, vector: vectors[n]! }));
  }
  return out;
}

function checkCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AppError('cancelled', 'Cancelled');
}
