/**
 * Cognee's search type names (cognee/modules/search/types/SearchType.py) and how Kenning
 * answers each: by one of the core's types, offline here in the host (TEMPORAL, FEELING_LUCKY,
 * CODING_RULES), or not at all (CODE). The core keeps its own, smaller list; this table is
 * the only place that knows Cognee's names.
 */
import { z } from 'zod';

import { SEARCH_TYPES } from '../../../shared/contract/search';
import type { SearchType } from '../../../shared/contract/search';

export const COGNEE_SEARCH_TYPES = [
  'SUMMARIES',
  'CHUNKS',
  'RAG_COMPLETION',
  'HYBRID_COMPLETION',
  'TRIPLET_COMPLETION',
  'GRAPH_COMPLETION',
  'GRAPH_COMPLETION_DECOMPOSITION',
  'GRAPH_SUMMARY_COMPLETION',
  'CYPHER',
  'NATURAL_LANGUAGE',
  'GRAPH_COMPLETION_COT',
  'GRAPH_COMPLETION_CONTEXT_EXTENSION',
  'FEELING_LUCKY',
  'TEMPORAL',
  'CODING_RULES',
  'CHUNKS_LEXICAL',
  'AGENTIC_COMPLETION',
  'CODE',
  'GRAPH_REPORT',
] as const;
export type CogneeSearchType = (typeof COGNEE_SEARCH_TYPES)[number];

/** Every name /api/v1/search accepts: Cognee's, plus the core's own (CHUNKS_HYBRID, INSIGHTS, TRIPLET). */
export const ApiSearchTypeEnum = z.enum([...new Set<string>([...COGNEE_SEARCH_TYPES, ...SEARCH_TYPES])] as [string, ...string[]]);

/**
 * How one name is answered:
 * - `core`: the core's type of that name or its nearest one;
 * - `llm`: a completion Cognee asks its LLM for even to build the context (NATURAL_LANGUAGE
 *   writes Cypher with it): without an LLM it fails as Cognee does, also with only_context;
 * - `temporal`, `lucky`, `coding-rules`: answered offline in the host (search.ts);
 * - `unsupported`: no offline meaning and no Kenning equivalent yet.
 */
export type SearchPlan =
  | Readonly<{ kind: 'core'; type: SearchType }>
  | Readonly<{ kind: 'llm'; type: SearchType }>
  | Readonly<{ kind: 'temporal' | 'lucky' | 'coding-rules' | 'unsupported' }>;

/**
 * Cognee's graph-completion variants (chain of thought, decomposition, context extension,
 * triplets, summarised context, the agentic loop) all answer from graph context with an LLM;
 * Kenning answers each with its one graph completion: same context, one LLM pass.
 */
const GRAPH_COMPLETION_VARIANTS = new Set<string>([
  'TRIPLET_COMPLETION',
  'GRAPH_COMPLETION_DECOMPOSITION',
  'GRAPH_SUMMARY_COMPLETION',
  'GRAPH_COMPLETION_COT',
  'GRAPH_COMPLETION_CONTEXT_EXTENSION',
  'AGENTIC_COMPLETION',
]);

export function searchPlan(name: string): SearchPlan {
  if (name === 'TEMPORAL') return { kind: 'temporal' };
  if (name === 'FEELING_LUCKY') return { kind: 'lucky' };
  if (name === 'CODING_RULES') return { kind: 'coding-rules' };
  if (name === 'CODE') return { kind: 'unsupported' };
  if (name === 'NATURAL_LANGUAGE') return { kind: 'llm', type: 'GRAPH_COMPLETION' };
  if (GRAPH_COMPLETION_VARIANTS.has(name)) return { kind: 'core', type: 'GRAPH_COMPLETION' };
  return { kind: 'core', type: name as SearchType };
}

/** Words that ask for an overview of a dataset rather than for passages. */
const OVERVIEW_RE = /\b(overview|main (topics|themes|entities)|most (important|central|connected)|hubs?|what is (this|the) (dataset|collection) about|summar(y|ise|ize) (of )?(the|this) (dataset|collection))\b/i;
const CYPHER_RE = /^\s*(MATCH|OPTIONAL\s+MATCH|WITH|UNWIND|RETURN|CALL)\b[\s\S]*\bRETURN\b/i;
const QUESTION_RE = /\?\s*$|^\s*(who|what|when|where|why|how|which|is|are|was|were|does|do|did|can|could|should)\b/i;
/** Years and ISO dates a query may be about, for TEMPORAL. */
const TIME_RE = /\b(1[0-9]{3}|2[0-9]{3})(-[01][0-9](-[0-3][0-9])?)?\b/;

/**
 * FEELING_LUCKY without asking a model: Cognee lets its LLM pick the type (and falls back to
 * RAG_COMPLETION when it cannot); Kenning picks by the query's form. A Cypher statement runs
 * as CYPHER (one dataset only), a request for an overview as GRAPH_REPORT, a query about a
 * date as TEMPORAL, a question as HYBRID_COMPLETION when an LLM is configured, anything else
 * as the core's offline passage search.
 */
export function luckyChoice(query: string, opts: Readonly<{ llm: boolean; oneDataset: boolean }>): CogneeSearchType | 'CHUNKS_HYBRID' {
  if (CYPHER_RE.test(query) && opts.oneDataset) return 'CYPHER';
  if (OVERVIEW_RE.test(query)) return 'GRAPH_REPORT';
  if (TIME_RE.test(query)) return 'TEMPORAL';
  if (opts.llm && QUESTION_RE.test(query)) return 'HYBRID_COMPLETION';
  return 'CHUNKS_HYBRID';
}
