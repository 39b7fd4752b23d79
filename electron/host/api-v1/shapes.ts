/**
 * Kenning's views → Cognee's response DTOs (field names as Cognee serializes them: its
 * OutDTO models use camelCase aliases; PipelineRunInfo and UserRead use snake_case).
 */
import type { z } from 'zod';

import type { DatasetViewSchema, DataViewSchema, GraphSliceSchema, RunViewSchema, UserViewSchema } from '../../../shared/contract/views';

type DatasetView = z.infer<typeof DatasetViewSchema>;
type DataView = z.infer<typeof DataViewSchema>;
type GraphSlice = z.infer<typeof GraphSliceSchema>;
type RunView = z.infer<typeof RunViewSchema>;
type UserView = z.infer<typeof UserViewSchema>;

/** cognee/api/v1/datasets/routers/get_datasets_router.py DatasetDTO. */
export function datasetDto(d: DatasetView) {
  return { id: d.id, name: d.name, createdAt: d.createdAt, updatedAt: d.updatedAt, ownerId: d.ownerId };
}

/**
 * DataDTO. `rawDataLocation` names the stored content (hash + extension) rather than a
 * filesystem path: where files live on this machine is not the client's business.
 */
export function dataDto(d: DataView, datasetId: string) {
  return {
    id: d.id,
    name: d.name,
    createdAt: d.createdAt,
    updatedAt: null,
    extension: d.extension,
    mimeType: d.mimeType,
    rawDataLocation: `${d.contentHash}.${d.extension}`,
    datasetId,
  };
}

/** GraphDTO: `{ nodes: [{ id, label, type, properties }], edges: [{ source, target, label }] }`. */
export function graphDto(g: GraphSlice) {
  return {
    nodes: g.nodes.map((n) => ({
      id: n.id,
      label: n.name,
      type: n.type,
      properties: { name: n.name, ...(n.kind ? { kind: n.kind } : {}), ...(n.description ? { description: n.description } : {}) },
    })),
    edges: g.edges.map((e) => ({ source: e.source, target: e.target, label: e.relation })),
  };
}

/** fastapi-users' UserRead as Cognee exposes it. */
export function userRead(u: UserView) {
  return { id: u.id, email: u.email, is_active: true, is_superuser: u.isSuperuser, is_verified: true, tenant_id: u.tenantId };
}

/** Cognee's PipelineRunStatus values for GET /datasets/status. */
export function pipelineRunStatus(run: RunView): string {
  switch (run.status) {
    case 'initiated':
      return 'DATASET_PROCESSING_INITIATED';
    case 'started':
      return 'DATASET_PROCESSING_STARTED';
    case 'completed':
      return 'DATASET_PROCESSING_COMPLETED';
    default:
      return 'DATASET_PROCESSING_ERRORED';
  }
}

/** Cognee's PipelineRunInfo (model_dump), per dataset, for POST /cognify. */
export function pipelineRunInfo(run: RunView, datasetName: string) {
  const status = run.status === 'completed' ? 'PipelineRunCompleted' : run.status === 'initiated' || run.status === 'started' ? 'PipelineRunStarted' : 'PipelineRunErrored';
  return { status, pipeline_run_id: run.id, dataset_id: run.datasetId, dataset_name: datasetName, payload: run.error ? { error: run.error } : null, data_ingestion_info: null };
}
