/**
 * POST /api/v1/search, as cognee/api/v1/search/routers/get_search_router.py answers it:
 * every search type name Cognee has (search-types.ts), and its denials through the global
 * handler — 403 PermissionDeniedError for a dataset the caller may not read (or when the
 * caller can read none), 404 DatasetNotFoundError when no name resolves, 422
 * LLMAPIKeyNotSetError for a type that needs an LLM while none is configured.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';

import type { Input } from '../../../shared/contract/procedures';
import type { DatasetSearchResult, SearchHit, SearchType } from '../../../shared/contract/search';
import type { Core } from '../../core/core';
import { callCore, camelKeys, parse, v1, V1Failure } from './common';
import type { HostContext } from '../context';
import { ApiSearchTypeEnum, luckyChoice, searchPlan } from './search-types';
import { mentionsWithin, querySpan, yearTerms } from './temporal';

/** Candidates TEMPORAL filters by date: as many as the core returns for one search. */
const TEMPORAL_POOL = 100;
const COGNEE_TOP_K = 15;
/** The core returns at most this many hits per dataset; Cognee has no ceiling, so larger asks are capped, not refused. */
const CORE_MAX_TOP_K = 100;

const SearchBody = z.object({
  // Kenning is offline by default: without an explicit type, the core's default (no LLM needed).
  searchType: ApiSearchTypeEnum.optional(),
  query: z.string(),
  datasets: z.array(z.string()).max(1000).nullish(),
  datasetIds: z.array(z.uuid()).max(1000).nullish(),
  // Cognee's default is 15; an explicit null lets the retriever choose (the core's default).
  topK: z.number().int().nullable().default(COGNEE_TOP_K),
  onlyContext: z.boolean().nullish(),
  skills: z.array(z.string()).nullish(),
  tools: z.array(z.string()).nullish(),
});
type Body = z.infer<typeof SearchBody>;

/** A Cognee-shaped failure through its global handler: `{ detail: "<message> [<Name>]" }`. */
const cogneeFailure = (status: number, message: string, name: string) => new V1Failure({ status, body: { detail: `${message} [${name}]` } });

export function registerSearchRoutes(app: FastifyInstance, ctx: HostContext): void {
  app.post('/api/v1/search', v1(async (req) => cogneeResults(await cogneeSearch(ctx.core, req, parse(SearchBody, camelKeys(req.body ?? {}), 'body')))));
}

export type CogneeSearchInput = Body;
export { SearchBody };

/**
 * A search as Cognee's search() runs it, one result per dataset searched; /search and /recall
 * (recall.ts) shape the answer each their own way.
 */
export async function cogneeSearch(core: Core, req: FastifyRequest, b: Body): Promise<DatasetSearchResult[]> {
  const type = b.searchType;
  if (b.topK != null && b.topK <= 0) throw cogneeFailure(422, 'top_k must be a positive integer.', 'QueryValidationError');
  if ((b.skills?.length || b.tools != null) && type !== 'AGENTIC_COMPLETION') {
    throw cogneeFailure(422, 'skills/tools require query_type=SearchType.AGENTIC_COMPLETION.', 'InvalidAgenticSearchConfig');
  }
  const readable = await callCore(core, req, 'datasets.list', {});
  let ids = b.datasetIds?.length ? [...b.datasetIds] : undefined;
  if (!ids && b.datasets?.length) {
    // Names resolve among the caller's own datasets only (Cognee's rule).
    ids = readable.filter((d) => d.isOwner && b.datasets!.includes(d.name)).map((d) => d.id);
    if (ids.length === 0) throw cogneeFailure(404, 'No datasets found.', 'DatasetNotFoundError');
  }
  if (!ids && readable.length === 0) throw cogneeFailure(403, 'Request owner does not have permission: [read] for any dataset.', 'PermissionDeniedError');
  if (type === 'AGENTIC_COMPLETION' && ids?.length !== 1) {
    throw cogneeFailure(422, 'Agentic skill search requires exactly one explicit dataset.', 'InvalidAgenticDatasetScope');
  }
  const run = (searchType: SearchType, query: string, over: Partial<Input<'search.run'>> = {}) =>
    callCore(core, req, 'search.run', {
      query,
      searchType,
      ...(ids ? { datasetIds: ids } : {}),
      ...topK(b),
      ...(b.onlyContext != null ? { onlyContext: b.onlyContext } : {}),
      ...over,
    });
  const llmConfigured = async () => (await callCore(core, req, 'settings.get', {})).settings.llm.enabled;

  let plan = type ? searchPlan(type) : null;
  if (plan?.kind === 'lucky') {
    const choice = luckyChoice(b.query, { llm: await llmConfigured(), oneDataset: (ids?.length ?? readable.length) === 1 });
    plan = searchPlan(choice);
  }
  switch (plan?.kind) {
    case undefined:
      return (await callCore(core, req, 'search.run', { query: b.query, ...(ids ? { datasetIds: ids } : {}), ...topK(b) })).results;
    case 'core':
      return (await run(plan.type, b.query)).results;
    case 'llm':
      // Cognee asks its LLM even for the context of these; without one it fails before searching.
      if (!(await llmConfigured())) throw cogneeFailure(422, 'LLM API key is not set.', 'LLMAPIKeyNotSetError');
      return (await run(plan.type, b.query)).results;
    case 'temporal':
      return temporal(b, run);
    case 'coding-rules': {
      // Cognee reads rules stored under the `coding_agent_rules` node set; Kenning stores none.
      const targets = ids ? readable.filter((d) => ids.includes(d.id)) : readable;
      if (ids && targets.length !== new Set(ids).size) {
        throw cogneeFailure(403, 'Request owner does not have necessary permission: [read] for all datasets requested.', 'PermissionDeniedError');
      }
      return targets.map((d) => ({ datasetId: d.id, datasetName: d.name, hits: [] }));
    }
    case 'unsupported':
      throw cogneeFailure(400, `Unsupported search type: ${String(type)} (Kenning builds no code graph yet)`, 'UnsupportedSearchTypeError');
    default:
      throw cogneeFailure(400, `Unsupported search type: ${String(type)}`, 'UnsupportedSearchTypeError');
  }
}

const topK = (b: Body) => (b.topK != null ? { topK: Math.min(b.topK, CORE_MAX_TOP_K) } : {});

type Run = (searchType: SearchType, query: string, over?: Partial<Input<'search.run'>>) => Promise<{ results: DatasetSearchResult[] }>;

/**
 * TEMPORAL offline (temporal.ts): passages from a hybrid search of the query and a lexical
 * search of the span's years, kept when they mention a date in the span, hybrid order first.
 */
async function temporal(b: Body, run: Run): Promise<DatasetSearchResult[]> {
  const span = querySpan(b.query);
  if (!span) return (await run('CHUNKS_HYBRID', b.query, { onlyContext: false })).results;
  const limit = Math.min(b.topK ?? 10, CORE_MAX_TOP_K);
  const [ranked, byYear] = await Promise.all([
    run('CHUNKS_HYBRID', b.query, { topK: TEMPORAL_POOL, onlyContext: false }),
    // A helper search for the span's years: not a query of the caller's, so kept out of its history.
    run('CHUNKS_LEXICAL', yearTerms(b.query, span).join(' '), { topK: TEMPORAL_POOL, onlyContext: false, record: false }),
  ]);
  const extra = new Map(byYear.results.map((r) => [r.datasetId, r.hits]));
  return ranked.results.map((r) => {
    const seen = new Set<string>();
    const hits: SearchHit[] = [];
    for (const h of [...r.hits, ...(extra.get(r.datasetId) ?? [])]) {
      const key = h.citation ? `${h.citation.chunkId}` : h.text;
      if (seen.has(key) || !mentionsWithin(h.text, span)) continue;
      seen.add(key);
      hits.push(h);
    }
    return { datasetId: r.datasetId, datasetName: r.datasetName, hits: hits.slice(0, limit) };
  });
}

/** Cognee's SearchResult list: one entry per dataset searched. */
export function cogneeResults(results: readonly DatasetSearchResult[]) {
  return results.map((d) => ({ search_result: searchResult(d), dataset_id: d.datasetId, dataset_name: d.datasetName }));
}

/** What Cognee puts in `search_result`: the answer for completions, else the context, rows, report or hits. */
function searchResult(d: DatasetSearchResult): unknown {
  if (d.answer !== undefined) return [d.answer];
  if (d.context !== undefined) return d.context;
  if (d.rows !== undefined) return d.rows;
  if (d.report !== undefined) return d.report;
  return d.hits;
}
