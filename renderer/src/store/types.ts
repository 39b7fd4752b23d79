/** The whole store's shape: one interface per feature slice, combined once in createAppStore. */
import type { StateCreator, StoreApi } from 'zustand';

import type { Client } from '../transport';
import type { DatasetsSlice } from '../features/datasets/datasetsSlice';
import type { DocumentsSlice } from '../features/datasets/documentsSlice';
import type { DocumentSlice } from '../features/document/documentSlice';
import type { GraphSlice } from '../features/graph/graphSlice';
import type { IngestSlice } from '../features/ingest/ingestSlice';
import type { SessionSlice } from '../features/profiles/sessionSlice';
import type { SearchSlice } from '../features/search/searchSlice';
import type { SettingsSlice } from '../features/settings/settingsSlice';
import type { SharingSlice } from '../features/sharing/sharingSlice';
import type { TenantSlice } from '../features/tenant/tenantSlice';
import type { UiSlice } from './uiSlice';

export type AppStore = SessionSlice &
  DatasetsSlice &
  DocumentsSlice &
  IngestSlice &
  GraphSlice &
  SearchSlice &
  DocumentSlice &
  SharingSlice &
  TenantSlice &
  SettingsSlice &
  UiSlice;

/** A slice sees the whole store and the client, and returns only its own part. */
export type SliceCreator<S> = (client: Client) => StateCreator<AppStore, [], [], S>;

/** What a slice's action groups share when a slice is split into several functions. */
export type SliceContext = Readonly<{ client: Client; set: StoreApi<AppStore>['setState']; get: StoreApi<AppStore>['getState'] }>;
