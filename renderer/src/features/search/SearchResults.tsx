import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { matchedTerms } from '../../../../shared/search-terms';
import { useApp } from '../../store/hooks';
import type { SearchResponse } from '../../store/views';
import { ErrorText } from '../../ui/ErrorText';
import { CypherRows } from './CypherRows';
import { isMissingTableError } from './cypherSchema';
import { GraphReportView } from './GraphReportView';
import { queryWords } from './highlight';
import { HitRow } from './HitRow';
import type { RankedHit } from './HitRow';

/**
 * The answer to a search: one ranking across datasets (or, as an option, grouped per dataset),
 * a graph report as tables, Cypher rows as a table, an LLM's answer above its hits.
 */
export function SearchResults() {
  const s = useApp(
    useShallow((st) => ({ response: st.searchResponse, error: st.searchError, code: st.searchErrorCode, type: st.searchType, openDialog: st.openDialog })),
  );
  const words = useMemo(() => queryWords(s.response?.query ?? ''), [s.response?.query]);
  if (s.error) {
    const missingTable = s.type === 'CYPHER' && isMissingTableError(s.error);
    return (
      <div data-testid="search-error">
        {/* The engine's words ("Table Entity does not exist"), without the core's long schema note: the hint below says it. */}
        <ErrorText message={missingTable ? s.error.split(' — ')[0] : s.error} />
        {s.code === 'llm_not_configured' && (
          <button type="button" className="btn" onClick={() => s.openDialog({ kind: 'settings' })}>
            Open settings
          </button>
        )}
        {missingTable && (
          <p className="hint" data-testid="cypher-table-hint">
            The tables are Node and Rel — see{' '}
            <a
              href="#cypher-schema"
              onClick={(e) => {
                e.preventDefault(); // focus the panel; no change to the page's address
                document.getElementById('cypher-schema')?.focus();
              }}
            >
              Schema
            </a>
            . Entity, Document and the other kinds are values of <code>Node.type</code>.
          </p>
        )}
      </div>
    );
  }
  const r = s.response;
  if (!r) return <p className="search-hint">Search passages, summaries, entities and relations across every dataset you can read.</p>;
  if (r.searchType === 'CYPHER') return <CypherRows rows={r.results[0]?.rows ?? []} />;
  if (r.searchType === 'GRAPH_REPORT') {
    const reports = r.results.filter((x) => x.report);
    if (reports.length === 0) return <p className="search-hint" data-testid="search-empty">No graph to report on yet.</p>;
    return (
      <div className="search-results" data-testid="search-results">
        {reports.map((x) => (
          <GraphReportView key={x.datasetId} datasetId={x.datasetId} datasetName={x.datasetName} report={x.report!} />
        ))}
      </div>
    );
  }
  const total = r.results.reduce((n, x) => n + x.hits.length + (x.answer ? 1 : 0), 0);
  if (total === 0) return <p className="search-hint" data-testid="search-empty">Nothing matched “{r.query}”.</p>;
  return <RankedResults response={r} words={words} />;
}

function RankedResults({ response, words }: Readonly<{ response: SearchResponse; words: readonly string[] }>) {
  const { grouped, setGrouped } = useApp(useShallow((s) => ({ grouped: s.searchGroupByDataset, setGrouped: s.setSearchGroupByDataset })));
  const answered = response.results.filter((x) => x.answer);
  const datasetsWithHits = response.results.filter((x) => x.hits.length > 0).length;
  return (
    <div className="search-results" data-testid="search-results">
      <div className="results-bar">
        <span className="muted small" data-testid="results-summary">
          {grouped
            ? `Each dataset's best matches, datasets in order of their best match`
            : `${response.merged.length} best ${response.merged.length === 1 ? 'match' : 'matches'} from ${datasetsWithHits} ${datasetsWithHits === 1 ? 'dataset' : 'datasets'}, most relevant first`}
        </span>
        <label className="chip">
          <input type="checkbox" data-testid="group-by-dataset" checked={grouped} onChange={(e) => setGrouped(e.target.checked)} />
          Group by dataset
        </label>
      </div>
      {answered.map((x) => (
        <div key={x.datasetId} className="answer" data-testid="search-answer">
          {answered.length > 1 && <strong>{x.datasetName}: </strong>}
          {x.answer}
        </div>
      ))}
      {grouped ? <GroupedHits response={response} words={words} /> : <HitList hits={response.merged} words={words} showDataset label="Results, most relevant first" />}
    </div>
  );
}

function HitList({ hits, words, showDataset, label }: Readonly<{ hits: readonly RankedHit[]; words: readonly string[]; showDataset: boolean; label: string }>) {
  const best = hits.reduce((m, h) => Math.max(m, h.score), 0);
  return (
    <ol className="hits" aria-label={label} data-testid="ranked-hits">
      {hits.map((h, i) => (
        <HitRow key={`${h.datasetId}:${h.citation?.chunkId ?? h.nodeId ?? ''}:${i}`} hit={h} words={words} best={best} showDataset={showDataset} />
      ))}
    </ol>
  );
}

/** Each dataset's own list under its name; datasets ordered by where their best hit ranks overall. */
function GroupedHits({ response, words }: Readonly<{ response: SearchResponse; words: readonly string[] }>) {
  const firstRank = (id: string) => {
    const i = response.merged.findIndex((h) => h.datasetId === id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const groups = response.results.filter((x) => x.hits.length > 0).sort((a, b) => firstRank(a.datasetId) - firstRank(b.datasetId));
  return (
    <>
      {groups.map((g) => (
        <section key={g.datasetId} className="result-group" aria-label={`Results in ${g.datasetName}`} data-testid="result-group" data-dataset={g.datasetName}>
          <h3>{g.datasetName}</h3>
          <HitList
            hits={g.hits.map((h) => ({ ...h, datasetId: g.datasetId, datasetName: g.datasetName, matchedTerms: matchedTerms(h.citation?.text ?? h.text, words) }))}
            words={words}
            showDataset={false}
            label={`Results in ${g.datasetName}`}
          />
        </section>
      ))}
    </>
  );
}
