/**
 * The CORS allow-list: which other web origins (Cognee's own frontend, typically
 * http://localhost:3000) may call Cognee's API (/api/v1) from a browser, with credentials.
 * Empty by default, and then CORS stays closed as it always was. Only exact origins are
 * listed: a wildcard cannot carry credentials, and a page the user did not choose to trust
 * must never read answers made with their session.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export type CorsPolicy = Readonly<{
  /** The listed origins, normalised (`scheme://host[:port]`, lower case, default ports dropped). */
  origins: ReadonlySet<string>;
}>;

/** Methods a listed origin may use (Cognee's own list, plus PATCH for fastapi-users' profile route). */
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
/** Header names a preflight may ask for: tokens only (RFC 9110), a bounded list. */
const HEADER_LIST_RE = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+){0,30}$/;
/** How long a browser may reuse a preflight answer (seconds). */
const PREFLIGHT_MAX_AGE = '600';

/**
 * Builds the policy from the origins the user listed (`--cors-origin`, CORS_ALLOWED_ORIGINS).
 * Throws, naming the entry, for anything that is not a plain http(s) origin.
 */
export function corsPolicy(listed: readonly string[]): CorsPolicy {
  const origins = new Set<string>();
  for (const raw of listed) {
    const entry = raw.trim();
    if (entry === '') continue;
    if (entry === '*') throw new Error('CORS origin "*" is not allowed: credentials cannot be shared with every site; list each origin, e.g. http://localhost:3000');
    origins.add(normaliseOrigin(entry));
  }
  return { origins };
}

/** `http://LocalHost:3000/` → `http://localhost:3000`. Throws for paths, queries, credentials or other schemes. */
export function normaliseOrigin(entry: string): string {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw new Error(`CORS origin "${entry.slice(0, 200)}" is not a URL; write it as scheme://host[:port], e.g. http://localhost:3000`);
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !bare) {
    throw new Error(`CORS origin "${entry.slice(0, 200)}" must be only scheme://host[:port] (http or https, no path), e.g. http://localhost:3000`);
  }
  return url.origin;
}

/** Splits Cognee's CORS_ALLOWED_ORIGINS (comma-separated) into entries. */
export function splitOriginList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** True when `origin` (a request's Origin header) is on the list. */
export function corsAllows(policy: CorsPolicy, origin: string | undefined): boolean {
  if (origin === undefined || policy.origins.size === 0) return false;
  try {
    return policy.origins.has(normaliseOrigin(origin));
  } catch {
    return false; // "null", garbage: never listed
  }
}

/** True for a CORS preflight (OPTIONS with Access-Control-Request-Method). */
export function isPreflight(req: FastifyRequest): boolean {
  return req.method === 'OPTIONS' && typeof req.headers['access-control-request-method'] === 'string';
}

/** Answers a preflight from a listed origin: the methods, the headers it asked for, credentials. */
export function answerPreflight(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const asked = req.headers['access-control-request-headers'];
  reply.header('Access-Control-Allow-Methods', ALLOWED_METHODS);
  // Echo what was asked (Cognee allows every header); Authorization and Content-Type always.
  const headers = typeof asked === 'string' && HEADER_LIST_RE.test(asked.trim()) ? asked.trim() : 'authorization, content-type';
  reply.header('Access-Control-Allow-Headers', headers);
  reply.header('Access-Control-Max-Age', PREFLIGHT_MAX_AGE);
  return reply.code(204).send();
}

/**
 * Sets the response headers that let a listed origin read this answer (called last, after
 * the security headers removed any CORS header a plugin might have set).
 */
export function setCorsHeaders(policy: CorsPolicy, req: FastifyRequest, reply: FastifyReply): void {
  if (policy.origins.size === 0) return;
  reply.header('Vary', varyWithOrigin(reply.getHeader('Vary')));
  const origin = req.headers.origin;
  if (!corsAllows(policy, origin)) return;
  reply.header('Access-Control-Allow-Origin', origin);
  reply.header('Access-Control-Allow-Credentials', 'true');
}

function varyWithOrigin(existing: unknown): string {
  const list = typeof existing === 'string' ? existing.split(',').map((s) => s.trim()).filter(Boolean) : [];
  if (!list.some((v) => v.toLowerCase() === 'origin')) list.push('Origin');
  return list.join(', ');
}
