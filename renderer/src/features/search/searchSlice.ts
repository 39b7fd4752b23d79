import type { SearchType } from '../../../../shared/contract/search';
import { errorCode, errorText } from '../../store/errors';
import type { SliceCreator } from '../../store/types';
import type { SearchResponse } from '../../store/views';
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
  setSearchQuery(q: string): void;
  setSearchType(t: SearchType): void;
  setSearchScope(ids: readonly string[]): void;
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
};

let searchSeq = 0;

export const createSearchSlice: SliceCreator<SearchSlice> = (client) => (set, get) => ({
  ...searchInitial,
  setSearchQuery: (searchQuery) => set({ searchQuery }),
  setSearchType: (searchType) => set({ searchType }),
  setSearchScope: (searchScope) => set({ searchScope }),
  runSearch: async () => {
    const { searchQuery, searchType, searchScope, datasets } = get();
    const query = searchQuery.trim();
    if (!query) return;
    // Datasets that disappeared (revoked, deleted) drop out of the scope instead of failing the search.
    const scope = searchScope.filter((id) => datasets.some((d) => d.id === id));
    const seq = ++searchSeq;
    set({ searchLoading: true, searchError: null, searchErrorCode: null });
    try {
      const searchResponse = await client.call('search.run', {
        query,
        searchType,
        topK: 10,
        ...(scope.length > 0 ? { datasetIds: [...scope] } : {}),
      });
      if (seq === searchSeq) set({ searchResponse, searchLoading: false });
    } catch (e) {
      if (seq === searchSeq) set({ searchLoading: false, searchResponse: null, searchError: errorText(e), searchErrorCode: errorCode(e) ?? null });
    }
  },
});
