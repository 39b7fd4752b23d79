/**
 * add, cognify, search and forget, as Cognee exposes them: cognee/api/v1/add/routers/get_add_router.py,
 * cognify/routers/get_cognify_router.py, search/routers/get_search_router.py and
 * forget/routers/get_forget_router.py (mounted under /api/v1/add, /cognify, /search, /forget).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

import { SearchTypeEnum } from '../../../shared/contract/search';
import type { Core } from '../../core/core';
import { readUpload, UploadError } from '../uploads';
import type { UploadLease } from '../uploads';
import { errorResponse, validationError } from './cognee-errors';
import { sessionToken } from '../session';
import { callCore, camelKeys, coreFailure, parse, v1, V1Failure } from './common';
import type { HostContext } from '../context';
import { pipelineRunInfo } from './shapes';

const uuidOrEmpty = z.union([z.uuid(), z.literal('')]);

const AddFields = z.object({ datasetId: uuidOrEmpty.optional(), datasetName: z.string().optional() });

const CognifyBody = z.object({
  datasets: z.array(z.string()).max(100).nullish(),
  datasetIds: z.array(z.uuid()).max(100).nullish(),
  runInBackground: z.boolean().nullish(),
});

const SearchBody = z.object({
  // Kenning is offline by default: without an explicit type, the core's default (no LLM needed).
  searchType: SearchTypeEnum.optional(),
  query: z.string(),
  datasets: z.array(z.string()).max(1000).nullish(),
  datasetIds: z.array(z.uuid()).max(1000).nullish(),
  topK: z.number().int().nullish(),
  onlyContext: z.boolean().nullish(),
});

const ForgetBody = z.object({
  dataId: z.uuid().nullish(),
  dataset: z.string().nullish(),
  datasetId: z.uuid().nullish(),
  everything: z.boolean().default(false),
  memoryOnly: z.boolean().default(false),
});

export function registerPipelineRoutes(app: FastifyInstance, ctx: HostContext): void {
  app.post('/api/v1/add', v1(async (req) => {
    // The upload holds its bytes against the shared budget until the core is done with them.
    const lease = ctx.uploadBudget.lease();
    try {
      return await add(ctx, req, lease);
    } finally {
      lease.release();
    }
  }));
  app.post('/api/v1/cognify', v1((req, reply) => cognify(ctx.core, req, reply)));
  app.post('/api/v1/search', v1((req) => search(ctx.core, req)));
  app.post('/api/v1/forget', v1((req, reply) => forget(ctx.core, req, reply)));
}

async function add(ctx: HostContext, req: FastifyRequest, lease: UploadLease): Promise<unknown> {
  const upload = await readAddUpload(ctx, req, lease);
  const f = parse(AddFields, upload.fields, 'body');
  const datasetId = f.datasetId || undefined;
  const datasetName = f.datasetName?.trim() || undefined;
  if (!datasetId && !datasetName) throw new V1Failure(errorResponse(400, 'Either datasetId or datasetName must be provided.'));
  if (upload.files.length === 0) throw new V1Failure(validationError([{ type: 'missing', loc: ['body', 'data'], msg: 'Field required' }]));
  const r = await callCore(ctx.core, req, 'data.add', { ...(datasetId ? { datasetId } : { datasetName }), files: upload.files });
  const info = r.items.map((i) => ({ data_id: i.dataId ?? null, data_name: i.name, status: i.status, ...(i.reason ? { reason: i.reason } : {}) }));
  if (r.items.every((i) => i.status === 'rejected')) {
    throw new V1Failure(errorResponse(400, 'Nothing was added', r.items.map((i) => `${i.name}: ${i.reason ?? 'rejected'}`).join('; ')));
  }
  // add is synchronous here: there is no pipeline run to follow, hence no run id.
  return { status: 'PipelineRunCompleted', pipeline_run_id: null, dataset_id: r.datasetId, dataset_name: r.datasetName, payload: null, data_ingestion_info: info };
}

/** The multipart body of an add, within the host's limits; a refused upload is Cognee's validation error. */
async function readAddUpload(ctx: HostContext, req: FastifyRequest, lease: UploadLease): ReturnType<typeof readUpload> {
  const config = ctx.core.services.config;
  try {
    return await readUpload(req, {
      fileField: 'data',
      fields: ['datasetName', 'datasetId', 'node_set', 'run_in_background'],
      maxFileBytes: config.maxFileBytes,
      maxFiles: config.maxFilesPerCall,
      maxTotalBytes: ctx.maxUploadBytes,
    }, lease);
  } catch (e) {
    if (!(e instanceof UploadError)) throw e;
    const v = validationError([{ type: e.status === 413 ? 'too_large' : 'value_error', loc: ['body', e.field], msg: e.message }]);
    throw new V1Failure({ status: e.status, body: v.body });
  }
}

async function cognify(core: Core, req: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const b = parse(CognifyBody, camelKeys(req.body ?? {}), 'body');
  if (!b.datasets?.length && !b.datasetIds?.length) return reply.code(400).send({ error: 'No datasets or dataset_ids provided' });
  const runs = await callCore(core, req, 'cognify.run', {
    ...(b.datasetIds?.length ? { datasetIds: b.datasetIds } : { datasetNames: b.datasets }),
    runInBackground: b.runInBackground ?? false, // Cognee's default: wait for the result
  });
  const names = await datasetNames(core, req);
  const out: Record<string, unknown> = {};
  for (const run of runs) out[run.datasetId] = pipelineRunInfo(run, names.get(run.datasetId) ?? '');
  // Cognee answers 420 when any run errored.
  const errored = Object.values(out).some((v) => (v as { status: string }).status === 'PipelineRunErrored');
  return reply.code(errored ? 420 : 200).send(out);
}

async function search(core: Core, req: FastifyRequest): Promise<unknown> {
  const b = parse(SearchBody, camelKeys(req.body ?? {}), 'body');
  let ids = b.datasetIds ?? undefined;
  if (!ids?.length && b.datasets?.length) {
    // Names resolve among the caller's own datasets only (Cognee's rule); unknown names match nothing.
    const own = (await callCore(core, req, 'datasets.list', {})).filter((d) => d.isOwner && b.datasets!.includes(d.name));
    if (own.length === 0) return [];
    ids = own.map((d) => d.id);
  }
  const r = await core.call({ token: sessionToken(req) }, 'search.run', {
    query: b.query,
    ...(b.searchType ? { searchType: b.searchType } : {}),
    ...(ids?.length ? { datasetIds: ids } : {}),
    ...(b.topK != null ? { topK: b.topK } : {}),
    ...(b.onlyContext != null ? { onlyContext: b.onlyContext } : {}),
  });
  // Cognee's search answers a permission failure with an empty list, not an error.
  if (!r.ok && r.error.code === 'permission_denied') return [];
  if (!r.ok) throw coreFailure(r.error);
  return r.value.results.map((d) => ({
    search_result: searchResult(d),
    dataset_id: d.datasetId,
    dataset_name: d.datasetName,
  }));
}

async function forget(core: Core, req: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const b = parse(ForgetBody, camelKeys(req.body ?? {}), 'body');
  const invalid = () =>
    reply.code(422).send({ error: 'Invalid request parameters. Specify dataset or dataset_id, data_id+dataset, or everything=True.' });
  if (b.everything) {
    const own = (await callCore(core, req, 'datasets.list', {})).filter((d) => d.isOwner);
    for (const d of own) await callCore(core, req, 'datasets.delete', { datasetId: d.id });
    return { status: 'success', deleted_datasets: own.map((d) => d.id) };
  }
  if ((b.dataset && b.datasetId) || (!b.dataset && !b.datasetId)) return invalid();
  if (b.dataId && b.memoryOnly) return invalid(); // per-item memory wipe is not offered by the core
  let datasetId = b.datasetId;
  if (!datasetId) {
    const own = (await callCore(core, req, 'datasets.list', {})).find((d) => d.isOwner && d.name === b.dataset);
    if (!own) return reply.code(404).send({ detail: `Dataset "${String(b.dataset).slice(0, 200)}" not found. [DatasetNotFoundError]` });
    datasetId = own.id;
  }
  if (b.dataId) {
    await callCore(core, req, 'data.delete', { datasetId, dataId: b.dataId });
    return { status: 'success', dataset_id: datasetId, data_id: b.dataId };
  }
  await callCore(core, req, 'forget', { datasetId, memoryOnly: b.memoryOnly });
  return { status: 'success', dataset_id: datasetId, memory_only: b.memoryOnly };
}

async function datasetNames(core: Core, req: FastifyRequest): Promise<Map<string, string>> {
  const list = await callCore(core, req, 'datasets.list', {});
  return new Map(list.map((d) => [d.id, d.name]));
}

type DatasetResult = { hits: unknown[]; answer?: string; context?: string; rows?: unknown[]; report?: unknown };

/** What Cognee puts in `search_result`: the answer for completions, else the context, rows, report or hits. */
function searchResult(d: DatasetResult): unknown {
  if (d.answer !== undefined) return [d.answer];
  if (d.context !== undefined) return d.context;
  if (d.rows !== undefined) return d.rows;
  if (d.report !== undefined) return d.report;
  return d.hits;
}
