import { useShallow } from 'zustand/react/shallow';

import { useApp } from '../../store/hooks';

/** Search every readable dataset, or only the chosen ones. */
export function SearchScope() {
  const { datasets, scope, setScope } = useApp(useShallow((s) => ({ datasets: s.datasets, scope: s.searchScope, setScope: s.setSearchScope })));
  const all = scope.length === 0;
  return (
    <fieldset className="search-scope" data-testid="search-scope">
      <legend className="small muted">Search in</legend>
      <label className="chip">
        <input type="checkbox" checked={all} onChange={() => setScope([])} />
        All my datasets
      </label>
      {datasets.map((d) => (
        <label key={d.id} className="chip">
          <input
            type="checkbox"
            checked={scope.includes(d.id)}
            onChange={(e) => setScope(e.target.checked ? [...scope, d.id] : scope.filter((x) => x !== d.id))}
          />
          {d.name}
        </label>
      ))}
    </fieldset>
  );
}
