import { SearchForm } from './SearchForm';
import { SearchResults } from './SearchResults';
import './search.css';

/** The search page (Ctrl/Cmd+K). */
export function SearchPage() {
  return (
    <div className="search-page" data-testid="search-page">
      <h2 className="visually-hidden">Search</h2>
      <SearchForm />
      <SearchResults />
    </div>
  );
}
