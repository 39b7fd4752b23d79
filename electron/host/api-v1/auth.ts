/**
 * Sign-in, sign-out, registration and "who am I", as Cognee exposes them (fastapi-users'
 * auth and register routers plus cognee/api/v1/users/routers/get_auth_router.py and
 * get_user_id_by_email_router.py, mounted under /api/v1/auth and /api/v1/users).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';

import { splitSession } from '../../core/session-effect';
import { applySessionEffect, sessionToken } from '../session';
import { callCore, camelKeys, coreFailure, parse, v1, V1Failure } from './common';
import type { HostContext } from '../context';
import { userRead } from './shapes';

const badCredentials = () => new V1Failure({ status: 400, body: { detail: 'LOGIN_BAD_CREDENTIALS' } });

export function registerAuthRoutes(app: FastifyInstance, ctx: HostContext): void {
  const { core } = ctx;

  // OAuth2 password form: `username` (the email) and `password`. Cognee answers any malformed
  // login with the same 400 as a wrong password, so a prober learns nothing from the shape.
  app.post('/api/v1/auth/login', { onRequest: ctx.signInLimit }, v1(async (req, reply) => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    const username = form.username;
    const password = form.password;
    if (typeof username !== 'string' || typeof password !== 'string') throw badCredentials();
    // As over /rpc: the sign-in replaces the session the request came with (the core ends it).
    const { reply: r, session } = splitSession(await core.call({ token: sessionToken(req) }, 'auth.signIn', { email: username.trim(), password }));
    if (!r.ok) {
      if (r.error.code === 'unauthenticated' || r.error.code === 'invalid_input') throw badCredentials();
      throw coreFailure(r.error);
    }
    applySessionEffect(reply, session, core.services.config.sessionTtlMs, ctx.secureCookies);
    return { access_token: r.value.token, token_type: 'bearer' };
  }));

  app.post('/api/v1/auth/logout', v1(async (req, reply) => {
    // Its event sockets close through the auth service's notice.
    const { reply: r, session } = splitSession(await core.call({ token: sessionToken(req) }, 'auth.signOut', {}));
    if (!r.ok) throw coreFailure(r.error);
    applySessionEffect(reply, session, core.services.config.sessionTtlMs, ctx.secureCookies);
    return reply.code(204).send();
  }));

  app.post('/api/v1/auth/register', v1(async (req, reply) => {
    const body = parse(z.object({ email: z.string(), password: z.string() }), camelKeys(req.body), 'body');
    const r = await core.call({ token: null }, 'auth.register', { email: body.email, password: body.password });
    if (!r.ok) {
      if (r.error.code === 'conflict') throw new V1Failure({ status: 400, body: { detail: 'REGISTER_USER_ALREADY_EXISTS' } });
      if (r.error.code === 'invalid_input' && r.error.detail?.field === 'password') {
        throw new V1Failure({ status: 400, body: { detail: { code: 'REGISTER_INVALID_PASSWORD', reason: r.error.message } } });
      }
      throw coreFailure(r.error);
    }
    return reply.code(201).send(userRead(r.value));
  }));

  // Cognee's /auth/me answers the email only; /users/me (fastapi-users) has the full record.
  app.get('/api/v1/auth/me', v1(async (req) => ({ email: (await callCore(core, req, 'auth.me', {})).email })));
  app.get('/api/v1/users/me', v1(async (req) => userRead(await callCore(core, req, 'auth.me', {}))));

  // Cognee: POST /api/v1/users/get-user-id { email } → { user_id }. Kenning requires a session
  // (Cognee's is public): who has a profile here is not for anonymous callers to ask.
  app.post('/api/v1/users/get-user-id', v1(async (req: FastifyRequest) => {
    const body = parse(z.object({ email: z.string() }), camelKeys(req.body), 'body');
    const r = await core.call({ token: sessionToken(req) }, 'users.lookup', { email: body.email.trim() });
    if (!r.ok && r.error.code === 'not_found') throw new V1Failure({ status: 404, body: { detail: 'User not found' } });
    if (!r.ok) throw coreFailure(r.error);
    return { user_id: r.value.id };
  }));
}
