/** What the host's routes (/rpc and /api/v1) share: the core, cookie settings, the login limit and the event sockets. */
import type { onRequestHookHandler } from 'fastify';

import type { Core } from '../core/core';
import type { EventSockets } from './events';

export type HostContext = Readonly<{
  core: Core;
  /** Set the Secure flag on cookies (only when served over TLS). */
  secureCookies: boolean;
  /** onRequest hook applying the shared sign-in rate limit (one store for every sign-in route). */
  signInLimit: onRequestHookHandler;
  sockets: EventSockets;
  /** Upload bounds for data.add and POST /api/v1/add. */
  maxUploadBytes: number;
}>;
