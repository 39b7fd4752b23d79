/**
 * The contract over HTTP (shared/http-protocol.ts): `POST /rpc/<procedure>` with the input
 * as JSON → the core's Reply, status from HTTP_STATUS_BY_CODE. `data.add` also takes
 * multipart (datasetId | datasetName, `files` parts, `texts` parts). The host adds only what
 * is about transport: the core's session effects applied to the cookie, and keeping the token
 * out of bodies a browser page could read (the HttpOnly cookie carries it there).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { ProcedureName } from '../../shared/contract/procedures';
import type { Reply } from '../../shared/domain/errors';
import { HTTP_STATUS_BY_CODE, RPC_PREFIX } from '../../shared/http-protocol';
import { splitSession, withoutToken } from '../core/session-effect';
import { applySessionEffect, fromBrowser, sessionToken } from './session';
import { readUpload, UploadError } from './uploads';
import type { UploadLease } from './uploads';
import type { HostContext } from './context';


export function registerRpc(app: FastifyInstance, ctx: HostContext): void {
  const handler = (req: FastifyRequest, reply: FastifyReply) => handle(ctx, req, reply);
  // Static routes win over the parametric one, so sign-in alone carries the rate limit.
  app.post(`${RPC_PREFIX}auth.signIn`, { onRequest: ctx.signInLimit }, handler);
  app.post(`${RPC_PREFIX}:name`, handler);
}

async function handle(ctx: HostContext, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  // The name the router matched (decoded), never re-parsed from the raw URL.
  const name = routeName(req);
  const token = sessionToken(req);
  let input: unknown = req.body;
  // An upload holds its bytes against the shared budget until the core is done with them.
  let lease: UploadLease | null = null;
  try {
    if (name === 'data.add' && req.isMultipart()) {
      // No session, no body: an anonymous caller must not hold the shared upload budget with a
      // body it will never be allowed to add (red team, issue 19).
      const me = await ctx.core.call({ token }, 'auth.me', {});
      if (!me.ok) return send(reply, me);
      lease = ctx.uploadBudget.lease();
      try {
        input = await addInput(ctx, req, lease);
      } catch (e) {
        if (!(e instanceof UploadError)) throw e;
        return send(reply, { ok: false, error: { code: 'invalid_input', message: `data.add: ${e.field}: ${e.message}`, detail: { field: e.field } } }, e.status);
      }
    } else if (req.isMultipart()) {
      return send(reply, { ok: false, error: { code: 'invalid_input', message: `${name.slice(0, 100)}: send JSON, not multipart`, detail: { field: '(input)' } } });
    }
    // The core refuses unknown names itself (invalid_input), so the cast only satisfies the type.
    const { reply: r, session } = splitSession(await ctx.core.call({ token }, name as ProcedureName, input));
    // A session's event sockets close through the auth service's sessions-ended notice.
    applySessionEffect(reply, session, ctx.core.services.config.sessionTtlMs, ctx.secureCookies);
    // A browser page gets the session as the HttpOnly cookie only; API clients get the token too.
    return send(reply, session?.kind === 'signed-in' && fromBrowser(req) ? withoutToken(r) : r);
  } finally {
    lease?.release();
  }
}

/** The procedure name: the `:name` the router decoded, or the static route's last segment. */
function routeName(req: FastifyRequest): string {
  const param = (req.params as { name?: unknown } | undefined)?.name;
  if (typeof param === 'string') return param;
  return (req.routeOptions.url ?? '').slice(RPC_PREFIX.length);
}

async function addInput(ctx: HostContext, req: FastifyRequest, lease: UploadLease): Promise<unknown> {
  const { config } = ctx.core.services;
  const u = await readUpload(req, {
    fileField: 'files',
    textField: 'texts',
    fields: ['datasetId', 'datasetName'],
    maxFileBytes: config.maxFileBytes,
    maxFiles: config.maxFilesPerCall,
    maxTotalBytes: ctx.maxUploadBytes,
  }, lease);
  return {
    ...(u.fields.datasetId ? { datasetId: u.fields.datasetId } : {}),
    ...(u.fields.datasetName ? { datasetName: u.fields.datasetName } : {}),
    files: u.files,
    texts: u.texts,
  };
}

function send(reply: FastifyReply, r: Reply<unknown>, status?: number): FastifyReply {
  const retry = !r.ok ? r.error.detail?.retryAfterSeconds : undefined;
  if (typeof retry === 'number') reply.header('Retry-After', String(retry)); // rate_limited: when to try again
  return reply.code(status ?? (r.ok ? 200 : HTTP_STATUS_BY_CODE[r.error.code])).send(r);
}
