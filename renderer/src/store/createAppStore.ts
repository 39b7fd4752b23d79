import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';

import { createDatasetsSlice } from '../features/datasets/datasetsSlice';
import { createDocumentsSlice } from '../features/datasets/documentsSlice';
import { createDocumentSlice } from '../features/document/documentSlice';
import { createGraphSlice } from '../features/graph/graphSlice';
import { createIngestSlice } from '../features/ingest/ingestSlice';
import { createSessionSlice } from '../features/profiles/sessionSlice';
import { createSearchSlice } from '../features/search/searchSlice';
import { createSettingsSlice } from '../features/settings/settingsSlice';
import { createSharingSlice } from '../features/sharing/sharingSlice';
import { createTenantSlice } from '../features/tenant/tenantSlice';
import type { Client } from '../transport';
import type { AppStore } from './types';
import { createUiSlice } from './uiSlice';

/** The one store, combined from the feature slices (React-free, so tests can drive it directly). */
export function createAppStore(client: Client): StoreApi<AppStore> {
  return createStore<AppStore>()((...a) => ({
    ...createSessionSlice(client)(...a),
    ...createDatasetsSlice(client)(...a),
    ...createDocumentsSlice(client)(...a),
    ...createIngestSlice(client)(...a),
    ...createGraphSlice(client)(...a),
    ...createSearchSlice(client)(...a),
    ...createDocumentSlice(client)(...a),
    ...createSharingSlice(client)(...a),
    ...createTenantSlice(client)(...a),
    ...createSettingsSlice(client)(...a),
    ...createUiSlice(client)(...a),
  }));
}

/**
 * Routes pushed events into the store. Returns the unsubscribe function. Revokes and deletes
 * arrive as `datasets.changed`; the re-list lets go of a dataset that vanished.
 */
export function wireEvents(client: Client, store: StoreApi<AppStore>): () => void {
  const offs = [
    client.on('run.progress', (p) => store.getState().onRunProgress(p)),
    client.on('run.finished', (r) => void store.getState().onRunFinished(r)),
    client.on('datasets.changed', () => {
      const s = store.getState();
      if (s.phase !== 'ready') return;
      void s.refreshDatasets();
      void s.loadTenant();
    }),
  ];
  return () => offs.forEach((off) => off());
}
