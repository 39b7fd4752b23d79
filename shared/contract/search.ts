/** Search types (Cognee's names where Cognee has one) and the shape of results. */
import { z } from 'zod';

import { CitationSchema } from '../domain/graph';

export const SEARCH_TYPES = [
  'CHUNKS',
  'CHUNKS_LEXICAL',
  /** Vector + BM25 fused with reciprocal-rank fusion: the default while no LLM is configured. */
  'CHUNKS_HYBRID',
  'SUMMARIES',
  'INSIGHTS',
  'TRIPLET',
  'GRAPH_COMPLETION',
  'RAG_COMPLETION',
  'HYBRID_COMPLETION',
  'CYPHER',
  'GRAPH_REPORT',
] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];
export const SearchTypeEnum = z.enum(SEARCH_TYPES);

/** Types that need the optional LLM (they fail with llm_not_configured without one). */
export const COMPLETION_TYPES: readonly SearchType[] = ['GRAPH_COMPLETION', 'RAG_COMPLETION', 'HYBRID_COMPLETION'];

export const TripletSchema = z.object({
  source: z.object({ id: z.string(), name: z.string(), kind: z.string().optional() }),
  relation: z.string(),
  target: z.object({ id: z.string(), name: z.string(), kind: z.string().optional() }),
});

export const SearchHitSchema = z.object({
  kind: z.enum(['chunk', 'summary', 'triplet', 'entity']),
  score: z.number(),
  text: z.string(),
  /** Where the text came from: data item, chunk and character range in the extracted text. */
  citation: CitationSchema.optional(),
  triplet: TripletSchema.optional(),
  nodeId: z.string().optional(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const GraphReportSchema = z.object({
  countsByType: z.record(z.string(), z.number()),
  hubs: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), degree: z.number(), pagerank: z.number() })),
  bridges: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), clustersLinked: z.number() })),
  clusters: z.number(),
});
export type GraphReport = z.infer<typeof GraphReportSchema>;

/** What one dataset answers (its worker's `search.run` result); main adds the dataset's id and name. */
export const DatasetSearchAnswerSchema = z.object({
  hits: z.array(SearchHitSchema),
  /** Completion types: the LLM's answer. */
  answer: z.string().optional(),
  /** Completion types with onlyContext: the context they would send. */
  context: z.string().optional(),
  /** CYPHER: result rows. */
  rows: z.array(z.record(z.string(), z.unknown())).optional(),
  report: GraphReportSchema.optional(),
});
export type DatasetSearchAnswer = z.infer<typeof DatasetSearchAnswerSchema>;

export const DatasetSearchResultSchema = z.object({
  datasetId: z.string(),
  datasetName: z.string(),
  ...DatasetSearchAnswerSchema.shape,
});
export type DatasetSearchResult = z.infer<typeof DatasetSearchResultSchema>;

export const SearchResponseSchema = z.object({
  searchType: SearchTypeEnum,
  query: z.string(),
  results: z.array(DatasetSearchResultSchema),
  /**
   * One ranking across datasets, best first: by score (one scale per search type), ties to the
   * hit with more of the query's words (electron/core/search/merge-hits.ts).
   */
  merged: z.array(
    SearchHitSchema.extend({
      datasetId: z.string(),
      datasetName: z.string(),
      /** The query's meaningful words (no stop words) that the hit contains as whole words. */
      matchedTerms: z.array(z.string()).optional(),
    }),
  ),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
