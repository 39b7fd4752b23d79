/**
 * Refuses Cypher that could change anything, before it reaches the engine. Conservative by
 * design: string literals and comments are blanked first, then any write or admin keyword, any
 * CALL outside a small read-only allow-list, or a second statement is refused.
 */
import { AppError } from '../../../shared/domain/errors';

const WRITE_KEYWORDS = [
  'CREATE', 'MERGE', 'SET', 'DELETE', 'DETACH', 'REMOVE', 'DROP', 'ALTER', 'COPY', 'INSTALL', 'UNINSTALL',
  'LOAD', 'ATTACH', 'USE', 'EXPORT', 'IMPORT', 'BEGIN', 'COMMIT', 'ROLLBACK', 'CHECKPOINT', 'FOREACH',
] as const;
const WRITE_RE = new RegExp(`\\b(${WRITE_KEYWORDS.join('|')})\\b`, 'i');

/** Table functions that only describe the database. */
const READ_ONLY_CALLS = new Set(['show_tables', 'table_info', 'show_connection', 'db_version', 'current_setting', 'show_functions']);

export const MAX_CYPHER_LENGTH = 10_000;

/** Replaces quoted strings, backtick names and comments with spaces so keywords inside them do not count. */
function blankLiteralsAndComments(q: string): string {
  return q
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/'(?:[^'\\]|\\.)*'/g, "''")
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/`[^`]*`/g, '``');
}

/** Throws `invalid_input` unless `query` is a single read-only statement. */
export function assertReadOnlyCypher(query: string): void {
  if (typeof query !== 'string' || query.trim() === '') throw new AppError('invalid_input', 'The query is empty');
  if (query.length > MAX_CYPHER_LENGTH) throw new AppError('invalid_input', 'The query is too long');
  const bare = blankLiteralsAndComments(query);
  if (/\/\*|'|"/.test(bare.replace(/''|""/g, ''))) throw new AppError('invalid_input', 'The query has an unterminated string or comment');
  const hit = WRITE_RE.exec(bare);
  if (hit) throw new AppError('invalid_input', `Only read queries are allowed (found ${hit[1]!.toUpperCase()})`);
  for (const m of bare.matchAll(/\bCALL\s+([A-Za-z_][A-Za-z0-9_]*)/gi)) {
    if (!READ_ONLY_CALLS.has(m[1]!.toLowerCase())) throw new AppError('invalid_input', `CALL ${m[1]} is not allowed in a read query`);
  }
  if (/\bCALL\b/i.test(bare.replace(/\bCALL\s+[A-Za-z_][A-Za-z0-9_]*/gi, ''))) throw new AppError('invalid_input', 'CALL is not allowed here');
  const body = bare.trim().replace(/;\s*$/, '');
  if (body.includes(';')) throw new AppError('invalid_input', 'Only one statement is allowed');
}
