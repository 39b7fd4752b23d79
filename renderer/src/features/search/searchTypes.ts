/**
 * The search types offered in the selector, with words for each. The list mirrors
 * shared/contract/search.ts (imported as a type only, so zod stays out of the bundle); the
 * check below makes a type added to the contract but missing here a compile error.
 */
import type { SearchType } from '../../../../shared/contract/search';

export const SEARCH_TYPE_OPTIONS = [
  { value: 'CHUNKS_HYBRID', label: 'Passages (meaning + words)', needsLlm: false },
  { value: 'CHUNKS', label: 'Passages (meaning)', needsLlm: false },
  { value: 'CHUNKS_LEXICAL', label: 'Passages (exact words)', needsLlm: false },
  { value: 'SUMMARIES', label: 'Summaries', needsLlm: false },
  { value: 'INSIGHTS', label: 'Insights (entities and relations)', needsLlm: false },
  { value: 'TRIPLET', label: 'Relations (triplets)', needsLlm: false },
  { value: 'GRAPH_REPORT', label: 'Graph report', needsLlm: false },
  { value: 'CYPHER', label: 'Cypher query', needsLlm: false },
  { value: 'GRAPH_COMPLETION', label: 'Answer from the graph (LLM)', needsLlm: true },
  { value: 'RAG_COMPLETION', label: 'Answer from passages (LLM)', needsLlm: true },
  { value: 'HYBRID_COMPLETION', label: 'Answer from both (LLM)', needsLlm: true },
] as const satisfies readonly { value: SearchType; label: string; needsLlm: boolean }[];

type Listed = (typeof SEARCH_TYPE_OPTIONS)[number]['value'];
/** Compile-time exhaustiveness: `true` only when every contract search type is listed. */
export const ALL_SEARCH_TYPES_LISTED: [Exclude<SearchType, Listed>] extends [never] ? true : never = true;

export const DEFAULT_SEARCH_TYPE: SearchType = 'CHUNKS_HYBRID';
