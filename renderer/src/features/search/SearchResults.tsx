import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';
import type { SearchHit, SearchResponse } from '../../store/views';
import { ErrorText } from '../../ui/ErrorText';
import { queryWords } from './highlight';
import { Highlighted } from './Highlighted';

/** Results grouped per dataset; a hit opens its passage in the document, or its node in the graph. */
export function SearchResults() {
  const s = useApp(
    useShallow((st) => ({ response: st.searchResponse, error: st.searchError, code: st.searchErrorCode, openDialog: st.openDialog })),
  );
  const words = useMemo(() => queryWords(s.response?.query ?? ''), [s.response?.query]);
  if (s.error) {
    return (
      <div data-testid="search-error">
        <ErrorText message={s.error} />
        {s.code === 'llm_not_configured' && (
          <button type="button" className="btn" onClick={() => s.openDialog({ kind: 'settings' })}>
            Open settings
          </button>
        )}
      </div>
    );
  }
  if (!s.response) return <p className="empty">Search passages, summaries, entities and relations across every dataset you can read.</p>;
  const total = s.response.results.reduce((n, r) => n + r.hits.length + (r.answer ? 1 : 0) + (r.rows?.length ?? 0) + (r.report ? 1 : 0), 0);
  if (total === 0) return <p className="empty" data-testid="search-empty">Nothing matched “{s.response.query}”.</p>;
  return (
    <div className="search-results" data-testid="search-results">
      {s.response.results.map((r) => (
        <DatasetResults key={r.datasetId} result={r} words={words} />
      ))}
    </div>
  );
}

type Result = SearchResponse['results'][number];

function DatasetResults({ result, words }: Readonly<{ result: Result; words: readonly string[] }>) {
  if (result.hits.length === 0 && !result.answer && !result.rows?.length && !result.report) return null;
  return (
    <section className="result-group" aria-label={`Results in ${result.datasetName}`} data-testid="result-group" data-dataset={result.datasetName}>
      <h3>{result.datasetName}</h3>
      {result.answer && (
        <div className="answer" data-testid="search-answer">
          {result.answer}
        </div>
      )}
      {result.report && <pre className="rows">{JSON.stringify(result.report, null, 2)}</pre>}
      {result.rows && result.rows.length > 0 && <pre className="rows">{JSON.stringify(result.rows.slice(0, 50), null, 2)}</pre>}
      <ol className="hits">
        {result.hits.map((h, i) => (
          <HitRow key={`${h.citation?.chunkId ?? h.nodeId ?? ''}:${i}`} hit={h} datasetId={result.datasetId} words={words} />
        ))}
      </ol>
    </section>
  );
}

function HitRow({ hit, datasetId, words }: Readonly<{ hit: SearchHit; datasetId: string; words: readonly string[] }>) {
  const open = useApp((s) => s.openDocument);
  const focus = useApp((s) => s.focusNode);
  const c = hit.citation;
  const t = hit.triplet;
  const act = c ? () => void open(datasetId, c.dataId, { start: c.start, end: c.end, name: c.dataName }) : hit.nodeId ? () => void focus(datasetId, hit.nodeId!) : undefined;
  return (
    <li>
      <button type="button" className="hit" data-testid="search-hit" data-kind={hit.kind} disabled={!act} onClick={act}>
        {t ? (
          <span className="triplet">
            <strong>{t.source.name}</strong> <span className="muted">{t.relation}</span> <strong>{t.target.name}</strong>
          </span>
        ) : null}
        <span className="hit-text">
          <Highlighted text={c?.text ?? hit.text} words={words} />
        </span>
        <span className="muted small">
          {hit.kind}
          {c ? ` · ${c.dataName}` : ''}
          {!c && hit.nodeId ? ' · show in graph' : ''}
        </span>
      </button>
    </li>
  );
}
