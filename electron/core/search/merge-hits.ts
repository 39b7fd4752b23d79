/**
 * One ranking across datasets (issue 17 item 4). Every dataset answers the same search type
 * with the same scoring (cosine similarity, BM25, or the fusion of those two ranks inside the
 * dataset), so their scores are on one scale and hits are ordered by score. Reciprocal-rank
 * fusion of the per-dataset lists, used before, gave every dataset's first hit the same credit
 * however poor it was and broke that tie by dataset id, so a dataset of unrelated text could lead.
 * Equal scores go to the hit containing more of the query's meaningful words, then by dataset
 * name and each dataset's own order, so the ranking is the same from run to run. Pure.
 *
 * Caveat: datasets whose owners chose different embedders score cosine on different scales;
 * the ranking is still one list, but such scores are less comparable.
 */
import type { DatasetSearchResult, SearchHit } from '../../../shared/contract/search';
import { matchedTerms } from '../../../shared/search-terms';

export type MergedHit = SearchHit & Readonly<{ datasetId: string; datasetName: string; matchedTerms: string[] }>;

export function mergeByScore(results: readonly DatasetSearchResult[], terms: readonly string[]): MergedHit[] {
  const all = results.flatMap((r, d) =>
    r.hits.map((h, rank) => ({
      hit: { ...h, datasetId: r.datasetId, datasetName: r.datasetName, matchedTerms: matchedTerms(hitText(h), terms) },
      d,
      rank,
    })),
  );
  return all
    .sort(
      (a, b) =>
        b.hit.score - a.hit.score ||
        b.hit.matchedTerms.length - a.hit.matchedTerms.length ||
        a.hit.datasetName.localeCompare(b.hit.datasetName) ||
        a.d - b.d ||
        a.rank - b.rank,
    )
    .map((x) => x.hit);
}

/** The words a reader sees for a hit: its text, and a fact's names, relation and evidence passage. */
function hitText(h: SearchHit): string {
  const t = h.triplet;
  return t ? `${h.text} ${t.source.name} ${t.relation.replace(/_/g, ' ')} ${t.target.name} ${h.citation?.text ?? ''}` : h.text;
}
