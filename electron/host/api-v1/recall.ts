/**
 * /api/v1/recall (Cognee's memory-oriented search) and the search history behind GET /search
 * and GET /recall, as cognee/api/v1/recall/routers/get_recall_router.py and
 * search/routers/get_search_router.py answer them.
 *
 * Recall runs the same search as POST /search (search.ts) and answers Cognee's RecallResponse
 * list: one `source: "graph"` item per result, each with a renderable `text`. Kenning keeps no
 * session cache, so the `session` and `trace` scopes contribute nothing.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';

import type { DatasetSearchResult, SearchHit } from '../../../shared/contract/search';
import type { Core } from '../../core/core';
import type { HostContext } from '../context';
import { callCore, camelKeys, parse, v1 } from './common';
import { ApiSearchTypeEnum } from './search-types';
import { cogneeSearch, SearchBody } from './search';

/** Scopes that reach the graph; `session`, `trace`, `session_context`, `tools` and `code` have nothing in Kenning. */
const GRAPH_SCOPES = new Set(['auto', 'all', 'graph', 'graph_context']);

const RecallBody = SearchBody.extend({
  // Cognee's default is HYBRID_COMPLETION; an explicit null asks it to route the query itself.
  searchType: ApiSearchTypeEnum.nullable().default('HYBRID_COMPLETION'),
  query: z.string().default('What is in the document?'),
  sessionId: z.string().nullish(),
  scope: z.union([z.string(), z.array(z.string())]).nullish(),
});

export function registerRecallRoutes(app: FastifyInstance, ctx: HostContext): void {
  const { core } = ctx;
  app.post('/api/v1/recall', v1((req) => recall(core, req)));
  app.get('/api/v1/recall', v1((req) => history(core, req)));
  app.get('/api/v1/search', v1((req) => history(core, req)));
}

async function recall(core: Core, req: FastifyRequest): Promise<unknown> {
  const b = parse(RecallBody, camelKeys(req.body ?? {}), 'body');
  const scopes = b.scope == null ? ['auto'] : Array.isArray(b.scope) ? b.scope : [b.scope];
  if (!scopes.some((s) => GRAPH_SCOPES.has(s))) {
    await callCore(core, req, 'auth.me', {}); // still only for a signed-in caller
    return [];
  }
  // null = let the server route the query: Kenning's offline router (FEELING_LUCKY in search-types.ts).
  const results = await cogneeSearch(core, req, { ...b, searchType: b.searchType ?? 'FEELING_LUCKY' });
  const label = b.searchType ?? 'FEELING_LUCKY';
  return results.flatMap((d) => recallItems(d, label));
}

/** Cognee's SearchResultItem with `source: "graph"`: `text` always renderable, the original under `raw`. */
function recallItems(d: DatasetSearchResult, searchType: string) {
  const item = (kind: string, text: string, extra: Readonly<{ score?: number; metadata?: Record<string, unknown>; raw?: Record<string, unknown> }> = {}) => ({
    source: 'graph',
    kind,
    search_type: searchType,
    text,
    score: extra.score ?? null,
    dataset_id: d.datasetId,
    dataset_name: d.datasetName,
    metadata: extra.metadata ?? {},
    raw: extra.raw ?? {},
    structured: null,
  });
  if (d.answer !== undefined) return [item(searchType === 'RAG_COMPLETION' ? 'rag_completion' : 'graph_completion', d.answer)];
  if (d.context !== undefined) return [item('unknown', typeof d.context === 'string' ? d.context : JSON.stringify(d.context))];
  if (d.rows !== undefined) return d.rows.map((r) => item('cypher', JSON.stringify(r), { raw: { row: r } }));
  if (d.report !== undefined) return [item('unknown', JSON.stringify(d.report), { raw: { report: d.report } })];
  return (d.hits ?? []).map((h) => item(h.kind === 'summary' ? 'summary' : 'chunk', h.text, { score: h.score, metadata: hitMetadata(h), raw: { ...h } }));
}

function hitMetadata(h: SearchHit): Record<string, unknown> {
  return h.citation ? { chunk_id: h.citation.chunkId, data_id: h.citation.dataId, document_name: h.citation.dataName, start: h.citation.start, end: h.citation.end } : {};
}

/** Cognee's history items (OutDTO, camelCase): each query as `user`, each answer digest as `system`, oldest first. */
async function history(core: Core, req: FastifyRequest): Promise<unknown> {
  return (await callCore(core, req, 'search.history', {})).map((h) => ({ id: h.id, text: h.text, user: h.role, createdAt: h.createdAt, datasetId: h.datasetId }));
}
