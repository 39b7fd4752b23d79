/**
 * Datasets, their data, graph and status, as cognee/api/v1/datasets/routers/get_datasets_router.py
 * exposes them under /api/v1/datasets.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { callCore, camelKeys, parse, queryList, v1 } from './common';
import type { HostContext } from '../context';
import { dataDto, datasetDto, graphDto, pipelineRunStatus } from './shapes';

// Validated under Cognee's parameter names, so a 400 names `dataset_id` / `data_id` as Cognee would.
const datasetParams = z.object({ dataset_id: z.uuid() });
const dataParams = z.object({ dataset_id: z.uuid(), data_id: z.uuid() });

export function registerDatasetRoutes(app: FastifyInstance, ctx: HostContext): void {
  const { core } = ctx;

  app.get('/api/v1/datasets', v1(async (req) => (await callCore(core, req, 'datasets.list', {})).map(datasetDto)));

  // Cognee returns the caller's existing dataset of that name instead of creating a second one.
  app.post('/api/v1/datasets', v1(async (req) => {
    const { name } = parse(z.object({ name: z.string() }), camelKeys(req.body), 'body');
    const own = (await callCore(core, req, 'datasets.list', {})).find((d) => d.isOwner && d.name === name.trim());
    return datasetDto(own ?? (await callCore(core, req, 'datasets.create', { name })));
  }));

  app.delete('/api/v1/datasets/:id', v1(async (req) => {
    const { dataset_id: id } = parse(datasetParams, pathParams(req.params), 'path');
    await callCore(core, req, 'datasets.delete', { datasetId: id });
    return null;
  }));

  app.get('/api/v1/datasets/:id/data', v1(async (req) => {
    const { dataset_id: id } = parse(datasetParams, pathParams(req.params), 'path');
    return (await callCore(core, req, 'datasets.data', { datasetId: id })).map((d) => dataDto(d, id));
  }));

  app.delete('/api/v1/datasets/:id/data/:dataId', v1(async (req) => {
    const { dataset_id: id, data_id: dataId } = parse(dataParams, pathParams(req.params), 'path');
    await callCore(core, req, 'data.delete', { datasetId: id, dataId });
    return null;
  }));

  app.get('/api/v1/datasets/:id/graph', v1(async (req) => {
    const { dataset_id: id } = parse(datasetParams, pathParams(req.params), 'path');
    return graphDto(await callCore(core, req, 'graph.read', { datasetId: id }));
  }));

  // ?dataset=<id> (repeatable); none = every readable dataset. Answers { <id>: PipelineRunStatus }
  // for datasets that have a cognify run (Cognee's cognify_pipeline status, its default).
  app.get('/api/v1/datasets/status', v1(async (req) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const { dataset, pipeline } = parse(
      z.object({ dataset: z.array(z.uuid()).max(1000), pipeline: z.array(z.literal('cognify_pipeline', { message: "only 'cognify_pipeline' is tracked" })) }),
      { dataset: queryList(q.dataset), pipeline: queryList(q.pipeline) },
      'query',
    );
    void pipeline;
    const ids = dataset.length > 0 ? dataset : (await callCore(core, req, 'datasets.list', {})).map((d) => d.id);
    if (ids.length === 0) return {};
    const statuses = await callCore(core, req, 'datasets.status', { datasetIds: ids }, 'query');
    const out: Record<string, string> = {};
    for (const s of statuses) if (s.latestRun) out[s.datasetId] = pipelineRunStatus(s.latestRun);
    return out;
  }));
}

function pathParams(p: unknown): Record<string, unknown> {
  const params = (p ?? {}) as Record<string, unknown>;
  return { dataset_id: params.id, data_id: params.dataId };
}
