import { AppError } from '../../../shared/domain/errors';
import type { ErrorCode } from '../../../shared/domain/errors';

/** Words added in front of the app's own message for codes a newcomer would not understand. */
const HINTS: Partial<Record<ErrorCode, string>> = {
  llm_not_configured: 'This needs a language model, and none is configured. Add one in Settings (it sends text off this machine), or use a search type that works offline.',
  unauthenticated: 'You are signed out.',
  permission_denied: 'You do not have permission for that.',
  locked: 'The dataset is busy; try again in a moment.',
  worker_crashed: 'A background worker stopped unexpectedly; it restarts on the next try.',
  storage_full: 'The disk is full.',
  storage_readonly: 'The data folder is read-only.',
  timeout: 'That took too long.',
  provider_error: 'The model provider configured in Settings did not answer properly.',
};

/**
 * "unauthenticated" also answers a wrong password (sign-in, change password): the person is not
 * signed out then, and the message itself says what is wrong.
 */
const isWrongPassword = (e: AppError) => e.code === 'unauthenticated' && /password/i.test(e.message);

/** A user-facing sentence for anything thrown: the AppError message with a hint, never a blank. */
export function errorText(e: unknown): string {
  if (e instanceof AppError) {
    const hint = isWrongPassword(e) ? undefined : HINTS[e.code];
    return hint && !e.message.includes(hint) ? `${hint} (${e.message})` : e.message || e.code;
  }
  if (e instanceof Error && e.message) return e.message;
  return 'Something went wrong.';
}

/** The AppError code of `e`, or undefined for foreign errors. */
export function errorCode(e: unknown): ErrorCode | undefined {
  return e instanceof AppError ? e.code : undefined;
}
