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
import { corsPolicy } from './cors';
import { installErrorHandler, sendFailure } from './errors';
import { EventSockets, registerEvents } from './events';
import { registerRpc } from './rpc';
import { installSecurity } from './security';
import { findRendererDir, registerStatic } from './static';
import { UploadBudget } from './uploads';

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
  /**
   * Sign-in attempts per minute from one non-loopback address, across /rpc/auth.signIn and
   * /api/v1/auth/login (default 30). Loopback callers are exempt: every local profile shares
   * 127.0.0.1, so the core's per-account throttle is what limits guessing there.
   */
  signInPerMinute?: number;
  /** Bytes one upload request may carry in total (default: the in-flight budget, KENNING_MAX_UPLOAD_INFLIGHT_BYTES). */
  maxUploadBytes?: number;
  /**
   * Let auth.status list the profiles (the browser picker then shows buttons instead of an
   * email field). Default off: any local OS account can reach 127.0.0.1, and the emails of
   * who uses Kenning are not theirs to read. Honoured only while bound to loopback.
   */
  listProfiles?: boolean;
  /** How often open event sockets re-check their session, to close them on expiry (default 30 s). */
  sessionCheckMs?: number;
  /** Dataset worker module (the bundled dist/electron/worker.cjs); the source entry when omitted. */
  workerEntry?: string;
  /**
   * Web origins (e.g. http://localhost:3000, Cognee's frontend) that may call /api/v1 from a
   * browser with credentials (`--cors-origin`, CORS_ALLOWED_ORIGINS). Empty (the default): CORS closed.
   */
  corsOrigins?: readonly string[];
}>;

export type RunningHost = Readonly<{
  /** e.g. http://127.0.0.1:4123 */
  url: string;
  port: number;
  /** The core behind the server (tests inspect it; embedders may call it directly). */
  core: Core;
  /** Bytes uploads in flight hold now, against the shared budget (tests watch it return to 0). */
  uploadBytesInFlight(): number;
  /** Stops accepting, lets in-flight requests finish, closes the core (runs, workers, db). Safe to call twice. */
  close(): Promise<void>;
}>;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** A client address on the loopback interface (IPv4 127/8, ::1, or IPv4-mapped 127/8). */
function isLoopbackAddress(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');
}

/** Builds the fastify app over an open core (not listening yet). */
export async function buildHost(
  core: Core,
  opts: Omit<HostOptions, 'home' | 'config' | 'port'> & { port: number | (() => number); uploadBudget?: UploadBudget },
): Promise<FastifyInstance> {
  const log = opts.log ?? consoleLog;
  const host = opts.host ?? '127.0.0.1';
  const portNow = typeof opts.port === 'function' ? opts.port : () => opts.port as number;
  const config = core.services.config;
  const cors = corsPolicy(opts.corsOrigins ?? []); // throws, naming the entry, before anything listens
  // The core must not list profiles unless this host may: bound to loopback and told to.
  if (config.listProfiles && !(LOOPBACK.has(host) && opts.listProfiles === true)) {
    throw new Error('This core lists profiles to anyone who asks; the host may do that only on loopback with listProfiles (open the core with listProfiles: false)');
  }
  const app = Fastify({
    logger: false,
    bodyLimit: JSON_BODY_LIMIT,
    // Keep-alive connections must not hold shutdown open.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // Cognee's clients call `/x` and `/x/` alike (FastAPI redirects one to the other with a 307,
    // which requests follows and httpx does not by default): every route answers both forms.
    routerOptions: { ignoreTrailingSlash: true },
    // Malformed URL components and over-long path parameters (e.g. a 5,000-character procedure
    // name) are answered before routing; without this they bypass the error handler's dialects.
    frameworkErrors: (err, req, reply) => {
      const message = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path parameter is too long' : 'The URL is malformed';
      void sendFailure(req, reply, { code: 'invalid_input', message }, 400);
    },
  });
  const sockets = new EventSockets();
  const secureCookies = false; // plain HTTP on loopback; a TLS front would set this
  const uploadBudget = opts.uploadBudget ?? new UploadBudget(config.maxUploadInFlightBytes);
  const maxUploadBytes = opts.maxUploadBytes ?? config.maxUploadInFlightBytes;

  installErrorHandler(app, log);
  await app.register(fastifyCookie); // before the guards: they read the session cookie
  installSecurity(app, { loopbackOnly: LOOPBACK.has(host), port: portNow, cors });
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
  // Per address, so only for remote callers: on loopback it would be one limit for everyone.
  const signInLimit = app.rateLimit({ max: opts.signInPerMinute ?? 30, timeWindow: '1 minute', allowList: (req) => isLoopbackAddress(req.ip) });
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
  registerRpc(app, { core, secureCookies, signInLimit, maxUploadBytes, uploadBudget });
  registerEvents(app, core, sockets, { sessionCheckMs: opts.sessionCheckMs ?? 30_000 });
  registerApiV1(app, { core, secureCookies, signInLimit, maxUploadBytes, uploadBudget });
  await registerStatic(app, findRendererDir(opts.rendererDir));
  return app;
}

/** Opens the core at `home`, starts the server and resolves once it listens. */
export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const log = opts.log ?? consoleLog;
  const host = opts.host ?? '127.0.0.1';
  // The host decides whether profiles are listed, whatever `config` says.
  const listProfiles = LOOPBACK.has(host) && opts.listProfiles === true;
  const core = await Core.open(
    nodeCoreOptions({ home: opts.home, config: { ...opts.config, listProfiles }, log, ...(opts.workerEntry ? { workerEntry: opts.workerEntry } : {}) }),
  );
  let port = opts.port;
  let app: FastifyInstance;
  const uploadBudget = new UploadBudget(core.services.config.maxUploadInFlightBytes);
  try {
    app = await buildHost(core, { ...opts, host, port: () => port, uploadBudget });
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
    uploadBytesInFlight: () => uploadBudget.used,
    close: () =>
      (closing ??= (async () => {
        // Stop accepting first; core.close() then cancels runs so in-flight calls finish quickly.
        const stopped = app.close();
        await core.close();
        await stopped;
      })()),
  };
}
