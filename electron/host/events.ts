/**
 * The events WebSocket (EVENTS_PATH): one socket per browser tab, authenticated before the
 * upgrade (cookie or Bearer), subscribed to the core for that session. The core filters
 * dataset events per session at delivery time. A socket lives no longer than its session:
 * sign-out and password changes close it at once (the auth service says which sessions
 * ended), and a periodic check closes the sockets of sessions that expired or whose profile
 * no longer exists.
 */
import type { IncomingMessage } from 'node:http';

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';

import type { EventMessage } from '../../shared/contract/events';
import { EVENTS_PATH } from '../../shared/http-protocol';
import type { EndedSessions } from '../core/access/auth-service';
import { hashToken } from '../core/access/auth-service';
import type { Core } from '../core/core';
import { sessionToken } from './session';

/** Policy violation: the session is gone. */
const CLOSE_SESSION_ENDED = 1008;

type SocketSession = Readonly<{ token: string; tokenHash: string; userId: string }>;

/** Open event sockets and the session each speaks for. */
export class EventSockets {
  readonly #sessions = new Map<WebSocket, SocketSession>();

  add(socket: WebSocket, session: SocketSession): void {
    this.#sessions.set(socket, session);
  }

  remove(socket: WebSocket): void {
    this.#sessions.delete(socket);
  }

  /** Closes the sockets of sessions that just ended (sign-out, password change). */
  closeEnded(ended: EndedSessions): void {
    for (const [socket, s] of this.#sessions) {
      const gone = 'tokenHash' in ended ? s.tokenHash === ended.tokenHash : s.userId === ended.userId && s.tokenHash !== ended.exceptTokenHash;
      if (gone) this.#close(socket, 'signed out');
    }
  }

  /** Closes the sockets whose session no longer resolves (expired, profile deleted, removed by any other path). */
  async sweep(isLive: (token: string) => Promise<boolean>): Promise<void> {
    const tokens = new Map<string, boolean>();
    for (const [socket, s] of [...this.#sessions]) {
      if (!tokens.has(s.token)) tokens.set(s.token, await isLive(s.token).catch(() => false));
      if (!tokens.get(s.token)) this.#close(socket, 'session ended');
    }
  }

  #close(socket: WebSocket, reason: string): void {
    this.#sessions.delete(socket);
    socket.close(CLOSE_SESSION_ENDED, reason);
  }

  get size(): number {
    return this.#sessions.size;
  }
}

export type EventsOptions = Readonly<{
  /** How often open sockets re-check their session (expiry, deleted profiles). */
  sessionCheckMs: number;
}>;

export function registerEvents(app: FastifyInstance, core: Core, sockets: EventSockets, opts: EventsOptions): void {
  // Who each upgrade request is, resolved in preValidation (async) for the handler (sync).
  const userOf = new WeakMap<IncomingMessage, string>();
  closeEndedSessions(app, core, sockets, opts);

  // A refused upgrade (401, 403, 404) leaves its socket outside the HTTP server's bookkeeping:
  // end it once the refusal is written, or it lingers and holds shutdown open.
  app.addHook('onResponse', async (req, reply) => {
    if (req.headers.upgrade && reply.statusCode >= 400) req.raw.socket?.destroy();
  });
  app.get(
    EVENTS_PATH,
    {
      websocket: true,
      // Before the upgrade: an anonymous or expired session gets a plain 401, not a socket.
      preValidation: async (req, reply) => {
        const token = sessionToken(req);
        const me = token ? await core.call({ token }, 'auth.me', {}) : null;
        if (!me?.ok) return reply.code(401).send({ error: 'Sign in first' });
        userOf.set(req.raw, me.value.id);
        return undefined;
      },
    },
    (socket: WebSocket, req: FastifyRequest) => {
      const token = sessionToken(req) as string; // checked in preValidation
      serveSocket(core, sockets, socket, { token, tokenHash: hashToken(token), userId: userOf.get(req.raw) ?? '' });
    },
  );
}

/** Sign-out closes sockets at once; the periodic sweep catches every other way a session ends. */
function closeEndedSessions(app: FastifyInstance, core: Core, sockets: EventSockets, opts: EventsOptions): void {
  const { auth } = core.services;
  const offEnded = auth.onSessionsEnded((ended) => sockets.closeEnded(ended));
  let sweeping = false;
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      await sockets.sweep(async (token) => (await auth.userForToken(token)) !== undefined);
    } finally {
      sweeping = false;
    }
  };
  const timer = setInterval(() => void sweep(), opts.sessionCheckMs);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    offEnded();
  });
}

function serveSocket(core: Core, sockets: EventSockets, socket: WebSocket, session: SocketSession): void {
  const { token } = session;
  sockets.add(socket, session);
  // Subscribed synchronously, before the client sees the upgrade complete: nothing is missed.
  const unsubscribe = core.subscribe(
    () => ({ token }),
    (event, payload) => {
      if (socket.readyState !== socket.OPEN) return;
      const msg: EventMessage = { event, payload };
      socket.send(JSON.stringify(msg));
    },
  );
  socket.on('message', () => undefined); // the channel is one-way; client messages are ignored
  socket.on('close', () => {
    unsubscribe();
    sockets.remove(socket);
  });
  socket.on('error', () => socket.terminate());
}
