import type { SearchType } from '../../../../shared/contract/search';
import { errorCode, errorText } from '../../store/errors';
import type { SliceCreator } from '../../store/types';
import type { SearchResponse } from '../../store/views';
import { loadCypherSchema } from './cypherSchema';
import type { CypherSchema } from './cypherSchema';
import { DEFAULT_SEARCH_TYPE } from './searchTypes';

export interface SearchSlice {
  searchQuery: string;
  searchType: SearchType;
  /** Empty = every readable dataset; otherwise only these. */
  searchScope: readonly string[];
  searchResponse: SearchResponse | null;
  searchLoading: boolean;
  searchError: string | null;
  /** The error's code, so the page can offer Settings for llm_not_configured. */
  searchErrorCode: string | null;
  /** Results as one ranking (default) or grouped under their datasets. */
  searchGroupByDataset: boolean;
  /** Cypher runs on exactly one dataset: the one picked here (null until one is). */
  cypherDatasetId: string | null;
  /** The Cypher editor's text, kept apart from the search box's words. */
  cypherQuery: string;
  cypherSchema: CypherSchema | null;
  cypherSchemaError: string | null;
  setSearchQuery(q: string): void;
  setSearchType(t: SearchType): void;
  setSearchScope(ids: readonly string[]): void;
  setSearchGroupByDataset(on: boolean): void;
  setCypherDataset(id: string | null): void;
  setCypherQuery(q: string): void;
  runSearch(): Promise<void>;
}

export const searchInitial = {
  searchQuery: '',
  searchType: DEFAULT_SEARCH_TYPE,
  searchScope: [] as readonly string[],
  searchResponse: null as SearchResponse | null,
  searchLoading: false,
  searchError: null as string | null,
  searchErrorCode: null as string | null,
  searchGroupByDataset: false,
  cypherDatasetId: null as string | null,
  cypherQuery: '',
  cypherSchema: null as CypherSchema | null,
  cypherSchemaError: null as string | null,
};

let searchSeq = 0;
let schemaSeq = 0;

export const createSearchSlice: SliceCreator<SearchSlice> = (client) => (set, get) => {
  /** Reads the picked dataset's schema once per pick (a later pick wins over a slower earlier one). */
  const refreshSchema = async (): Promise<void> => {
    const id = get().cypherDatasetId;
    if (!id || get().cypherSchema?.datasetId === id) return;
    const seq = ++schemaSeq;
    set({ cypherSchema: null, cypherSchemaError: null });
    try {
      const schema = await loadCypherSchema(client, id);
      if (seq === schemaSeq) set({ cypherSchema: schema });
    } catch (e) {
      if (seq === schemaSeq) set({ cypherSchemaError: errorText(e) });
    }
  };
  return {
    ...searchInitial,
    setSearchQuery: (searchQuery) => set({ searchQuery }),
    setSearchType: (searchType) => {
      set({ searchType });
      if (searchType !== 'CYPHER') return;
      // With one dataset there is nothing to choose; with several the person picks (never "all").
      const { datasets, cypherDatasetId } = get();
      if (!cypherDatasetId && datasets.length === 1) set({ cypherDatasetId: datasets[0]!.id });
      void refreshSchema();
    },
    setSearchScope: (searchScope) => set({ searchScope }),
    setSearchGroupByDataset: (searchGroupByDataset) => set({ searchGroupByDataset }),
    setCypherDataset: (cypherDatasetId) => {
      set({ cypherDatasetId });
      void refreshSchema();
    },
    setCypherQuery: (cypherQuery) => set({ cypherQuery }),
    runSearch: async () => {
      const { searchQuery, searchType, searchScope, datasets, cypherQuery, cypherDatasetId } = get();
      const cypher = searchType === 'CYPHER';
      const query = (cypher ? cypherQuery : searchQuery).trim();
      if (!query) return;
      if (cypher && !datasets.some((d) => d.id === cypherDatasetId)) {
        // Said before anything runs: the core would refuse a Cypher query over several datasets.
        set({ searchResponse: null, searchError: 'Cypher runs on one dataset at a time: choose the dataset to query first.', searchErrorCode: 'choose_dataset' });
        return;
      }
      // Datasets that disappeared (revoked, deleted) drop out of the scope instead of failing the search.
      const scope = cypher ? [cypherDatasetId!] : searchScope.filter((id) => datasets.some((d) => d.id === id));
      const seq = ++searchSeq;
      set({ searchLoading: true, searchError: null, searchErrorCode: null });
      try {
        const searchResponse = await client.call('search.run', {
          query,
          searchType,
          topK: cypher ? 100 : 10,
          ...(scope.length > 0 ? { datasetIds: [...scope] } : {}),
        });
        if (seq === searchSeq) set({ searchResponse, searchLoading: false });
      } catch (e) {
        if (seq === searchSeq) set({ searchLoading: false, searchResponse: null, searchError: errorText(e), searchErrorCode: errorCode(e) ?? null });
      }
    },
  };
};
