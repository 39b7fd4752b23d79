/**
 * The newer dataset routes of cognee/api/v1/datasets/routers/get_datasets_router.py:
 * GET /datasets/graph-summary (node and edge counts per dataset, which Cognee's dashboard
 * shows) and GET /datasets/{id}/data/{data_id}/raw (the stored original file).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import type { HostContext } from '../context';
import { callCore, parse, queryList, v1, V1Failure } from './common';

const rawParams = z.object({ dataset_id: z.uuid(), data_id: z.uuid() });

export function registerDatasetExtraRoutes(app: FastifyInstance, ctx: HostContext): void {
  const { core } = ctx;

  // ?dataset_ids=<id> (repeatable; none = every readable dataset). DatasetGraphSummaryDTO is an
  // OutDTO, hence camelCase. A dataset the caller may not read is the core's 403, as Cognee's
  // get_authorized_existing_datasets raises it.
  app.get('/api/v1/datasets/graph-summary', v1(async (req) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const { dataset_ids: asked } = parse(z.object({ dataset_ids: z.array(z.uuid()).max(1000) }), { dataset_ids: queryList(q.dataset_ids) }, 'query');
    const ids = asked.length > 0 ? [...new Set(asked)] : (await callCore(core, req, 'datasets.list', {})).map((d) => d.id);
    if (ids.length === 0) return [];
    const statuses = await callCore(core, req, 'datasets.status', { datasetIds: ids }, 'query');
    return Promise.all(
      statuses.map(async (s) => {
        // Counts are of the graph as it is now; Cognee caches them per cognify run, hence computedAt.
        if (!s.latestRun) return { datasetId: s.datasetId, pipelineRunId: null, numNodes: 0, numEdges: 0, computedAt: null };
        const g = await callCore(core, req, 'graph.read', { datasetId: s.datasetId, nodeLimit: 1, edgeLimit: 1 }, 'query');
        return { datasetId: s.datasetId, pipelineRunId: s.latestRun.id, numNodes: g.totalNodes, numEdges: g.totalEdges, computedAt: new Date().toISOString() };
      }),
    );
  }));

  app.get('/api/v1/datasets/:id/data/:dataId/raw', v1(async (req, reply) => {
    const p = req.params as { id: string; dataId: string };
    const { dataset_id: datasetId, data_id: dataId } = parse(rawParams, { dataset_id: p.id, data_id: p.dataId }, 'path');
    let raw;
    try {
      raw = await callCore(core, req, 'data.raw', { datasetId, dataId }, 'path');
    } catch (e) {
      // Cognee's DataNotFoundError (404) through the global handler.
      if (e instanceof V1Failure && e.failure.status === 404) {
        throw new V1Failure({ status: 404, body: { detail: `Data (${dataId}) not found in dataset (${datasetId}). [DataNotFoundError]` } });
      }
      throw e;
    }
    const fileName = `${raw.name.replace(/\.[^.]*$/, '')}.${raw.extension}`.replace(/["\\\r\n]/g, '_');
    return reply
      .header('content-type', raw.mimeType || 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .header('x-content-type-options', 'nosniff')
      // An uploaded HTML or SVG file must never run as a page of Kenning's origin.
      .header('content-security-policy', 'sandbox')
      .send(Buffer.from(raw.bytes));
  }));
}
