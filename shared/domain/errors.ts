/**
 * The one error type that crosses every boundary (IPC, HTTP, worker protocol).
 * Callers switch on `code`, never parse `message`.
 */
export const ERROR_CODES = [
  'unauthenticated',
  'permission_denied',
  'not_found',
  'invalid_input',
  'conflict',
  'locked',
  'worker_crashed',
  'cancelled',
  'llm_not_configured',
  'storage_full',
  'storage_readonly',
  'corrupt',
  'timeout',
  /** Too many attempts (sign-in, registration); `detail.retryAfterSeconds` says when to retry. */
  'rate_limited',
  /** A configured model provider (LLM or embedder endpoint) was unreachable or answered badly. */
  'provider_error',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

/** What an error looks like on the wire. */
export type WireError = Readonly<{ code: ErrorCode; message: string; detail?: Readonly<Record<string, unknown>> }>;

/** A reply envelope: errors are values, because Electron keeps only `message` from a thrown error. */
export type Reply<T> = Readonly<{ ok: true; value: T } | { ok: false; error: WireError }>;

export function isErrorCode(s: unknown): s is ErrorCode {
  return typeof s === 'string' && (ERROR_CODES as readonly string[]).includes(s);
}

/** Converts anything thrown into a wire error. Unknown errors never leak their message. */
export function toWire(e: unknown): WireError {
  if (e instanceof AppError) return e.detail ? { code: e.code, message: e.message, detail: e.detail } : { code: e.code, message: e.message };
  return { code: 'internal', message: 'Unexpected error' };
}

export function fromWire(w: WireError): AppError {
  return new AppError(w.code, w.message, w.detail);
}
