import { useShallow } from 'zustand/react/shallow';

import { ProfileMenu } from '../features/profiles/ProfileMenu';
import { useApp } from '../store/hooks';

/** Brand, the two main views, tenant / settings / help, and the current profile. */
export function TopBar() {
  const { view, setView, focusSearch, openDialog, tenantName, invited } = useApp(
    useShallow((s) => ({ view: s.view, setView: s.setView, focusSearch: s.focusSearch, openDialog: s.openDialog, tenantName: s.tenant?.tenant.name, invited: s.invitations.length })),
  );
  return (
    <header className="topbar">
      <span className="brand">Kenning</span>
      <nav className="tabs" aria-label="Views">
        <button type="button" className={view === 'graph' ? 'tab active' : 'tab'} aria-current={view === 'graph' ? 'page' : undefined} data-testid="nav-graph" onClick={() => setView('graph')}>
          Graph
        </button>
        <button type="button" className={view === 'search' ? 'tab active' : 'tab'} aria-current={view === 'search' ? 'page' : undefined} data-testid="nav-search" onClick={focusSearch} title="Search (Ctrl+K)">
          Search <kbd className="kbd">Ctrl K</kbd>
        </button>
      </nav>
      <span className="spacer" />
      <button type="button" className="btn ghost" data-testid="open-tenant" onClick={() => openDialog({ kind: 'tenant' })}>
        {tenantName ? `Tenant: ${tenantName}` : 'Tenant'}
        {invited > 0 && (
          <span className="invite-count" data-testid="invitation-count" aria-label={`${invited} tenant invitation${invited === 1 ? '' : 's'}`}>
            {invited}
          </span>
        )}
      </button>
      <button type="button" className="btn ghost" data-testid="open-settings" onClick={() => openDialog({ kind: 'settings' })}>
        Settings
      </button>
      <button type="button" className="btn ghost" aria-label="Help and keyboard shortcuts" data-testid="open-help" onClick={() => openDialog({ kind: 'help' })}>
        ?
      </button>
      <ProfileMenu />
    </header>
  );
}
