import { AppError } from '../../../shared/domain/errors';
import { storageError } from '../../common/storage-errors';

/** Maps file-system failures to codes a user can act on. */
export function classifyFsError(e: unknown, what: string): AppError {
  if (e instanceof AppError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  return storageError(e, what) ?? new AppError('internal', `File error while ${what}: ${code ?? (e instanceof Error ? e.message : String(e))}`);
}
