/**
 * /api/v1/memify and /api/v1/improve (its memory-oriented alias), as
 * cognee/api/v1/memify/routers/get_memify_router.py and improve/routers/get_improve_router.py
 * answer them: enrich a dataset's existing graph, answered with `{ <dataset_id>: PipelineRunInfo }`.
 *
 * Offline, Kenning's enrichment (entity descriptions, summaries, relation weights, communities)
 * is part of its incremental cognify. So memify runs cognify on the dataset: items not yet
 * processed are, and the enrichment is brought up to date; nothing else is re-extracted.
 * Cognee's named task lists and custom `data` need its task registry and an LLM; Kenning
 * refuses them with 422, which is Cognee's answer to a task name it does not know.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

import type { WireError } from '../../../shared/domain/errors';
import type { Core } from '../../core/core';
import type { HostContext } from '../context';
import { sessionToken } from '../session';
import { callCore, camelKeys, coreFailure, parse, v1, V1Failure } from './common';
import { pipelineRunInfo } from './shapes';

const Body = z.object({
  extractionTasks: z.array(z.string()).nullish(),
  enrichmentTasks: z.array(z.string()).nullish(),
  data: z.union([z.string(), z.array(z.string())]).nullish(),
  datasetName: z.string().nullish(),
  datasetId: z.union([z.uuid(), z.literal('')]).nullish(),
  nodeName: z.array(z.string()).nullish(),
  runInBackground: z.boolean().nullish(),
  sessionIds: z.array(z.string()).nullish(),
  buildGlobalContextIndex: z.boolean().nullish(),
});

type Route = 'memify' | 'improve';

export function registerMemifyRoutes(app: FastifyInstance, ctx: HostContext): void {
  app.post('/api/v1/memify', v1((req, reply) => enrich(ctx.core, req, reply, 'memify')));
  app.post('/api/v1/improve', v1((req, reply) => enrich(ctx.core, req, reply, 'improve')));
}

async function enrich(core: Core, req: FastifyRequest, reply: FastifyReply, route: Route): Promise<unknown> {
  const b = parse(Body, camelKeys(req.body ?? {}), 'body');
  if (!b.datasetId && !b.datasetName) {
    // memify answers an ErrorResponse; improve raises an HTTPException.
    return route === 'memify'
      ? reply.code(400).send({ error: 'Either datasetId or datasetName must be provided.', detail: null })
      : reply.code(400).send({ detail: 'Either datasetId or datasetName must be provided.' });
  }
  const tasks = [...(b.extractionTasks ?? []), ...(b.enrichmentTasks ?? [])].filter(Boolean);
  const data = Array.isArray(b.data) ? b.data.join('') : (b.data ?? '');
  if (tasks.length > 0 || data.trim() !== '' || (b.sessionIds ?? []).length > 0) {
    await callCore(core, req, 'auth.me', {});
    const what = tasks.length > 0 ? `the task(s) ${tasks.map((t) => `'${t}'`).join(', ')}` : data.trim() !== '' ? 'custom data' : 'session_ids';
    return reply.code(422).send({
      error: `Kenning cannot run ${what}: its memify re-runs the offline enrichment of the dataset's existing graph only. Leave extraction_tasks, enrichment_tasks, data and session_ids empty.`,
      detail: null,
    });
  }
  const token = { token: sessionToken(req) };
  const ran = await core.call(token, 'cognify.run', {
    ...(b.datasetId ? { datasetIds: [b.datasetId] } : { datasetNames: [b.datasetName!] }),
    runInBackground: b.runInBackground ?? false,
  });
  if (!ran.ok) throw failure(ran.error, route);
  const names = new Map((await callCore(core, req, 'datasets.list', {})).map((d) => [d.id, d.name]));
  const failed = ran.value.find((r) => r.status === 'errored' || r.status === 'cancelled' || r.status === 'interrupted');
  if (failed) {
    // memify: 500 ErrorResponse with the run's error; improve: 420 with the errored run.
    return route === 'memify'
      ? reply.code(500).send({ error: 'Pipeline run errored', detail: failed.error ?? 'PipelineRunErrored' })
      : reply.code(420).send(pipelineRunInfo(failed, names.get(failed.datasetId) ?? ''));
  }
  const out: Record<string, unknown> = {};
  for (const run of ran.value) out[run.datasetId] = pipelineRunInfo(run, names.get(run.datasetId) ?? '');
  return out;
}

/**
 * memify turns Cognee's own errors into `{ error: <message> }` with their status; improve lets
 * them through to the global handler (`{ detail: "<message> [<Name>]" }`).
 */
function failure(e: WireError, route: Route): V1Failure {
  const shaped = coreFailure(e);
  if (route === 'improve' || e.code === 'unauthenticated' || e.code === 'invalid_input') return shaped;
  return new V1Failure({ status: shaped.failure.status, body: { error: e.message, detail: null } });
}
