import { AppError } from '../../../../shared/domain/errors';

/**
 * Builds the one error every ingestion stage throws for a bad file. Callers show `message`
 * to the user, so it names the file and the problem in plain words.
 */
export function invalidInput(message: string, detail?: Readonly<Record<string, unknown>>): AppError {
  return new AppError('invalid_input', message, detail);
}

/** Re-throws AppErrors unchanged and wraps anything else (a library crash) as invalid_input. */
export function wrapParserError(e: unknown, what: string): AppError {
  if (e instanceof AppError) return e;
  const reason = e instanceof Error && e.message ? e.message.slice(0, 200) : 'unknown parser error';
  return invalidInput(`${what}: ${reason}`);
}
