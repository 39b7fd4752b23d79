/**
 * Request guards and response headers that every route shares:
 * - Host allow-list while bound to loopback (defeats DNS rebinding: a hostile page whose name
 *   resolves to 127.0.0.1 still sends its own name as Host);
 * - Origin: a request that names an origin must name ours (CORS stays closed: we never send
 *   Access-Control-Allow-Origin, so a foreign page cannot read any answer either);
 * - CSRF: /rpc requires the `x-kenning: 1` header a cross-site form cannot add; every other
 *   state-changing request that relies on the session cookie needs it too (Bearer callers
 *   are not exposed to CSRF: browsers never add that header on their own). The area is the
 *   route the router matched, not the raw URL: `/%61pi/v1/...` reaches /api/v1 too;
 * - security headers on every response, with a strict Content-Security-Policy.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { CSRF_HEADER } from '../../shared/http-protocol';
import { areaOf, sendFailure } from './errors';
import { RENDERER_CSP } from '../../shared/renderer-csp';
import { bearerToken, cookieToken } from './session';

export { RENDERER_CSP };

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type GuardOptions = Readonly<{
  /** True while bound to a loopback address: only loopback Host names are accepted. */
  loopbackOnly: boolean;
  /** The port actually bound (read at request time: port 0 resolves after listen). */
  port: () => number;
}>;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Installs the guards (onRequest, so they run before body parsing and before WebSocket upgrades) and the headers. */
export function installSecurity(app: FastifyInstance, opts: GuardOptions): void {
  app.addHook('onRequest', async (req, reply) => {
    const refusal = refuse(req, opts);
    if (refusal) return sendFailure(req, reply, { code: 'permission_denied', message: refusal }, 403);
    return undefined;
  });
  app.addHook('onSend', async (req, reply, payload) => {
    setSecurityHeaders(req, reply);
    return payload;
  });
}

/** Why a request is refused, or null. Each line names its reason. */
function refuse(req: FastifyRequest, opts: GuardOptions): string | null {
  const host = req.headers.host;
  if (opts.loopbackOnly && !allowedHost(host, opts.port())) return 'Unexpected Host header'; // DNS rebinding
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return 'Cross-origin requests are not allowed'; // foreign page
  const hasCsrfHeader = req.headers[CSRF_HEADER] === '1';
  if (areaOf(req) === 'rpc' && !hasCsrfHeader) return `Missing ${CSRF_HEADER} header`; // cross-site form post
  // Whatever the path: a route added later, or a spelling the router accepts, is covered too.
  if (UNSAFE.has(req.method) && !bearerToken(req) && cookieToken(req) && !hasCsrfHeader) {
    return `Missing ${CSRF_HEADER} header`; // cookie-authenticated write without proof of same-origin script
  }
  return null;
}

function allowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const m = /^(\[[0-9a-fA-F:]+\]|[^:]+)(?::(\d+))?$/.exec(host);
  if (!m || !m[1]) return false;
  return LOOPBACK_NAMES.has(m[1].toLowerCase()) && (m[2] === undefined ? port === 80 : Number(m[2]) === port);
}

function setSecurityHeaders(req: FastifyRequest, reply: FastifyReply): void {
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Referrer-Policy', 'no-referrer');
  reply.header('X-Frame-Options', 'DENY');
  reply.header('Cross-Origin-Opener-Policy', 'same-origin');
  reply.header('Cross-Origin-Resource-Policy', 'same-origin');
  reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
  // A route with its own policy (the visualize page's nonce) keeps it.
  if (!reply.hasHeader('Content-Security-Policy')) reply.header('Content-Security-Policy', RENDERER_CSP);
  if (areaOf(req) !== 'other') reply.header('Cache-Control', 'no-store');
  // CORS is closed: make sure no plugin ever opens it.
  reply.removeHeader('Access-Control-Allow-Origin');
  reply.removeHeader('Access-Control-Allow-Credentials');
}
