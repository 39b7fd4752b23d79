import type { z } from 'zod';

import { AppError } from '../domain/errors';

/**
 * Parses untrusted input; a failure becomes `invalid_input` naming the first bad field.
 * Never throws anything else.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.output<S> {
  const r = schema.safeParse(raw ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(input)';
  const msg = issue?.code === 'unrecognized_keys' ? `unknown field ${(issue as { keys?: string[] }).keys?.join(', ')}` : (issue?.message ?? 'invalid');
  throw new AppError('invalid_input', `${what}: ${field}: ${msg}`, { field });
}
