import { useApp } from '../../store/hooks';
import type { SearchResponse } from '../../store/views';
import { evidenceExcerpt, factParts } from './facts';
import { Highlighted } from './Highlighted';
import { answerExcerpt } from './highlight';

/** A hit as the page shows it: from the merged ranking, or a dataset's own list with its name added. */
export type RankedHit = SearchResponse['merged'][number];

/** 0.82 stays 0.82; the small fused scores of hybrid search keep two significant digits (0.033). */
export const formatScore = (score: number): string => (Math.abs(score) >= 0.1 ? score.toFixed(2) : score.toPrecision(2));

type RowProps = Readonly<{ hit: RankedHit; words: readonly string[]; /** The best score in the list, for the bar. */ best: number; showDataset: boolean }>;

/** One hit: its text with the query's words marked, where it is from, its score and matched words. */
export function HitRow({ hit, words, best, showDataset }: RowProps) {
  const open = useApp((s) => s.openDocument);
  const focus = useApp((s) => s.focusNode);
  const c = hit.citation;
  const openPassage = c ? () => void open(hit.datasetId, c.dataId, { start: c.start, end: c.end, name: c.dataName, ...(c.answer ? { answer: c.answer } : {}) }) : undefined;
  const showNode = hit.nodeId ? () => void focus(hit.datasetId, hit.nodeId!) : undefined;
  const meta = <HitMeta hit={hit} best={best} showDataset={showDataset} />;
  if (hit.triplet) {
    const f = factParts(hit.triplet);
    return (
      <li className="hit fact" data-testid="search-hit" data-kind={hit.kind} data-dataset={hit.datasetName}>
        <p className="fact-sentence" data-testid="fact-sentence">
          <strong>{f.source}</strong> {f.phrase} <strong>{f.target}</strong>.
        </p>
        {c?.text ? (
          <blockquote className="evidence" data-testid="fact-evidence">
            <Highlighted text={evidenceExcerpt(c.text, [f.source, f.target])} words={words} />
          </blockquote>
        ) : (
          <p className="muted small">No source passage was recorded for this fact.</p>
        )}
        <div className="hit-actions">
          {openPassage && (
            <button type="button" className="btn small" data-testid="open-evidence" onClick={openPassage}>
              Open passage in {c!.dataName || 'the document'}
            </button>
          )}
          {showNode && (
            <button type="button" className="btn small" onClick={showNode}>
              Show {f.source} in the graph
            </button>
          )}
        </div>
        {meta}
      </li>
    );
  }
  const act = openPassage ?? showNode;
  const excerpt = c ? answerExcerpt(c) : { text: hit.text, answer: null };
  const path = c?.headingPath ?? [];
  return (
    <li>
      <button type="button" className="hit" data-testid="search-hit" data-kind={hit.kind} data-dataset={hit.datasetName} disabled={!act} onClick={act}>
        {path.length > 0 && (
          <span className="hit-path small" data-testid="hit-heading-path" title={path.join(' › ')}>
            {path.join(' › ')}
          </span>
        )}
        <span className="hit-text">
          <Highlighted text={excerpt.text} words={words} answer={excerpt.answer} />
        </span>
        {meta}
      </button>
    </li>
  );
}

function HitMeta({ hit, best, showDataset }: Readonly<{ hit: RankedHit; best: number; showDataset: boolean }>) {
  const c = hit.citation;
  const share = best > 0 ? Math.max(0, Math.min(1, hit.score / best)) : 0;
  const terms = hit.matchedTerms ?? [];
  return (
    <span className="hit-meta small">
      {showDataset && (
        <span className="dataset-label" data-testid="hit-dataset">
          {hit.datasetName}
        </span>
      )}
      {c?.dataName && <span className="muted">{c.dataName}</span>}
      <span className="muted">{hit.kind}</span>
      {!c && hit.nodeId && <span className="muted">show in graph</span>}
      <span className="score" data-testid="hit-score" title={`Score ${formatScore(hit.score)} (${Math.round(share * 100)}% of the best hit's)`}>
        <span className="score-bar" aria-hidden="true">
          <span style={{ width: `${Math.round(share * 100)}%` }} />
        </span>
        <span className="score-number">{formatScore(hit.score)}</span>
      </span>
      {terms.length > 0 && (
        <span className="terms" data-testid="hit-terms">
          matched: {terms.join(', ')}
        </span>
      )}
    </span>
  );
}
