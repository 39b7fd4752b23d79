/**
 * Error bodies in the shapes Cognee's API answers with, so Cognee clients parse ours:
 * - its `CogneeApiError` handler (cognee/api/client.py): `{ "detail": "<message> [<ErrorName>]" }`
 *   with the error's status (PermissionDeniedError → 403);
 * - fastapi-users' dependency for a missing or bad session: 401 `{ "detail": "Unauthorized" }`;
 * - its `RequestValidationError` handler: 400 `{ "detail": [{ type, loc, msg }] }` (FastAPI's
 *   validation items; Cognee turns FastAPI's 422 into 400);
 * - route-level failures: `{ "error": "...", "detail": ... }` (cognee/api/DTO.py ErrorResponse).
 */
import type { ErrorCode, WireError } from '../../../shared/domain/errors';
import { HTTP_STATUS_BY_CODE } from '../../../shared/http-protocol';

/** One FastAPI validation item. `loc` starts with where the value was: body, query or path. */
export type ValidationItem = Readonly<{ type: string; loc: readonly (string | number)[]; msg: string }>;

/** The Cognee exception name each core error code corresponds to. */
const NAME_BY_CODE: Readonly<Record<ErrorCode, string>> = {
  unauthenticated: 'Unauthorized',
  permission_denied: 'PermissionDeniedError',
  not_found: 'EntityNotFoundError',
  invalid_input: 'InvalidValueError',
  conflict: 'EntityAlreadyExistsError',
  locked: 'DatasetLockedError',
  worker_crashed: 'ServiceError',
  cancelled: 'PipelineRunCancelledError',
  llm_not_configured: 'LLMAPIKeyNotSetError',
  storage_full: 'StorageError',
  storage_readonly: 'StorageError',
  corrupt: 'DatabaseError',
  timeout: 'TimeoutError',
  rate_limited: 'TooManyRequestsError',
  provider_error: 'LLMAPIError',
  internal: 'CogneeSystemError',
};

export type CogneeError = Readonly<{ status: number; body: unknown; headers?: Readonly<Record<string, string>> }>;

/** Maps a core error to Cognee's status and body. */
export function cogneeError(e: WireError, bodyLoc: 'body' | 'query' | 'path' = 'body'): CogneeError {
  const status = HTTP_STATUS_BY_CODE[e.code] ?? 500;
  switch (e.code) {
    case 'unauthenticated':
      return { status: 401, body: { detail: 'Unauthorized' } };
    case 'invalid_input': {
      const field = typeof e.detail?.field === 'string' ? e.detail.field : null;
      const loc = field && field !== '(input)' ? [bodyLoc, ...field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))] : [bodyLoc];
      return validationError([{ type: 'value_error', loc, msg: e.message }]);
    }
    case 'rate_limited': {
      const retry = e.detail?.retryAfterSeconds;
      return { status: 429, body: { detail: e.message }, ...(typeof retry === 'number' ? { headers: { 'Retry-After': String(retry) } } : {}) };
    }
    case 'llm_not_configured':
      // cognee/infrastructure/llm/exceptions.py LLMAPIKeyNotSetError: a CogneeValidationError (422).
      return { status: 422, body: { detail: 'LLM API key is not set. [LLMAPIKeyNotSetError]' } };
    case 'internal':
      // Never echo internals: the core already logged the cause.
      return { status: 500, body: { error: 'Internal server error', detail: null } };
    default:
      return { status, body: { detail: `${e.message} [${NAME_BY_CODE[e.code]}]` } };
  }
}

/** FastAPI-style validation failure, with Cognee's 400. */
export function validationError(items: readonly ValidationItem[]): CogneeError {
  return { status: 400, body: { detail: items } };
}

/** Cognee's route-level ErrorResponse. */
export function errorResponse(status: number, error: string, detail: string | null = null): CogneeError {
  return { status, body: { error, detail } };
}
