/**
 * The host: one fastify server over one Core. It serves the renderer build, the contract
 * over HTTP (/rpc) and WebSocket (/events), and Cognee's REST API (/api/v1) — each a thin
 * mapping onto `core.call`; authentication and permissions are the core's, in one place.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyWebsocket from '@fastify/websocket';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';

import { Core } from '../core/core';
import type { CoreConfig } from '../core/config';
import type { Log } from '../core/log';
import { consoleLog } from '../core/log';
import { nodeCoreOptions } from '../core/node-core';
import { registerApiV1 } from './api-v1';
import { installErrorHandler, sendFailure } from './errors';
import { EventSockets, registerEvents } from './events';
import { registerRpc } from './rpc';
import { installSecurity } from './security';
import { findRendererDir, registerStatic } from './static';

/** JSON bodies: 1 MB. Uploads have their own bounds (per file: the core's maxFileBytes). */
const JSON_BODY_LIMIT = 1024 * 1024;

export type HostOptions = Readonly<{
  /** Data folder (system.db, databases/, data_storage/). */
  home: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Address to bind; loopback unless the user asks otherwise. */
  host?: string;
  config?: Partial<CoreConfig>;
  log?: Log;
  /** Renderer build folder; found automatically when omitted. */
  rendererDir?: string;
  /** Sign-in attempts per IP per minute, across /rpc/auth.signIn and /api/v1/auth/login (default 10). */
  signInPerMinute?: number;
  /** Bytes one upload request may carry in total (default: max(1 GiB, one file's limit)). */
  maxUploadBytes?: number;
  /** Dataset worker module (the bundled dist/electron/worker.cjs); the source entry when omitted. */
  workerEntry?: string;
}>;

export type RunningHost = Readonly<{
  /** e.g. http://127.0.0.1:4123 */
  url: string;
  port: number;
  /** The core behind the server (tests inspect it; embedders may call it directly). */
  core: Core;
  /** Stops accepting, lets in-flight requests finish, closes the core (runs, workers, db). Safe to call twice. */
  close(): Promise<void>;
}>;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Builds the fastify app over an open core (not listening yet). */
export async function buildHost(core: Core, opts: Omit<HostOptions, 'home' | 'config' | 'port'> & { port: number | (() => number) }): Promise<FastifyInstance> {
  const log = opts.log ?? consoleLog;
  const host = opts.host ?? '127.0.0.1';
  const portNow = typeof opts.port === 'function' ? opts.port : () => opts.port as number;
  const config = core.services.config;
  const app = Fastify({
    logger: false,
    bodyLimit: JSON_BODY_LIMIT,
    // Keep-alive connections must not hold shutdown open.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // Malformed URL components and over-long path parameters (e.g. a 5,000-character procedure
    // name) are answered before routing; without this they bypass the error handler's dialects.
    frameworkErrors: (err, req, reply) => {
      const message = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path parameter is too long' : 'The URL is malformed';
      void sendFailure(req, reply, { code: 'invalid_input', message }, 400);
    },
  });
  const sockets = new EventSockets();
  const secureCookies = false; // plain HTTP on loopback; a TLS front would set this
  const maxUploadBytes = opts.maxUploadBytes ?? Math.max(1024 ** 3, config.maxFileBytes);

  installErrorHandler(app, log);
  await app.register(fastifyCookie); // before the guards: they read the session cookie
  installSecurity(app, { loopbackOnly: LOOPBACK.has(host), port: portNow });
  // Oversized files are reported by name from `truncated` (uploads.ts), not by a thrown error.
  await app.register(fastifyMultipart, { throwFileSizeLimit: false });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      code: 'KENNING_RATE_LIMITED',
      message: `Too many sign-in attempts; try again in ${ctx.after}`,
    }),
  });
  // One limiter (one store) shared by both sign-in routes, so switching route buys no attempts.
  const signInLimit = app.rateLimit({ max: opts.signInPerMinute ?? 10, timeWindow: '1 minute' });
  await app.register(fastifyWebsocket, { options: { maxPayload: 4096 } });
  // Cognee's login is an OAuth2 password form.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  // An empty body labelled JSON (curl -X DELETE -H 'content-type: application/json') means "no input".
  const json = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (String(body).trim() === '') return done(null, undefined);
    json(req, body as string, done);
  });

  app.get('/health', async () => ({ status: 'ok' }));
  registerRpc(app, { core, secureCookies, signInLimit, sockets, maxUploadBytes });
  registerEvents(app, core, sockets);
  registerApiV1(app, { core, secureCookies, signInLimit, sockets, maxUploadBytes });
  await registerStatic(app, findRendererDir(opts.rendererDir));
  return app;
}

/** Opens the core at `home`, starts the server and resolves once it listens. */
export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const log = opts.log ?? consoleLog;
  const host = opts.host ?? '127.0.0.1';
  const core = await Core.open(
    nodeCoreOptions({ home: opts.home, ...(opts.config ? { config: opts.config } : {}), log, ...(opts.workerEntry ? { workerEntry: opts.workerEntry } : {}) }),
  );
  let port = opts.port;
  let app: FastifyInstance;
  try {
    app = await buildHost(core, { ...opts, host, port: () => port });
    await app.listen({ port: opts.port, host });
  } catch (e) {
    await core.close();
    throw e;
  }
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : opts.port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    core,
    close: () =>
      (closing ??= (async () => {
        // Stop accepting first; core.close() then cancels runs so in-flight calls finish quickly.
        const stopped = app.close();
        await core.close();
        await stopped;
      })()),
  };
}
