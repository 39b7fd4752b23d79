/** The per-profile part of the store, as it is before anyone signs in. */
import { datasetsInitial } from '../features/datasets/datasetsSlice';
import { documentsInitial } from '../features/datasets/documentsSlice';
import { documentInitial } from '../features/document/documentSlice';
import { graphInitial } from '../features/graph/graphSlice';
import { ingestInitial } from '../features/ingest/ingestSlice';
import { searchInitial } from '../features/search/searchSlice';
import { settingsInitial } from '../features/settings/settingsSlice';
import { sharingInitial } from '../features/sharing/sharingSlice';
import { tenantInitial } from '../features/tenant/tenantSlice';

/** Used on every profile change: nothing of one profile may stay visible to the next. */
export function profileInitialState() {
  return {
    ...datasetsInitial,
    ...documentsInitial,
    ...documentInitial,
    ...graphInitial,
    ...ingestInitial,
    ...searchInitial,
    ...settingsInitial,
    ...sharingInitial,
    ...tenantInitial,
    dialog: null,
    view: 'graph' as const,
  };
}
