/**
 * /api/v1/remember (add, then cognify, in one call) and /api/v1/remember/entry, as
 * cognee/api/v1/remember/routers/get_remember_router.py answers them. The answer is Cognee's
 * RememberResult.to_dict(). Kenning keeps no session cache, so what Cognee stores there
 * (`session_id`, typed entries) is refused in the words Cognee uses when its cache is down.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

import type { Output } from '../../../shared/contract/procedures';
import type { WireError } from '../../../shared/domain/errors';
import type { HostContext } from '../context';
import { sessionToken } from '../session';
import { readUpload, UploadError } from '../uploads';
import type { UploadLease } from '../uploads';
import { validationError } from './cognee-errors';
import { callCore, camelKeys, coreFailure, parse, v1, V1Failure } from './common';
import { unknownOntologyKeys } from './ontologies';

const FORM_FIELDS = [
  'datasetName',
  'datasetId',
  'session_id',
  'node_set',
  'run_in_background',
  'custom_prompt',
  'chunk_size',
  'chunks_per_batch',
  'ontology_key',
  'graph_model',
  'content_type',
  'labels',
  'external_metadata',
  'import_mode',
  'skills_text',
  'skill_name',
  'repositories',
  'index_vectors',
] as const;

const EntryBody = z.object({
  entry: z.object({ type: z.enum(['qa', 'trace', 'feedback', 'skill_run']) }).loose(),
  datasetName: z.string().default('main_dataset'),
  datasetId: z.uuid().nullish(),
  sessionId: z.string().nullish(),
});

export function registerRememberRoutes(app: FastifyInstance, ctx: HostContext): void {
  app.post('/api/v1/remember', v1(async (req, reply) => {
    await callCore(ctx.core, req, 'auth.me', {}); // 401 before the body is read, so no budget is held
    const lease = ctx.uploadBudget.lease();
    try {
      return await remember(ctx, req, reply, lease);
    } finally {
      lease.release();
    }
  }));
  app.post('/api/v1/remember/entry', v1(async (req, reply) => {
    const b = parse(EntryBody, camelKeys(req.body ?? {}), 'body');
    await callCore(ctx.core, req, 'auth.me', {}); // a missing session is refused before anything else
    // Cognee: a session-backed entry without a session is a ValueError → 400.
    if (b.entry.type !== 'skill_run' && !b.sessionId) return reply.code(400).send({ error: 'Invalid remember request.' });
    // Cognee answers a RuntimeError (its session cache unavailable) with this 503; Kenning has no such cache.
    return reply.code(503).send({
      error: 'Remember service temporarily unavailable.',
      detail: 'Kenning keeps no session cache, so typed entries (qa, trace, feedback, skill_run) are not stored. POST /api/v1/remember with files or text stores permanent memory.',
    });
  }));
}

async function remember(ctx: HostContext, req: FastifyRequest, reply: FastifyReply, lease: UploadLease): Promise<unknown> {
  const started = Date.now();
  const upload = await readForm(ctx, req, lease);
  const f = upload.fields;
  const datasetId = f.datasetId?.trim() || undefined;
  const datasetName = f.datasetName?.trim() || undefined;
  if (!datasetId && !datasetName) throw new V1Failure({ status: 400, body: { detail: 'Either datasetId or datasetName must be provided.' } });
  if (datasetId) parse(z.object({ datasetId: z.uuid() }), { datasetId }, 'body');
  const contentType = f.content_type?.trim();
  if (contentType) {
    throw new V1Failure({
      status: 400,
      body: { detail: `Unsupported content_type '${contentType}'. Kenning ingests files and text only (no skills, code graphs or COGX archives); leave it empty for normal ingestion.` },
    });
  }
  if (f.session_id?.trim()) {
    throw new V1Failure({ status: 400, body: { detail: 'session_id is not supported: Kenning keeps no session cache. Leave it empty for a direct add and cognify.' } });
  }
  if (f.graph_model?.trim()) {
    throw new V1Failure({ status: 400, body: { detail: 'graph_model is not supported: Kenning extracts its own entity types offline. Leave it empty.' } });
  }
  if (upload.files.length === 0) throw new V1Failure(validationError([{ type: 'missing', loc: ['body', 'data'], msg: 'Field required' }]));
  // Cognee resolves the ontology keys inside its try: an unknown key is a ValueError → 409.
  const keys = (upload.lists.ontology_key ?? []).map((k) => k.trim()).filter(Boolean);
  const unknown = await unknownOntologyKeys(ctx.core, req, keys);
  if (unknown) return reply.code(409).send({ error: `Invalid request data for remember operation: Ontology key '${unknown}' not found` });

  const token = { token: sessionToken(req) };
  const added = await ctx.core.call(token, 'data.add', { ...(datasetId ? { datasetId } : { datasetName }), files: upload.files });
  if (!added.ok) throw routerFailure(added.error);
  const a = added.value;
  if (a.items.every((i) => i.status === 'rejected')) {
    return reply.code(409).send({ error: `Invalid request data for remember operation: ${a.items.map((i) => `${i.name}: ${i.reason ?? 'rejected'}`).join('; ')}` });
  }
  const background = f.run_in_background === 'true';
  const ran = await ctx.core.call(token, 'cognify.run', { datasetIds: [a.datasetId], runInBackground: background });
  if (!ran.ok) throw routerFailure(ran.error);
  const run = ran.value[0];
  const body = rememberResult(a, run, background, (Date.now() - started) / 1000);
  // A blocking run that ended errored must not look like a success (Cognee answers it with 409).
  return reply.code(body.status === 'errored' ? 409 : 200).send(body);
}

/** Cognee's RememberResult.to_dict(): optional keys only when set. */
function rememberResult(a: Output<'data.add'>, run: Output<'cognify.run'>[number] | undefined, background: boolean, elapsed: number) {
  const stored = a.items.filter((i) => i.status !== 'rejected');
  const status = !run || run.status === 'completed' ? 'completed' : run.status === 'initiated' || run.status === 'started' ? 'running' : 'errored';
  return {
    status,
    dataset_name: a.datasetName,
    dataset_id: a.datasetId,
    pipeline_run_id: run?.id ?? null,
    items_processed: stored.length,
    elapsed_seconds: background ? null : elapsed,
    items: a.items.map((i) => ({ name: i.name, data_id: i.dataId ?? null, status: i.status, ...(i.reason ? { reason: i.reason } : {}) })),
    ...(status === 'errored' ? { error: run?.error ?? 'Pipeline run errored' } : {}),
  };
}

async function readForm(ctx: HostContext, req: FastifyRequest, lease: UploadLease): ReturnType<typeof readUpload> {
  const config = ctx.core.services.config;
  try {
    return await readUpload(req, { fileField: 'data', fields: FORM_FIELDS, maxFileBytes: config.maxFileBytes, maxFiles: config.maxFilesPerCall, maxTotalBytes: ctx.maxUploadBytes }, lease);
  } catch (e) {
    if (!(e instanceof UploadError)) throw e;
    const v = validationError([{ type: e.status === 413 ? 'too_large' : 'value_error', loc: ['body', e.field], msg: e.message }]);
    throw new V1Failure({ status: e.status, body: v.body });
  }
}

/**
 * Cognee's remember router lets its own errors (a permission denial: 403) through to the
 * global handler and answers anything else with 409.
 */
function routerFailure(e: WireError): V1Failure {
  if (e.code === 'permission_denied' || e.code === 'unauthenticated' || e.code === 'invalid_input') return coreFailure(e);
  return new V1Failure({ status: 409, body: { error: `An error occurred during remember: ${e.message}` } });
}
