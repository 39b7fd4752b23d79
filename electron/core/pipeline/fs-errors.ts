import { AppError } from '../../../shared/domain/errors';

/** Maps file-system failures to codes a user can act on. */
export function classifyFsError(e: unknown, what: string): AppError {
  if (e instanceof AppError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('storage_full', `The disk is full (${what})`);
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new AppError('storage_readonly', `The data folder is not writable (${what})`);
  return new AppError('internal', `File error while ${what}: ${code ?? (e instanceof Error ? e.message : String(e))}`);
}
