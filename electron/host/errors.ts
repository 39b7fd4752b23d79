/**
 * One place that turns every failure into a response in the caller's dialect: the Reply
 * envelope under /rpc (status from HTTP_STATUS_BY_CODE), Cognee's shapes under /api/v1,
 * plain JSON elsewhere. The fastify error handler below catches whatever a route did not,
 * so nothing a client sends can surface as an unhandled 500.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { ErrorCode, WireError } from '../../shared/domain/errors';
import { EVENTS_PATH, HTTP_STATUS_BY_CODE, RPC_PREFIX } from '../../shared/http-protocol';
import type { Log } from '../core/log';
import { cogneeError } from './api-v1/cognee-errors';

export const API_V1 = '/api/v1';

export type Area = 'rpc' | 'v1' | 'events' | 'other';

/**
 * Which part of the host a request reaches, by the route the router matched: never by the
 * raw URL, which the router decodes first (`POST /%61pi/v1/datasets` reaches the
 * /api/v1/datasets route while its raw URL starts with `/%61pi`). Unmatched requests (404s)
 * fall back to the path decoded and normalised the lenient way, for the dialect of the answer.
 */
export function areaOf(req: FastifyRequest): Area {
  const route = req.routeOptions?.url;
  return areaOfPath(route ?? normalisedPath(req.url));
}

function areaOfPath(path: string): Area {
  if (path.startsWith(RPC_PREFIX)) return 'rpc';
  if (path === API_V1 || path.startsWith(`${API_V1}/`)) return 'v1';
  if (path === EVENTS_PATH || path.startsWith(`${EVENTS_PATH}/`)) return 'events';
  return 'other';
}

/** `url` without its query, percent-decoded, with repeated slashes collapsed, lower-cased. */
function normalisedPath(url: string): string {
  const raw = url.split('?')[0] ?? '';
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // malformed escapes: classify the raw form
  }
  return decoded.replace(/\/{2,}/g, '/').toLowerCase();
}

/**
 * Sends `e` in the dialect of the request's URL. `status` overrides the code's usual status
 * (e.g. 413 for a body over the limit, 429 for the login limit).
 */
export function sendFailure(req: FastifyRequest, reply: FastifyReply, e: WireError, status?: number): FastifyReply {
  const area = areaOf(req);
  if (area === 'rpc') return reply.code(status ?? HTTP_STATUS_BY_CODE[e.code]).send({ ok: false, error: e });
  if (area === 'v1') {
    const c = cogneeError(e);
    return reply.code(status ?? c.status).send(c.body);
  }
  return reply.code(status ?? HTTP_STATUS_BY_CODE[e.code]).send({ error: e.message });
}

/** The error code a framework-level 4xx corresponds to. */
function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'permission_denied';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  return 'invalid_input';
}

/**
 * Installs the catch-all error handler. Fastify's own client errors (bad JSON, body too
 * large, unsupported media type, multipart limits) keep their 4xx status; anything else is
 * a bug on our side: logged, answered 500 without detail.
 */
export function installErrorHandler(app: FastifyInstance, log: Log): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status === 429) {
      // The sign-in limit: for a client, a refused sign-in. Cognee clients read `detail`.
      const message = String(err.message).slice(0, 200);
      if (areaOf(req) === 'v1') return reply.code(429).send({ detail: message });
      return sendFailure(req, reply, { code: 'unauthenticated', message }, 429);
    }
    if (status >= 400 && status < 500) {
      const message = clientMessage(err, status);
      return sendFailure(req, reply, { code: codeForStatus(status), message }, status);
    }
    log.error(`[host] ${req.method} ${req.url.slice(0, 200)} failed`, err);
    return sendFailure(req, reply, { code: 'internal', message: 'Unexpected error' }, 500);
  });
}

/** A short, safe message for a framework client error (never a stack, never internals). */
function clientMessage(err: FastifyError, status: number): string {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'The body is not valid JSON';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The body is empty but says it is JSON';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return 'The body is larger than the limit';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Unsupported content type';
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'Content-Length does not match the body';
    default:
      return status === 413 ? 'The body is larger than the limit' : String(err.message || 'Bad request').slice(0, 300);
  }
}
