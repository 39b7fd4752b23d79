/**
 * Request guards and response headers that every route shares:
 * - Host allow-list while bound to loopback (defeats DNS rebinding: a hostile page whose name
 *   resolves to 127.0.0.1 still sends its own name as Host);
 * - Origin: a request that names an origin must name ours, or, for Cognee's API (/api/v1) and
 *   the root, one on the CORS allow-list (cors.ts; empty by default, so CORS stays closed);
 * - cross-site requests, decided by what browsers send and scripts do not: a browser names
 *   the origin of every write (Origin) and says where a request comes from (Sec-Fetch-Site).
 *   A request with no Origin and no Sec-Fetch-Site, or Sec-Fetch-Site same-origin / none, is
 *   not a cross-site browser request (curl, requests, httpx, SDKs, the user's own tab); a
 *   cross-site or same-site one (another port on localhost is same-site, and SameSite=Strict
 *   cookies go with it) must carry an Origin that passed the check above, else it is refused,
 *   except a plain GET/HEAD navigation (following a link changes nothing). So a cookie-keeping
 *   script may register, sign in and write without any custom header, as Cognee's clients do;
 * - /rpc additionally requires the `x-kenning: 1` header: it is Kenning's own contract, only
 *   Kenning's UI calls it, and the header is a second wall no cross-site form can add. The area
 *   is the route the router matched, not the raw URL: `/%72pc/...` reaches /rpc too;
 * - security headers on every response, with a strict Content-Security-Policy; CORS headers
 *   only for a listed origin.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { CSRF_HEADER, SESSION_COOKIE } from '../../shared/http-protocol';
import { areaOf, sendFailure } from './errors';
import { RENDERER_CSP } from '../../shared/renderer-csp';
import { answerPreflight, corsAllows, isPreflight, setCorsHeaders } from './cors';
import type { CorsPolicy } from './cors';

export { RENDERER_CSP };

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type GuardOptions = Readonly<{
  /** True while bound to a loopback address: only loopback Host names are accepted. */
  loopbackOnly: boolean;
  /** The port actually bound (read at request time: port 0 resolves after listen). */
  port: () => number;
  /** Origins that may call /api/v1 from a browser, with credentials. */
  cors: CorsPolicy;
}>;

/** Sec-Fetch-Site values a browser sends for a request another site's page started. */
const FOREIGN_SITES = new Set(['cross-site', 'same-site']);

/** Installs the guards (onRequest, so they run before body parsing and before WebSocket upgrades) and the headers. */
export function installSecurity(app: FastifyInstance, opts: GuardOptions): void {
  app.addHook('onRequest', async (req, reply) => {
    const refusal = refuse(req, opts);
    if (refusal) return sendFailure(req, reply, { code: 'permission_denied', message: refusal }, 403);
    // Reaching here, a preflight's Origin is ours or listed (refuse() checked it).
    if (isPreflight(req) && req.headers.origin !== undefined) return answerPreflight(req, reply);
    return undefined;
  });
  app.addHook('onSend', async (req, reply, payload) => {
    setSecurityHeaders(req, reply);
    if (mayUseCors(req)) setCorsHeaders(opts.cors, req, reply);
    return payload;
  });
}

/** Why a request is refused, or null. Each line names its reason. */
function refuse(req: FastifyRequest, opts: GuardOptions): string | null {
  const host = req.headers.host;
  if (opts.loopbackOnly && !allowedHost(host, opts.port())) return 'Unexpected Host header'; // DNS rebinding
  const origin = req.headers.origin;
  const ownOrigin = origin === `http://${host}`;
  if (origin !== undefined && !ownOrigin && !(mayUseCors(req) && corsAllows(opts.cors, origin))) {
    return 'Cross-origin requests are not allowed'; // a page on another origin, not on the CORS list
  }
  if (sessionCookieCount(req.headers.cookie) > 1) {
    // Cookie tossing: a page on another port of this host name may set cookies for ours on a
    // narrower path, which the browser then sends first; two session cookies mean one was planted.
    return 'Two Kenning session cookies arrived; another program on this machine may have set one. Sign out and in again, or clear this site’s cookies';
  }
  const site = req.headers['sec-fetch-site'];
  const navigation = (req.method === 'GET' || req.method === 'HEAD') && req.headers['sec-fetch-mode'] === 'navigate';
  if (typeof site === 'string' && FOREIGN_SITES.has(site) && origin === undefined && !navigation) {
    return 'Cross-site requests are not allowed'; // another site's page, hiding its origin (no-cors)
  }
  if (areaOf(req) === 'rpc' && req.headers[CSRF_HEADER] !== '1') return `Missing ${CSRF_HEADER} header`; // Kenning's UI only
  return null;
}

/** How many session cookies the raw Cookie header carries (the parsed cookies keep only one). */
function sessionCookieCount(header: string | undefined): number {
  if (!header) return 0;
  return header.split(';').filter((part) => part.trim().startsWith(`${SESSION_COOKIE}=`)).length;
}

/** Listed origins reach Cognee's API and the root (its "alive" answer); /rpc and /events stay ours alone. */
function mayUseCors(req: FastifyRequest): boolean {
  const area = areaOf(req);
  if (area !== 'other') return area === 'v1';
  const path = (req.url.split('?')[0] ?? '').replace(/\/+$/, '') || '/';
  return path === '/' || path === '/health';
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
  // CORS is opened only by setCorsHeaders, for a listed origin: make sure no plugin ever opens it.
  reply.removeHeader('Access-Control-Allow-Origin');
  reply.removeHeader('Access-Control-Allow-Credentials');
}
