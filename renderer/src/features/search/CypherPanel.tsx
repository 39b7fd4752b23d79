import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';
import { ErrorText } from '../../ui/ErrorText';
import { CYPHER_EXAMPLES } from './cypherSchema';
import type { SchemaTable } from './cypherSchema';

/**
 * The Cypher editor: a dataset picker (a query runs on one dataset's graph, never "all"), the
 * editor with example queries that fill it, and that dataset's schema beside it.
 */
export function CypherPanel() {
  const s = useApp(
    useShallow((st) => ({
      datasets: st.datasets,
      datasetId: st.cypherDatasetId,
      query: st.cypherQuery,
      schema: st.cypherSchema,
      schemaError: st.cypherSchemaError,
      loading: st.searchLoading,
      setDataset: st.setCypherDataset,
      setQuery: st.setCypherQuery,
      run: st.runSearch,
    })),
  );
  const picked = s.datasets.some((d) => d.id === s.datasetId);
  const schema = s.schema && s.schema.datasetId === s.datasetId ? s.schema : null;
  return (
    <div className="cypher-panel" data-testid="cypher-panel">
      <div className="cypher-main">
        <label className="field">
          <span>Dataset to query</span>
          <select className="input" data-testid="cypher-dataset" value={picked ? s.datasetId! : ''} onChange={(e) => s.setDataset(e.target.value || null)}>
            <option value="">Choose a dataset…</option>
            {s.datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        {!picked && (
          <p className="hint" data-testid="cypher-pick-dataset">
            Cypher runs on one dataset at a time. Choose the dataset to query; to search all of them, use one of the other search types.
          </p>
        )}
        <label className="field">
          <span>Cypher query (read-only)</span>
          <textarea
            className="input cypher-editor"
            data-testid="cypher-editor"
            rows={5}
            spellCheck={false}
            placeholder="MATCH (n:Node) WHERE n.type = 'Entity' RETURN n.name LIMIT 25"
            value={s.query}
            onChange={(e) => s.setQuery(e.target.value)}
            onKeyDown={(e) => {
              // Ctrl/Cmd+Enter runs, as in other query editors; plain Enter adds a line.
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void s.run();
              }
            }}
          />
        </label>
        <div className="row wrap">
          <button type="submit" className="btn primary" disabled={s.loading || !picked || !s.query.trim()} data-testid="cypher-run">
            {s.loading ? 'Running…' : 'Run query'}
          </button>
          <span className="muted small">Examples:</span>
          {CYPHER_EXAMPLES.map((ex) => (
            <button key={ex.label} type="button" className="chip" data-testid="cypher-example" title={ex.query} onClick={() => s.setQuery(ex.query)}>
              {ex.label}
            </button>
          ))}
        </div>
      </div>
      <aside className="cypher-schema" id="cypher-schema" tabIndex={-1} aria-label="Schema" data-testid="cypher-schema">
        <h3>Schema</h3>
        {!picked && <p className="muted small">Choose a dataset to see its tables.</p>}
        {picked && !schema && !s.schemaError && <p className="muted small">Reading the tables…</p>}
        <ErrorText message={picked ? s.schemaError : null} />
        {schema?.tables.map((t) => <SchemaTableView key={t.name} table={t} />)}
        {schema && (
          <p className="muted small">
            Kinds of node (Entity, Document, DocumentChunk, TextSummary, EntityType) are values of <code>Node.type</code>, not tables; relations are values of <code>Rel.relation</code>.
          </p>
        )}
      </aside>
    </div>
  );
}

function SchemaTableView({ table }: Readonly<{ table: SchemaTable }>) {
  return (
    <div className="schema-table" data-testid="schema-table" data-table={table.name}>
      <p className="schema-name">
        <code>{table.name}</code>{' '}
        <span className="muted small">{table.kind === 'rel' ? `relationship ${table.from || '?'} → ${table.to || '?'}` : 'node table'}</span>
      </p>
      <ul className="schema-props">
        {table.properties.map((p) => (
          <li key={p.name}>
            <code>{p.name}</code> <span className="muted">{p.type}</span>
            {p.primaryKey && <span className="muted"> · key</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
