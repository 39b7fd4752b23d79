/**
 * Datasets, their data, graph and status, as cognee/api/v1/datasets/routers/get_datasets_router.py
 * exposes them under /api/v1/datasets.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { callCore, camelKeys, parse, queryList, v1, V1Failure } from './common';
import type { HostContext } from '../context';
import { sessionToken } from '../session';
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

  // Cognee's delete_all: every dataset the caller may delete (its own, and any shared with delete).
  app.delete('/api/v1/datasets', v1(async (req) => {
    const deletable = (await callCore(core, req, 'datasets.list', {})).filter((d) => d.permissions.delete);
    for (const d of deletable) await callCore(core, req, 'datasets.delete', { datasetId: d.id });
    return null;
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
    try {
      await callCore(core, req, 'data.delete', { datasetId: id, dataId });
    } catch (e) {
      // Cognee's datasets.delete_data turns the permission failure into UnauthorizedDataAccessError (401).
      if (e instanceof V1Failure && e.failure.status === 403) {
        throw new V1Failure({ status: 401, body: { detail: `Dataset ${id} not accessible. [UnauthorizedDataAccessError]` } });
      }
      throw e;
    }
    return null;
  }));

  app.get('/api/v1/datasets/:id/graph', v1(async (req) => {
    const { dataset_id: id } = parse(datasetParams, pathParams(req.params), 'path');
    return graphDto(await callCore(core, req, 'graph.read', { datasetId: id }));
  }));

  // ?dataset=<id> (repeatable; none = every readable dataset) and ?pipeline=<name> (repeatable;
  // none = cognify_pipeline). One pipeline: { <id>: PipelineRunStatus }; several: { <id>: { <name>: status } }.
  app.get('/api/v1/datasets/status', v1(async (req) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const { dataset, pipeline } = parse(
      z.object({ dataset: z.array(z.uuid()).max(1000), pipeline: z.array(z.string().max(200)).max(20) }),
      { dataset: queryList(q.dataset), pipeline: queryList(q.pipeline) },
      'query',
    );
    const readable = await callCore(core, req, 'datasets.list', {});
    // Cognee answers any failure here, a dataset the caller may not read included, with this 409.
    const refused = () => new V1Failure({ status: 409, body: { error: 'Unable to retrieve dataset statuses.' } });
    const known = new Map(readable.map((d) => [d.id, d]));
    if (dataset.some((id) => !known.has(id))) throw refused();
    const ids = dataset.length > 0 ? [...new Set(dataset)] : readable.map((d) => d.id);
    const pipelines = pipeline.length > 0 ? [...new Set(pipeline)] : ['cognify_pipeline'];
    let runs: Map<string, string> = new Map();
    if (ids.length > 0 && pipelines.includes('cognify_pipeline')) {
      const statuses = await core.call({ token: sessionToken(req) }, 'datasets.status', { datasetIds: ids });
      if (!statuses.ok) throw refused();
      runs = new Map(statuses.value.flatMap((s) => (s.latestRun ? [[s.datasetId, pipelineRunStatus(s.latestRun)] as const] : [])));
    }
    const statusOf = (id: string, name: string): string | undefined => {
      if (name === 'cognify_pipeline') return runs.get(id);
      // Kenning's add finishes inside the request: a dataset holding data has completed its add.
      if (name === 'add_pipeline') return (known.get(id)?.dataCount ?? 0) > 0 ? 'DATASET_PROCESSING_COMPLETED' : undefined;
      return undefined; // code_graph_pipeline and others: Kenning never runs them
    };
    if (pipelines.length === 1) {
      const out: Record<string, string> = {};
      for (const id of ids) {
        const s = statusOf(id, pipelines[0]!);
        if (s) out[id] = s;
      }
      return out;
    }
    const nested: Record<string, Record<string, string>> = {};
    for (const id of ids) {
      nested[id] = {};
      for (const name of pipelines) {
        const s = statusOf(id, name);
        if (s) nested[id][name] = s;
      }
    }
    return nested;
  }));
}

function pathParams(p: unknown): Record<string, unknown> {
  const params = (p ?? {}) as Record<string, unknown>;
  return { dataset_id: params.id, data_id: params.dataId };
}
