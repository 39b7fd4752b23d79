/**
 * The events WebSocket (EVENTS_PATH): one socket per browser tab, authenticated before the
 * upgrade (cookie or Bearer), subscribed to the core for that session. The core filters
 * dataset events per session at delivery time; sign-out closes the session's sockets.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';

import { EVENTS_PATH } from '../../shared/http-protocol';
import type { EventMessage } from '../../shared/http-protocol';
import type { Core } from '../core/core';
import { sessionToken } from './session';

/** Policy violation: the session is gone. */
const CLOSE_SIGNED_OUT = 1008;

/** Open event sockets by session token, so sign-out can close them. */
export class EventSockets {
  readonly #byToken = new Map<string, Set<WebSocket>>();

  add(token: string, socket: WebSocket): void {
    let set = this.#byToken.get(token);
    if (!set) this.#byToken.set(token, (set = new Set()));
    set.add(socket);
  }

  remove(token: string, socket: WebSocket): void {
    const set = this.#byToken.get(token);
    set?.delete(socket);
    if (set?.size === 0) this.#byToken.delete(token);
  }

  /** Closes every socket of a session (after sign-out). */
  closeSession(token: string): void {
    for (const s of this.#byToken.get(token) ?? []) s.close(CLOSE_SIGNED_OUT, 'signed out');
    this.#byToken.delete(token);
  }

  get size(): number {
    let n = 0;
    for (const s of this.#byToken.values()) n += s.size;
    return n;
  }
}

export function registerEvents(app: FastifyInstance, core: Core, sockets: EventSockets): void {
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
        return undefined;
      },
    },
    (socket: WebSocket, req: FastifyRequest) => {
      const token = sessionToken(req) as string; // checked in preValidation
      sockets.add(token, socket);
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
        sockets.remove(token, socket);
      });
      socket.on('error', () => socket.terminate());
    },
  );
}
