/** What the host's routes (/rpc and /api/v1) share: the core, cookie settings, the login limit and the upload bounds. */
import type { onRequestHookHandler } from 'fastify';

import type { Core } from '../core/core';
import type { UploadBudget } from './uploads';

export type HostContext = Readonly<{
  core: Core;
  /** Set the Secure flag on cookies (only when served over TLS). */
  secureCookies: boolean;
  /**
   * onRequest hook applying the coarse per-address sign-in cap (one store for every sign-in
   * route; loopback callers are exempt: the core throttles per account).
   */
  signInLimit: onRequestHookHandler;
  /** Upload bounds for data.add and POST /api/v1/add: bytes per request, and the budget all uploads in flight share. */
  maxUploadBytes: number;
  uploadBudget: UploadBudget;
}>;
