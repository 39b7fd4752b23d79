/**
 * Which session a request speaks for, and the session cookie. A request carries its session
 * either as `Authorization: Bearer <token>` (API clients, tests) or as the HttpOnly cookie a
 * sign-in set (the renderer in a browser). The header wins when both are present, because a
 * client that sends one explicitly means it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

import { SESSION_COOKIE } from '../../shared/http-protocol';
import type { SessionEffect } from '../core/session-effect';

/** Tokens are opaque strings; anything longer than this or with odd characters is not one of ours. */
const TOKEN_RE = /^[A-Za-z0-9._~+/=-]{1,512}$/;

/** The bearer token from the Authorization header, if any. */
export function bearerToken(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return null;
  const m = /^Bearer\s+(.+)$/i.exec(h.trim());
  const t = m?.[1]?.trim();
  return t && TOKEN_RE.test(t) ? t : null;
}

/** The session cookie's token, if any. */
export function cookieToken(req: FastifyRequest): string | null {
  const t = req.cookies?.[SESSION_COOKIE];
  return typeof t === 'string' && TOKEN_RE.test(t) ? t : null;
}

/** The token this request acts with, or null (anonymous). */
export function sessionToken(req: FastifyRequest): string | null {
  return bearerToken(req) ?? cookieToken(req);
}

/** Sets the session cookie: HttpOnly (scripts cannot read it) and SameSite=Strict (no cross-site sends). */
export function setSessionCookie(reply: FastifyReply, token: string, maxAgeMs: number, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: Math.max(1, Math.floor(maxAgeMs / 1000)),
  });
}

/** Removes the session cookie (sign-out). */
export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}

/**
 * Applies the core's session effect to the cookie, for every route alike: a sign-in sets it
 * (the session it replaces was ended by the core), a sign-out clears it.
 */
export function applySessionEffect(reply: FastifyReply, effect: SessionEffect | undefined, maxAgeMs: number, secure: boolean): void {
  if (effect?.kind === 'signed-in') setSessionCookie(reply, effect.token, maxAgeMs, secure);
  else if (effect?.kind === 'signed-out') clearSessionCookie(reply, secure);
}

/**
 * True for requests a browser page made: browsers send `Origin` on every POST (fetch and
 * XHR, same-origin included); curl, SDKs and Node's fetch do not (Node's fetch does send
 * Sec-Fetch-Mode, so that header proves nothing). Used to keep session tokens out of
 * response bodies a page's scripts could read: there the HttpOnly cookie carries the session.
 */
export function fromBrowser(req: FastifyRequest): boolean {
  return req.headers.origin !== undefined;
}
