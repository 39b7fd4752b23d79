/** Names for the contract's output shapes, as the renderer uses them (derived, never re-declared). */
import type { EventPayload } from '../../../shared/contract/events';
import type { Output } from '../../../shared/contract/procedures';

export type AuthStatus = Output<'auth.status'>;
export type User = Output<'auth.me'>;
export type Dataset = Output<'datasets.list'>[number];
export type DataItem = Output<'datasets.data'>[number];
export type Grant = Output<'sharing.list'>[number];
export type TenantDetails = NonNullable<Output<'tenants.mine'>>;
export type TenantInvitation = Output<'tenants.invitations'>[number];
export type GraphData = Output<'graph.read'>;
export type GraphOverview = Output<'graph.overview'>;
export type GraphNode = GraphData['nodes'][number];
export type GraphEdge = GraphData['edges'][number];
export type NodeDetails = Output<'graph.node'>;
export type SearchResponse = Output<'search.run'>;
export type SearchHit = SearchResponse['results'][number]['hits'][number];
export type SettingsValue = Output<'settings.get'>['settings'];
export type Progress = EventPayload<'run.progress'>;
export type RunView = EventPayload<'run.finished'>;
export type AddResult = Output<'data.add'>;
