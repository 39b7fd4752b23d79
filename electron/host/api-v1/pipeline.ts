/**
 * add, cognify and forget, as Cognee exposes them: cognee/api/v1/add/routers/get_add_router.py,
 * cognify/routers/get_cognify_router.py and forget/routers/get_forget_router.py (mounted under
 * /api/v1/add, /cognify, /forget). Search has its own file (search.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

import type { WireError } from '../../../shared/domain/errors';
import type { Core } from '../../core/core';
import { readUpload, UploadError } from '../uploads';
import type { UploadLease } from '../uploads';
import { errorResponse, validationError } from './cognee-errors';
import { sessionToken } from '../session';
import { callCore, camelKeys, coreFailure, parse, v1, V1Failure } from './common';
import type { HostContext } from '../context';
import { unknownOntologyKeys } from './ontologies';
import { pipelineRunInfo } from './shapes';

const uuidOrEmpty = z.union([z.uuid(), z.literal('')]);

const AddFields = z.object({ datasetId: uuidOrEmpty.optional(), datasetName: z.string().optional() });

const CognifyBody = z.object({
  datasets: z.array(z.string()).max(100).nullish(),
  datasetIds: z.array(z.uuid()).max(100).nullish(),
  runInBackground: z.boolean().nullish(),
  ontologyKey: z.array(z.string().max(200)).max(100).nullish(),
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
    // 401 before the body is read: an anonymous upload must not hold the shared budget (red team, issue 19).
    await callCore(ctx.core, req, 'auth.me', {});
    // The upload holds its bytes against the shared budget until the core is done with them.
    const lease = ctx.uploadBudget.lease();
    try {
      return await add(ctx, req, lease);
    } finally {
      lease.release();
    }
  }));
  app.post('/api/v1/cognify', v1((req, reply) => cognify(ctx.core, req, reply)));
  app.post('/api/v1/forget', v1((req, reply) => forget(ctx.core, req, reply)));
}

async function add(ctx: HostContext, req: FastifyRequest, lease: UploadLease): Promise<unknown> {
  const upload = await readAddUpload(ctx, req, lease);
  const f = parse(AddFields, upload.fields, 'body');
  const datasetId = f.datasetId || undefined;
  const datasetName = f.datasetName?.trim() || undefined;
  if (!datasetId && !datasetName) throw new V1Failure(errorResponse(400, 'Either datasetId or datasetName must be provided.'));
  if (upload.files.length === 0) throw new V1Failure(validationError([{ type: 'missing', loc: ['body', 'data'], msg: 'Field required' }]));
  const added = await ctx.core.call({ token: sessionToken(req) }, 'data.add', { ...(datasetId ? { datasetId } : { datasetName }), files: upload.files });
  if (!added.ok) throw routerFailure(added.error);
  const r = added.value;
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
  // Cognee resolves ontology keys first and answers an unknown one with 409 (a ValueError). A known
  // key is accepted, but Kenning's offline extraction does not yet type entities by it (docs/cognee.md).
  const unknown = await unknownOntologyKeys(core, req, (b.ontologyKey ?? []).filter(Boolean));
  if (unknown) return reply.code(409).send({ error: `Ontology key '${unknown}' not found`, detail: null });
  const started = await core.call({ token: sessionToken(req) }, 'cognify.run', {
    ...(b.datasetIds?.length ? { datasetIds: b.datasetIds } : { datasetNames: b.datasets }),
    runInBackground: b.runInBackground ?? false, // Cognee's default: wait for the result
  });
  if (!started.ok) throw routerFailure(started.error);
  const runs = started.value;
  // Cognee answers a run that errored with a 500 ErrorResponse carrying the first error.
  const failed = runs.find((run) => run.status !== 'completed' && run.status !== 'initiated' && run.status !== 'started');
  if (failed) return reply.code(500).send({ error: 'Pipeline run errored', detail: failed.error ?? 'PipelineRunErrored' });
  const names = await datasetNames(core, req);
  const out: Record<string, unknown> = {};
  for (const run of runs) out[run.datasetId] = pipelineRunInfo(run, names.get(run.datasetId) ?? '');
  return reply.code(200).send(out);
}

/**
 * Cognee's forget router answers a bad combination with 422 and any other failure, a dataset
 * that is unknown or not the caller's to delete included, with one 500 (its catch-all); the
 * success bodies are those of cognee/api/v1/forget/forget.py.
 */
async function forget(core: Core, req: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const b = parse(ForgetBody, camelKeys(req.body ?? {}), 'body');
  const invalid = () =>
    reply.code(422).send({ error: 'Invalid request parameters. Specify dataset or dataset_id, data_id+dataset, or everything=True.' });
  const failed = () => reply.code(500).send({ error: 'An error occurred during deletion.' });
  if (b.everything) {
    const own = (await callCore(core, req, 'datasets.list', {})).filter((d) => d.isOwner);
    for (const d of own) await callCore(core, req, 'datasets.delete', { datasetId: d.id });
    return { datasets_removed: own.length, status: 'success' };
  }
  if ((b.dataset && b.datasetId) || (!b.dataset && !b.datasetId)) return invalid();
  if (b.dataId && b.memoryOnly) return invalid(); // per-item memory wipe is not offered by the core
  const readable = await callCore(core, req, 'datasets.list', {});
  const target = b.datasetId ? readable.find((d) => d.id === b.datasetId) : byNameToForget(readable, b.dataset ?? '');
  if (!target) return failed();
  const datasetId = target.id;
  const token = { token: sessionToken(req) };
  if (b.dataId) {
    const r = await core.call(token, 'data.delete', { datasetId, dataId: b.dataId });
    if (!r.ok) return r.error.code === 'unauthenticated' ? reply.code(401).send({ detail: 'Unauthorized' }) : failed();
    return { data_id: b.dataId, dataset_id: datasetId, status: 'success' };
  }
  const r = await core.call(token, 'forget', { datasetId, memoryOnly: b.memoryOnly });
  if (!r.ok) return r.error.code === 'unauthenticated' ? reply.code(401).send({ detail: 'Unauthorized' }) : failed();
  return b.memoryOnly ? { dataset_id: datasetId, data_records_reset: target.dataCount, status: 'success' } : { dataset_id: datasetId, status: 'success' };
}

/**
 * The dataset a forget by name means: the caller's own of that name; failing that, the one
 * dataset of that name shared with them with delete, and none when several are. Names are not
 * unique across profiles, so a hostile profile could otherwise share a same-named dataset with
 * delete and have the caller's "forget notes" land on it, leaving the caller's own in place
 * (red team, issue 19).
 */
function byNameToForget<T extends Readonly<{ name: string; isOwner: boolean; permissions: Readonly<{ delete: boolean }> }>>(datasets: readonly T[], name: string): T | undefined {
  const own = datasets.find((d) => d.isOwner && d.name === name);
  if (own) return own;
  const shared = datasets.filter((d) => !d.isOwner && d.permissions.delete && d.name === name);
  return shared.length === 1 ? shared[0] : undefined;
}

/**
 * Cognee's add and cognify routers catch every exception as a 500 ErrorResponse whose detail
 * is the exception's str(), a permission denial included ("PermissionDeniedError: … (Status
 * code: 403)"); a missing session is refused before them (401), bad input by validation (400).
 */
function routerFailure(e: WireError): V1Failure {
  if (e.code === 'permission_denied') return new V1Failure(errorResponse(500, 'Internal server error', `PermissionDeniedError: ${e.message} (Status code: 403)`));
  return coreFailure(e);
}

async function datasetNames(core: Core, req: FastifyRequest): Promise<Map<string, string>> {
  const list = await callCore(core, req, 'datasets.list', {});
  return new Map(list.map((d) => [d.id, d.name]));
}
