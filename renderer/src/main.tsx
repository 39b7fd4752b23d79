/** Entry point: connect the transport, build the store, wire events and shortcuts, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App';
import { setFlags } from './app/e2eFlags';
import { installShortcuts } from './app/shortcuts';
import { createAppStore, wireEvents } from './store/createAppStore';
import { installStore } from './store/hooks';
import { connect } from './transport';
import './app/theme.css';
import './app/layout.css';

const client = connect();
const store = createAppStore(client);
installStore(store);
wireEvents(client, store);
installShortcuts(store);

// Mirror what tests wait on; never used for app logic.
store.subscribe((s) => setFlags({ phase: s.phase, profile: s.user?.email ?? null, ready: s.phase !== 'booting' }));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void store.getState().boot();
