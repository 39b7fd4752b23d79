import type { GraphReport } from '../../../../shared/contract/search';
import { useApp } from '../../store/hooks';

/** GRAPH_REPORT for one dataset as tables: counts, hubs and bridges; each entity opens the graph on it. */
export function GraphReportView({ datasetId, datasetName, report }: Readonly<{ datasetId: string; datasetName: string; report: GraphReport }>) {
  const focus = useApp((s) => s.focusNode);
  const counts = Object.entries(report.countsByType).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const open = (id: string) => void focus(datasetId, id);
  return (
    <section className="result-group graph-report" aria-label={`Graph report of ${datasetName}`} data-testid="graph-report" data-dataset={datasetName}>
      <h3>{datasetName}</h3>
      <div className="report-grid">
        <div>
          <table className="data-table" data-testid="report-counts">
            <caption>Counts</caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Nodes
                </th>
              </tr>
            </thead>
            <tbody>
              {counts.map(([type, n]) => (
                <tr key={type}>
                  <td>{type}</td>
                  <td className="num">{n.toLocaleString()}</td>
                </tr>
              ))}
              <tr>
                <td>Clusters of entities</td>
                <td className="num">{report.clusters.toLocaleString()}</td>
              </tr>
            </tbody>
          </table>
        </div>
        <div>
          <table className="data-table" data-testid="report-hubs">
            <caption>Hubs: the most connected</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Links
                </th>
                <th scope="col" className="num" title="PageRank: how central the node is in the whole graph">
                  Centrality
                </th>
              </tr>
            </thead>
            <tbody>
              {report.hubs.map((h) => (
                <tr key={h.id}>
                  <td>
                    <EntityLink name={h.name} onOpen={() => open(h.id)} />
                  </td>
                  <td>{h.type}</td>
                  <td className="num">{h.degree}</td>
                  <td className="num">{h.pagerank.toFixed(4)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <table className="data-table" data-testid="report-bridges">
            <caption>Bridges: linking separate clusters</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Clusters linked
                </th>
              </tr>
            </thead>
            <tbody>
              {report.bridges.length === 0 && (
                <tr>
                  <td colSpan={3} className="muted">
                    No node links two clusters.
                  </td>
                </tr>
              )}
              {report.bridges.map((b) => (
                <tr key={b.id}>
                  <td>
                    <EntityLink name={b.name} onOpen={() => open(b.id)} />
                  </td>
                  <td>{b.type}</td>
                  <td className="num">{b.clustersLinked}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

function EntityLink({ name, onOpen }: Readonly<{ name: string; onOpen: () => void }>) {
  return (
    <button type="button" className="link" data-testid="report-entity" title={`Show ${name} in the graph`} onClick={onOpen}>
      {name || '(unnamed)'}
    </button>
  );
}
