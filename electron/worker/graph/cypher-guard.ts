/**
 * First layer of the read-only check for user Cypher: decides on the tokens Kùzu itself would
 * see (cypher-lexer.ts), before anything reaches the engine. The second, independent layer is
 * cypher-engine-check.ts (the engine's own statement count, plan and a read-only transaction).
 *
 * A query passes only if it is exactly one statement (a trailing `;` allowed), starts with a
 * read clause, contains no word that starts a writing / file / extension / transaction clause,
 * CALLs only listed table functions, calls only listed scalar functions, and ends in RETURN.
 * What may be used lives in cypher-allow.ts.
 */
import { AppError } from '../../../shared/domain/errors';
import { CALLABLE_TABLE_FUNCTIONS, DENIED_KEYWORDS, FIRST_KEYWORDS, KEYWORDS_BEFORE_PAREN, SCALAR_FUNCTIONS } from './cypher-allow';
import { asciiLower, tokenize } from './cypher-lexer';
import type { Token } from './cypher-lexer';

export const MAX_CYPHER_LENGTH = 10_000;

const notPermitted = (what: string) => new AppError('invalid_input', `Only read queries are allowed: ${what} is not permitted`, { field: 'query' });
const word = (t: Token | undefined) => (t?.kind === 'ident' ? asciiLower(t.text) : undefined);
const isPunct = (t: Token | undefined, p: string) => t?.kind === 'punct' && t.text === p;
/** A function or table name as the engine reads it: backticks stripped. */
const nameOf = (t: Token) => (t.kind === 'name' ? t.text.slice(1, -1) : t.text);

/** The statement's tokens, after checking there is exactly one (a final `;` is dropped). */
function singleStatement(tokens: readonly Token[]): readonly Token[] {
  const semi = tokens.findIndex((t) => isPunct(t, ';'));
  if (semi < 0) return tokens;
  if (semi !== tokens.length - 1) throw new AppError('invalid_input', 'Only one statement is allowed: remove the ";" and what follows it', { field: 'query', offset: tokens[semi]!.start });
  return tokens.slice(0, -1);
}

function checkStart(tokens: readonly Token[]): void {
  const first = word(tokens[0]);
  if (first !== undefined && DENIED_KEYWORDS.has(first)) throw notPermitted(first.toUpperCase());
  if (first === undefined || !FIRST_KEYWORDS.has(first) || (first === 'optional' && word(tokens[1]) !== 'match')) {
    throw new AppError('invalid_input', `Only read queries are allowed: a query must start with MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN or CALL (found "${tokens[0]!.text.slice(0, 40)}")`, { field: 'query' });
  }
}

function checkCall(tokens: readonly Token[], i: number): void {
  const target = tokens[i + 1];
  const allowed = [...CALLABLE_TABLE_FUNCTIONS].join(', ');
  if (!target || (target.kind !== 'ident' && target.kind !== 'name')) {
    throw new AppError('invalid_input', `Only read queries are allowed: CALL must name a table function (one of ${allowed})`, { field: 'query' });
  }
  const fn = nameOf(target);
  if (!CALLABLE_TABLE_FUNCTIONS.has(asciiLower(fn)) || !isPunct(tokens[i + 2], '(')) {
    throw new AppError('invalid_input', `Only read queries are allowed: CALL ${fn} is not permitted (a query may CALL ${allowed})`, { field: 'query' });
  }
}

/** A name followed by `(` is a function call unless the grammar makes it a keyword there. */
function checkFunction(tokens: readonly Token[], i: number): void {
  const t = tokens[i]!;
  if (word(tokens[i - 1]) === 'call') return; // checked by checkCall
  if (t.kind === 'ident' && KEYWORDS_BEFORE_PAREN.has(asciiLower(t.text))) return;
  const fn = nameOf(t);
  if (!SCALAR_FUNCTIONS.has(asciiLower(fn))) throw new AppError('invalid_input', `Only read queries are allowed: function ${fn} is not permitted`, { field: 'query' });
}

/** Throws `invalid_input`, naming what is refused, unless `query` is a single read-only statement. */
export function assertReadOnlyCypher(query: string): void {
  if (typeof query !== 'string' || query.trim() === '') throw new AppError('invalid_input', 'The query is empty', { field: 'query' });
  if (query.length > MAX_CYPHER_LENGTH) throw new AppError('invalid_input', `The query is too long (at most ${MAX_CYPHER_LENGTH} characters)`, { field: 'query' });
  const all = tokenize(query);
  if (all.length === 0) throw new AppError('invalid_input', 'The query is empty (only comments)', { field: 'query' });
  const tokens = singleStatement(all);
  if (tokens.length === 0) throw new AppError('invalid_input', 'The query is empty', { field: 'query' });
  checkStart(tokens);
  let hasReturn = false;
  tokens.forEach((t, i) => {
    const w = word(t);
    if (w !== undefined && DENIED_KEYWORDS.has(w)) throw notPermitted(w.toUpperCase());
    if (w === 'call') checkCall(tokens, i);
    if (w === 'return') hasReturn = true;
    if ((t.kind === 'ident' || t.kind === 'name') && isPunct(tokens[i + 1], '(')) checkFunction(tokens, i);
  });
  if (!hasReturn) throw new AppError('invalid_input', 'A read query must end with RETURN (e.g. CALL show_tables() RETURN *)', { field: 'query' });
}
