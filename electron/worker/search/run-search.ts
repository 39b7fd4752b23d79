/**
 * Runs one search type against one dataset's stores, inside its worker. Hits cite their
 * source (data item, chunk, character range); the data item's name is filled in by main,
 * which owns the catalog.
 */
import { AppError } from '../../../shared/domain/errors';
import type { DatasetSearchAnswer, SearchHit, SearchType } from '../../../shared/contract/search';
import type { Citation } from '../../../shared/domain/graph';
import { queryTerms } from '../../../shared/search-terms';
import type { OpenAiChatClient } from '../ingest/llm';
import type { Embedder } from '../ingest/types';
import type { DocTextStore } from '../pipeline/doc-text-store';
import { STRUCTURAL_RELATIONS } from '../pipeline/item-build';
import type { GraphStore, VectorHit, VectorStore, VectorTable } from '../stores';
import { answerSentence } from './answer-sentence';
import { graphReport } from './graph-report';
import { hybridTuning } from './search-tuning';
import { softRerank } from './soft-rerank';

export type WorkerSearchInput = Readonly<{ searchType: SearchType; query: string; topK: number; onlyContext: boolean }>;

export type SearchDeps = Readonly<{
  graph: GraphStore;
  vectors: VectorStore;
  docs: DocTextStore;
  /** The embedder this dataset's vectors were written with (null when it has none yet). */
  embedder: () => Promise<Embedder | null>;
  /** The chat client; throws llm_not_configured when no LLM is set up. */
  chat: () => OpenAiChatClient;
}>;

type Seed = Readonly<{ nodeId: string; score: number; cite?: VectorHit['row'] }>;

/**
 * One search request's dependencies, with the work several search steps share done once:
 * the query's embedding, and the entities seeded for it.
 */
type SearchCtx = SearchDeps &
  Readonly<{
    /** The query's vector with the dataset's embedder; null when nothing is indexed yet. */
    queryVector(): Promise<Float32Array | null>;
    seeds: Map<number, Promise<readonly Seed[]>>;
  }>;

function searchCtx(deps: SearchDeps, query: string): SearchCtx {
  let vector: Promise<Float32Array | null> | undefined;
  return {
    ...deps,
    queryVector: () =>
      (vector ??= deps.embedder().then(async (e) => (e ? (await e.embed([query]))[0]! : null))),
    seeds: new Map(),
  };
}

export async function runSearch(input: WorkerSearchInput, plainDeps: SearchDeps): Promise<DatasetSearchAnswer> {
  const { searchType: type, query, topK } = input;
  const deps = searchCtx(plainDeps, query);
  switch (type) {
    case 'CHUNKS':
      return { hits: await vectorHits(deps, 'DocumentChunk_text', 'chunk', query, topK, 'vector') };
    case 'CHUNKS_LEXICAL':
      return { hits: await vectorHits(deps, 'DocumentChunk_text', 'chunk', query, topK, 'text') };
    case 'CHUNKS_HYBRID':
      return { hits: await vectorHits(deps, 'DocumentChunk_text', 'chunk', query, topK, 'hybrid') };
    case 'SUMMARIES':
      return { hits: await vectorHits(deps, 'TextSummary_text', 'summary', query, topK, 'vector') };
    case 'INSIGHTS':
    case 'TRIPLET':
      return { hits: await tripletHits(deps, query, topK) };
    case 'CYPHER':
      return { hits: [], rows: [...(await deps.graph.cypherRead(query, Math.max(topK, 100)))].map((r) => ({ ...r })) };
    case 'GRAPH_REPORT': {
      const slice = await deps.graph.readGraph({ nodeLimit: 50_000, edgeLimit: 100_000 });
      return { hits: [], report: graphReport(slice, await deps.graph.countsByType(), topK) };
    }
    case 'RAG_COMPLETION':
    case 'GRAPH_COMPLETION':
    case 'HYBRID_COMPLETION':
      return completion(input, deps);
  }
}

async function vectorHits(deps: SearchCtx, table: VectorTable, kind: SearchHit['kind'], query: string, k: number, mode: 'vector' | 'text' | 'hybrid'): Promise<SearchHit[]> {
  let hits: readonly VectorHit[];
  if (mode === 'text') hits = await deps.vectors.searchText(table, query, k);
  else {
    const vector = await deps.queryVector();
    if (!vector) return []; // nothing indexed yet
    hits = mode === 'vector' ? await deps.vectors.searchVector(table, vector, k) : await hybrid(deps, table, vector, query, k);
  }
  const paths = await deps.docs.headingPathsAt(hits.map((h) => ({ dataId: h.row.dataId, start: h.row.start })));
  const answerIn = kind === 'chunk' ? await answerFinder(deps, query) : () => null;
  return hits.map((h, i) => {
    if (h.row.start < 0) return { kind, score: h.score, text: h.row.text, nodeId: h.row.nodeId };
    const answer = answerIn(h.row.text);
    const citation = withHeadingPath({ dataId: h.row.dataId, dataName: '', chunkId: h.row.chunkId, start: h.row.start, end: h.row.end, text: h.row.text }, paths[i]!);
    return {
      kind,
      score: h.score,
      text: h.row.text,
      nodeId: h.row.nodeId,
      citation: answer ? { ...citation, answer: { start: h.row.start + answer[0], end: h.row.start + answer[1] } } : citation,
    };
  });
}

/** Finds the answer sentence in a passage for this query (soft word match when the dataset's embedder has it). */
async function answerFinder(deps: SearchCtx, query: string): Promise<(text: string) => [number, number] | null> {
  const terms = queryTerms(query);
  if (terms.length === 0) return () => null;
  const embedder = await deps.embedder();
  const threshold = hybridTuning().softThreshold;
  const soft = embedder?.softMatch ? (sentence: string) => embedder.softMatch!(terms, sentence, threshold) : undefined;
  return (text) => answerSentence(text, terms, soft);
}

function withHeadingPath(citation: Citation, path: readonly string[]): Citation {
  return path.length > 0 ? { ...citation, headingPath: [...path] } : citation;
}

/**
 * The default ranking (search-tuning.ts, chosen on the retrieval benchmark's dev split): the
 * BM25 and vector halves fused with weights, then the best candidates re-ranked by soft word
 * matching when the embedder offers it (the word-vector one; a remote embedder would cost a
 * round trip per passage, so it is never asked).
 */
async function hybrid(deps: SearchCtx, table: VectorTable, vector: Float32Array, query: string, k: number): Promise<readonly VectorHit[]> {
  const t = hybridTuning();
  const options = { fusion: t.fusion, textWeight: t.textWeight, vectorWeight: t.vectorWeight, rrfK: t.rrfK, depth: t.depth };
  const embedder = t.rerankDepth > 0 ? await deps.embedder() : null;
  const terms = queryTerms(query);
  if (!embedder?.softMatch || terms.length === 0) return deps.vectors.searchHybrid(table, vector, query, k, options);
  const candidates = await deps.vectors.searchHybrid(table, vector, query, Math.max(k, t.rerankDepth), options);
  return softRerank(candidates, (text) => embedder.softMatch!(terms, text, t.softThreshold), t.rerankWeight).slice(0, k);
}

/**
 * Entities relevant to a query: those mentioned in the passages that best match it (the
 * passage carries the context a bare entity name lacks), then those whose names match it.
 */
function seedEntities(deps: SearchCtx, query: string, k: number): Promise<readonly Seed[]> {
  let seeds = deps.seeds.get(k);
  if (!seeds) deps.seeds.set(k, (seeds = findSeeds(deps, query, k)));
  return seeds;
}

async function findSeeds(deps: SearchCtx, query: string, k: number): Promise<Seed[]> {
  const vector = await deps.queryVector();
  if (!vector) return [];
  const out = new Map<string, Seed>();
  const chunks = await deps.vectors.searchHybrid('DocumentChunk_text', vector, query, Math.max(3, Math.ceil(k / 2)));
  for (const c of chunks) {
    const details = await deps.graph.nodeDetails(c.row.nodeId);
    for (const { edge, other } of details?.relations ?? []) {
      if (edge.relation === 'contains' && other.type === 'Entity' && !out.has(other.id)) out.set(other.id, { nodeId: other.id, score: c.score, cite: c.row });
    }
  }
  for (const h of await deps.vectors.searchHybrid('Entity_name', vector, query, k * 2)) {
    if (!out.has(h.row.nodeId)) out.set(h.row.nodeId, { nodeId: h.row.nodeId, score: h.score * 0.5, cite: h.row });
  }
  return [...out.values()];
}

/** Entity–relation–entity triplets around the entities relevant to the query. */
async function tripletHits(deps: SearchCtx, query: string, k: number): Promise<SearchHit[]> {
  const seenTriplets = new Set<string>();
  const out: SearchHit[] = [];
  for (const seed of await seedEntities(deps, query, k)) {
    const details = await deps.graph.nodeDetails(seed.nodeId);
    if (!details) continue;
    for (const { edge, other } of details.relations) {
      if (STRUCTURAL_RELATIONS.has(edge.relation) || other.type !== 'Entity') continue;
      if (seenTriplets.has(edge.id)) continue;
      seenTriplets.add(edge.id);
      const [src, dst] = edge.source === details.node.id ? [details.node, other] : [other, details.node];
      const row = seed.cite;
      const citation =
        row && row.start >= 0
          ? withHeadingPath(
              { dataId: row.dataId, dataName: '', chunkId: row.chunkId, start: row.start, end: row.end, text: await passage(deps, row.chunkId, row.dataId) },
              (await deps.docs.headingPathsAt([row]))[0]!,
            )
          : undefined;
      // Named relations outrank co-occurrence; repeated assertions (weight) add a little.
      const relationBoost = edge.relation === 'co_occurs_with' ? 1 : 1.5;
      out.push({
        kind: 'triplet',
        score: seed.score * relationBoost * (edge.weight ? Math.min(2, 1 + Math.log1p(edge.weight) / 4) : 1),
        text: `${src.name} — ${edge.relation.replace(/_/g, ' ')} → ${dst.name}`,
        nodeId: details.node.id,
        triplet: { source: { id: src.id, name: src.name, ...(src.kind ? { kind: src.kind } : {}) }, relation: edge.relation, target: { id: dst.id, name: dst.name, ...(dst.kind ? { kind: dst.kind } : {}) } },
        ...(citation ? { citation } : {}),
      });
    }
  }
  return out.sort((a, b) => b.score - a.score).slice(0, k);
}

/** Entities relevant to the query, with their descriptions (graph context even where no relation was found). */
async function entityHits(deps: SearchCtx, query: string, k: number): Promise<SearchHit[]> {
  const out: SearchHit[] = [];
  for (const seed of (await seedEntities(deps, query, k)).slice(0, k)) {
    const details = await deps.graph.nodeDetails(seed.nodeId);
    if (!details) continue;
    const kind = details.node.kind ? ` (${details.node.kind})` : '';
    out.push({ kind: 'entity', score: seed.score, nodeId: details.node.id, text: `${details.node.name}${kind}: ${details.node.description ?? ''}`.trim() });
  }
  return out;
}

/** The chunk's passage text for a citation (from the item's extracted text). */
async function passage(deps: SearchDeps, chunkId: string, dataId: string): Promise<string> {
  const m = /:(\d+):(\d+)$/.exec(chunkId);
  return m ? deps.docs.slice(dataId, Number(m[1]), Number(m[2])) : '';
}

async function completion(input: WorkerSearchInput, deps: SearchCtx): Promise<DatasetSearchAnswer> {
  const chunks = input.searchType !== 'GRAPH_COMPLETION' ? await vectorHits(deps, 'DocumentChunk_text', 'chunk', input.query, input.topK, 'hybrid') : [];
  const triplets = input.searchType !== 'RAG_COMPLETION' ? await tripletHits(deps, input.query, input.topK) : [];
  const entities = input.searchType !== 'RAG_COMPLETION' ? await entityHits(deps, input.query, input.topK) : [];
  const hits = [...triplets, ...entities, ...chunks];
  const parts: string[] = [];
  if (entities.length) parts.push('Entities:\n' + entities.map((e) => `- ${e.text}`).join('\n'));
  if (triplets.length) parts.push('Knowledge graph facts:\n' + triplets.map((t) => `- ${t.text}`).join('\n'));
  if (chunks.length) parts.push('Passages:\n' + chunks.map((c, i) => `[${i + 1}] ${c.text}`).join('\n\n'));
  const context = parts.join('\n\n');
  if (input.onlyContext) return { hits, context };
  const chat = deps.chat(); // throws llm_not_configured when off
  if (!context) throw new AppError('not_found', 'Nothing in this dataset is related to the question');
  const answer = await chat.complete(
    [
      { role: 'system', content: 'Answer the question using only the context. If the context does not contain the answer, say so. Be concise.' },
      { role: 'user', content: `Context:\n${context}\n\nQuestion: ${input.query}` },
    ],
    { temperature: 0 },
  );
  return { hits, answer, context };
}
