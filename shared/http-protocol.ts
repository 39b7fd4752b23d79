/**
 * How the contract travels over HTTP between the renderer (in a browser) and the host.
 * The Electron build uses IPC instead; both carry the same procedures and Reply envelopes.
 *
 * - `POST ${RPC_PREFIX}<procedure>` with a JSON body (the procedure's input) → 200 with a
 *   JSON `Reply` ({ ok: true, value } | { ok: false, error: { code, message, detail? } }).
 *   Errors travel inside the envelope with the HTTP status from `HTTP_STATUS_BY_CODE`.
 * - `data.add` is the exception: `multipart/form-data` with fields `datasetId` or
 *   `datasetName`, one or more `files` parts and optional `texts` parts.
 * - Every request must carry the header `CSRF_HEADER: 1` (a browser cannot add it to a
 *   cross-site form post), and state-changing requests with a foreign Origin are refused.
 * - Sessions: `auth.signIn` / `auth.autoSignIn` set an HttpOnly, SameSite=Strict cookie
 *   named `SESSION_COOKIE`; `Authorization: Bearer <token>` works too. `auth.signOut` clears it.
 * - Events: a WebSocket at `EVENTS_PATH` (same cookie) receives `{ event, payload }` JSON
 *   messages for the signed-in session (see shared/contract/events.ts).
 */
import type { ErrorCode } from './domain/errors';

export const RPC_PREFIX = '/rpc/';
export const EVENTS_PATH = '/events';
export const CSRF_HEADER = 'x-kenning';
export const SESSION_COOKIE = 'kenning_session';

export const HTTP_STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  locked: 423,
  worker_crashed: 503,
  cancelled: 409,
  llm_not_configured: 400,
  storage_full: 507,
  storage_readonly: 503,
  corrupt: 500,
  timeout: 504,
  rate_limited: 429,
  provider_error: 502,
  internal: 500,
};
