/**
 * GET /api/v1/activity/pipeline-runs, as cognee/api/v1/activity/routers/get_activity_router.py
 * answers it: the 50 newest pipeline runs of the datasets the caller may read (or of one,
 * `?dataset_id=`), each with its dataset's name and owner. A dataset the caller may not read is
 * Cognee's PermissionDeniedError (403) through the global handler; with no dataset named and
 * none readable the answer is `[]`.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import type { HostContext } from '../context';
import { callCore, parse, v1 } from './common';
import { pipelineRunStatus } from './shapes';

const RUNS = 50;

export function registerActivityRoutes(app: FastifyInstance, ctx: HostContext): void {
  const { core } = ctx;
  app.get('/api/v1/activity/pipeline-runs', v1(async (req) => {
    const { dataset_id: datasetId } = parse(z.object({ dataset_id: z.uuid().optional() }), req.query ?? {}, 'query');
    const readable = await callCore(core, req, 'datasets.list', {});
    if (!datasetId && readable.length === 0) return [];
    const runs = await callCore(core, req, 'runs.recent', { ...(datasetId ? { datasetIds: [datasetId] } : {}), limit: RUNS }, 'query');
    const byId = new Map(readable.map((d) => [d.id, d]));
    return runs.map((run) => {
      const d = byId.get(run.datasetId);
      return {
        id: run.id,
        // Kenning's re-embed rebuilds the same index cognify writes: both are Cognee's cognify pipeline.
        pipeline_name: 'cognify_pipeline',
        status: pipelineRunStatus(run),
        dataset_id: run.datasetId,
        dataset_name: d?.name ?? null,
        owner_id: d?.ownerId ?? null,
        owner_email: d?.ownerEmail ?? null,
        created_at: run.startedAt,
        pipeline_run_id: run.id,
      };
    });
  }));
}
