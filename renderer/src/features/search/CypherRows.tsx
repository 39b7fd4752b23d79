/** A Cypher query's rows as a table: one column per returned name, values shown as text. */
export function CypherRows({ rows }: Readonly<{ rows: readonly Readonly<Record<string, unknown>>[] }>) {
  if (rows.length === 0) return <p className="search-hint" data-testid="search-empty">The query returned no rows.</p>;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    <div className="search-results" data-testid="search-results">
      <p className="muted small" data-testid="cypher-row-count">
        {rows.length} {rows.length === 1 ? 'row' : 'rows'}
      </p>
      <div className="table-scroll">
        <table className="data-table" data-testid="cypher-rows">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c}>{cell(r[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Strings as they are, nothing as an empty cell, anything else (lists, nodes) as compact JSON. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
