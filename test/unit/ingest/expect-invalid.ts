import { expect } from 'vitest';
import { AppError } from '../../../shared/domain/errors';

/** Asserts that `run` throws (or rejects with) AppError('invalid_input') whose message matches. */
export async function expectInvalid(run: () => unknown, message: RegExp): Promise<AppError> {
  let caught: unknown;
  try {
    await run();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected an error').toBeInstanceOf(AppError);
  const err = caught as AppError;
  expect(err.code).toBe('invalid_input');
  expect(err.message).toMatch(message);
  return err;
}
