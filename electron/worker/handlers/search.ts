/** search.run over this dataset's stores. */
import { embedderForRecorded } from '../app/embedders';
import { createChatClient } from '../ingest/llm';
import { runSearch } from '../search/run-search';
import { onStores } from './lane';
import type { HandlersFor } from './types';

export const searchHandlers: HandlersFor<'search.'> = {
  'search.run': onStores(async (req, stores) => {
    // req.embedder is the dataset owner's (it embeds the query); req.llm is the caller's (it only answers).
    const recorded = await stores.vectors.embedderInfo();
    return runSearch(
      { searchType: req.searchType, query: req.query, topK: req.topK, onlyContext: req.onlyContext },
      { ...stores, embedder: () => embedderForRecorded(req.embedder, recorded), chat: () => createChatClient(req.llm) },
    );
  }),
};
