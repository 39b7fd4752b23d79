import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';

import type { SearchType } from '../../../../shared/contract/search';
import { useApp } from '../../store/hooks';
import { CypherPanel } from './CypherPanel';
import { SearchScope } from './SearchScope';
import { SEARCH_TYPE_OPTIONS } from './searchTypes';

/** One box, a type selector and the scope; for Cypher, the editor panel. Ctrl/Cmd+K focuses the box. */
export function SearchForm() {
  const s = useApp(
    useShallow((st) => ({
      query: st.searchQuery,
      type: st.searchType,
      loading: st.searchLoading,
      tick: st.searchFocusTick,
      setQuery: st.setSearchQuery,
      setType: st.setSearchType,
      run: st.runSearch,
    })),
  );
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    box.current?.focus();
    box.current?.select();
  }, [s.tick]);
  const needsLlm = SEARCH_TYPE_OPTIONS.find((o) => o.value === s.type)?.needsLlm;
  return (
    <form
      className="search-form"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        void s.run();
      }}
    >
      {s.type === 'CYPHER' ? (
        <>
          <TypeSelect type={s.type} setType={s.setType} />
          <CypherPanel />
        </>
      ) : (
        <>
          <div className="row">
            <input
              ref={box}
              className="input search-box"
              type="search"
              placeholder="Search your documents…"
              aria-label="Search query"
              data-testid="search-input"
              value={s.query}
              onChange={(e) => s.setQuery(e.target.value)}
            />
            <TypeSelect type={s.type} setType={s.setType} />
            <button type="submit" className="btn primary" disabled={s.loading || !s.query.trim()} data-testid="search-submit">
              {s.loading ? 'Searching…' : 'Search'}
            </button>
          </div>
          {needsLlm && <p className="muted small">This type asks a language model for an answer; it works only when one is configured in Settings.</p>}
          <SearchScope />
        </>
      )}
    </form>
  );
}

function TypeSelect({ type, setType }: Readonly<{ type: SearchType; setType: (t: SearchType) => void }>) {
  return (
    <>
      <label className="visually-hidden" htmlFor="search-type">
        Search type
      </label>
      <select id="search-type" className="input type-select" data-testid="search-type" value={type} onChange={(e) => setType(e.target.value as SearchType)}>
        {SEARCH_TYPE_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}
