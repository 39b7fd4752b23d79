/**
 * Search across the datasets a caller may read: one request per dataset, run in that
 * dataset's worker, in parallel through the dataset queue; results grouped per dataset and
 * merged into one ranking by score (merge-hits.ts). Citations get their item names here,
 * from the catalog main owns.
 *
 * Two providers meet here, and they belong to different profiles: the query is embedded with
 * the embedder of each dataset's OWNER (the one that wrote its vectors; a grantee's embedder
 * never sees a query against someone else's dataset, nor shapes how it is matched), while the
 * answer of a completion type comes from the CALLER's LLM — over context drawn only from the
 * datasets the dispatcher authorized for `read`, so it only ever sees what the caller may read.
 */
import type { ParsedInput, Output } from '../../../shared/contract/procedures';
import { COMPLETION_TYPES } from '../../../shared/contract/search';
import type { DatasetSearchResult, SearchHit } from '../../../shared/contract/search';
import type { Settings } from '../../../shared/contract/settings';
import { AppError } from '../../../shared/domain/errors';
import type { UserId } from '../../../shared/domain/ids';
import { callerFor } from '../access/caller';
import { denied, permissionsOn } from '../access/dataset-gate';
import type { AuthorizedDataset } from '../access/dataset-gate';
import { dataNames } from '../catalog/data-names';
import { processingSettingsFor, providerSettingsOf } from '../pipeline/provider-settings';
import type { Services } from '../services';
import { queryTerms } from '../../../shared/search-terms';
import { mergeByScore } from './merge-hits';

export async function runSearch(
  services: Services,
  userId: UserId,
  datasets: readonly AuthorizedDataset[],
  input: ParsedInput<'search.run'>,
): Promise<Output<'search.run'>> {
  // The caller's settings choose only the LLM that answers; see the header.
  const settings = await providerSettingsOf(services.store, userId);
  const ownerSettings = new Map<string, Promise<Settings>>();
  const embedderOf = async (dataset: AuthorizedDataset['dataset']): Promise<Settings['embedding']> => {
    let s = ownerSettings.get(dataset.owner_id);
    if (!s) ownerSettings.set(dataset.owner_id, (s = processingSettingsFor(services.store, dataset)));
    return (await s).embedding;
  };
  if (input.searchType === 'CYPHER' && datasets.length !== 1) {
    throw new AppError('invalid_input', 'A Cypher query runs on one dataset at a time: choose the one dataset to query (datasetIds)', { field: 'datasetIds' });
  }
  if (COMPLETION_TYPES.includes(input.searchType) && !input.onlyContext && !settings.llm.enabled) {
    throw new AppError('llm_not_configured', `${input.searchType} needs an LLM: configure one in Settings, or pass onlyContext to get the context it would send`);
  }
  const searched = await Promise.all(
    datasets.map(async ({ dataset }): Promise<DatasetSearchResult | null> => {
      const embedder = await embedderOf(dataset);
      let r;
      try {
        r = await services.engines.request({ ownerId: dataset.owner_id, datasetId: dataset.id }, 'read', {
          kind: 'search.run',
          searchType: input.searchType,
          query: input.query,
          topK: input.topK,
          onlyContext: input.onlyContext,
          embedder,
          llm: settings.llm.enabled ? settings.llm : null,
        });
      } catch (e) {
        // Deleted while this search ran (its worker was stopped under us): as if it never existed.
        if (await services.store.datasets.byId(dataset.id)) throw e;
        if (input.datasetIds?.length) throw denied('read');
        return null;
      }
      const hits = await withNames(services, r.hits);
      return {
        datasetId: dataset.id,
        datasetName: dataset.name,
        hits,
        ...(r.answer !== undefined ? { answer: r.answer } : {}),
        ...(r.context !== undefined ? { context: r.context } : {}),
        ...(r.rows ? { rows: r.rows } : {}),
        ...(r.report ? { report: r.report } : {}),
      };
    }),
  );
  const results = await stillReadable(services, userId, searched.filter((r): r is DatasetSearchResult => r !== null));
  const merged = mergeByScore(results, queryTerms(input.query)).slice(0, input.topK);
  return { searchType: input.searchType, query: input.query, results, merged };
}

/**
 * Revocation is immediate, also for a search already running: dispatch re-checks the datasets
 * a search named; a search over every readable dataset (no ids) instead drops the results of
 * those the caller can no longer read (revoked, left the tenant, deleted) by the time it ends.
 */
async function stillReadable(services: Services, userId: UserId, results: readonly DatasetSearchResult[]): Promise<DatasetSearchResult[]> {
  const now = await callerFor(services.store, userId);
  const kept: DatasetSearchResult[] = [];
  for (const r of results) {
    if (!(await services.store.datasets.byId(r.datasetId))) continue;
    if ((await permissionsOn(services.store, now, r.datasetId)).read) kept.push(r);
  }
  return kept;
}

/** Fills citation.dataName from the catalog (workers know ids only). */
async function withNames(services: Services, hits: readonly SearchHit[]): Promise<SearchHit[]> {
  const names = await dataNames(services.store, hits.flatMap((h) => (h.citation ? [h.citation.dataId] : [])));
  return hits.map((h) => (h.citation ? { ...h, citation: { ...h.citation, dataName: names.get(h.citation.dataId) ?? '' } } : h));
}
