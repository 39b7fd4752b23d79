/**
 * /api/v1/sessions, as cognee/api/v1/sessions/routers/get_sessions_router.py answers it. Cognee's
 * sessions are agent sessions recorded by its session cache (remember/entry, recall with a
 * session_id). Kenning keeps no session cache, so every profile's list is empty, its stats are
 * zero and any session id is unknown (404) — the answers Cognee gives a user with no sessions.
 * The envelopes are kept exactly so Cognee's dashboard renders "no sessions" instead of failing.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';

import type { Core } from '../../core/core';
import type { HostContext } from '../context';
import { callCore, parse, v1 } from './common';

const Range = z.enum(['24h', '7d', '30d', 'all']).default('30d');
const PageQuery = z.object({
  range: Range,
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  status: z.string().optional(),
  order_by: z.string().optional(),
  descending: z.string().optional(),
});

export function registerSessionRoutes(app: FastifyInstance, ctx: HostContext): void {
  const { core } = ctx;
  const page = async (req: FastifyRequest) => {
    const q = parse(PageQuery, req.query ?? {}, 'query');
    await signedIn(core, req);
    return { sessions: [], total: 0, limit: q.limit, offset: q.offset, has_more: false };
  };
  app.get('/api/v1/sessions', v1(page));
  app.get('/api/v1/sessions/with-agent-info', v1(page));
  app.get('/api/v1/sessions/stats', v1(async (req) => {
    const { range } = parse(z.object({ range: Range }), req.query ?? {}, 'query');
    await signedIn(core, req);
    return {
      range,
      sessions: 0,
      total_spend_usd: 0,
      avg_spend_per_session_usd: 0,
      tokens_in: 0,
      tokens_out: 0,
      tokens_total: 0,
      agent_time_s: 0,
      avg_session_s: 0,
      success_rate: 1, // Cognee: 1.0 while no session has ended
      completed: 0,
      failed: 0,
      abandoned: 0,
      running: 0,
    };
  }));
  const emptyList = async (req: FastifyRequest) => {
    parse(z.object({ range: Range }), req.query ?? {}, 'query');
    await signedIn(core, req);
    return [];
  };
  app.get('/api/v1/sessions/cost-by-model', v1(emptyList));
  app.get('/api/v1/sessions/cost-by-user-agent', v1(emptyList));
  app.get('/api/v1/sessions/:sessionId', v1(async (req, reply) => {
    await signedIn(core, req);
    return reply.code(404).send({ detail: 'session not found' });
  }));
}

/** 401 for a caller without a session, as every Cognee route. */
async function signedIn(core: Core, req: FastifyRequest): Promise<void> {
  await callCore(core, req, 'auth.me', {});
}
