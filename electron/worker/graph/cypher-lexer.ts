/**
 * A left-to-right tokenizer that splits Cypher exactly where Kùzu 0.11.3's ANTLR lexer does
 * (node_modules/kuzu/kuzu-source/src/antlr4/Cypher.g4), so the read-only guard sees the same
 * strings, comments, names and `;` the engine sees. Anything the engine would not tokenize
 * the same way — or would reject — is refused here rather than guessed at.
 *
 * Kùzu's rules, and where they differ from what one might expect (each measured on 0.11.3):
 * - strings: '…' or "…"; a backslash must start one of \\ \' \" \b \f \n \r \t \uXXXX
 *   \UXXXXXXXX (no \x in 0.11.3). Any other backslash makes the engine re-lex the quote as an
 *   unknown character and fail, so it is refused. A doubled quote ('a''b') is two strings.
 * - names in backticks: `…`, and a doubled backtick continues the same name (`a``b`).
 * - `//` runs to LF, CR LF, CR at the end, or the end; a CR followed by anything but LF does not
 *   end it (the engine then fails to lex the comment at all), so that is refused.
 * - `/* … *\/`: the body is any char but `*`, or `*` followed by any char but `/`; so a `*`
 *   consumes the char after it, and an even run of stars before `/` does NOT close the comment
 *   (`/* **\/ still comment *\/` is one comment; `/***\/` is not a comment at all).
 * - whitespace is a fixed list of characters (not JavaScript's \s).
 * - identifiers: [ID_Start or Pc] then [ID_Continue or Sc]* — so `$` continues a name (`a$b`).
 * - numbers: 0 | [1-9][0-9]*, d*.d+ and exponent forms with an optional `-` (never `+`).
 */
import { AppError } from '../../../shared/domain/errors';

export type TokenKind = 'ident' | 'name' | 'string' | 'number' | 'punct';

export type Token = Readonly<{
  kind: TokenKind;
  /** The exact source text, quotes and backticks included. */
  text: string;
  /** Offset of the first character in the query. */
  start: number;
}>;

/** Kùzu's WHITESPACE rule, character by character. */
const WHITESPACE = new Set([
  ' ', '\t', '\n', '\u000b', '\f', '\r', '\u001c', '\u001d', '\u001e', '\u001f',
  '\u1680', '\u180e', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2008',
  '\u2009', '\u200a', '\u2028', '\u2029', '\u205f', '\u3000', '\u00a0', '\u2007', '\u202f',
]);

/** Single characters the grammar uses as operators or punctuation (including its Unicode dashes and arrow heads). */
const PUNCT = new Set([
  '(', ')', '[', ']', '{', '}', ',', ';', ':', '.', '=', '<', '>', '+', '-', '*', '/', '%', '^', '|', '&', '!', '$', '~',
  '\u27e8', '\u3008', '\ufe64', '\uff1c', '\u27e9', '\u3009', '\ufe65', '\uff1e',
  '\u00ad', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe58', '\ufe63', '\uff0d',
]);

/** Kùzu's two-character operators; only `..` changes what follows (`..5` is `..` then `5`, not `.` then `.5`). */
const PUNCT2 = new Set(['..', '<>', '<=', '>=', '!=', '=~', '>>', '<<']);

/** Characters allowed after a backslash inside a string (besides u/U, which need hex digits). */
const SIMPLE_ESCAPES = new Set(['\\', "'", '"', 'b', 'B', 'f', 'F', 'n', 'N', 'r', 'R', 't', 'T']);

const ID_START = /[\p{ID_Start}\p{Pc}]/uy;
const ID_REST = /[\p{ID_Continue}\p{Sc}]*/uy;
const HEX4 = /[0-9A-Fa-f]{4}/y;
// Kùzu's three number rules; the lexer takes the longest match, as ANTLR does.
const NUMBER_RULES = [/(?:\d+\.\d+|\d+|\.\d+)[eE]-?\d+/y, /\d*\.\d+/y, /0|[1-9]\d*/y];

function refuse(message: string, at: number): never {
  throw new AppError('invalid_input', `${message} (at character ${at + 1})`, { field: 'query', offset: at });
}

function matchAt(re: RegExp, s: string, at: number): string | undefined {
  re.lastIndex = at;
  return re.exec(s)?.[0];
}

/** End offset (exclusive) of the string starting with a quote at `at`. */
function stringEnd(s: string, at: number): number {
  const quote = s[at]!;
  let i = at + 1;
  for (;;) {
    if (i >= s.length) refuse('The query has an unterminated string', at);
    const c = s[i]!;
    if (c === quote) return i + 1;
    if (c !== '\\') {
      i++;
      continue;
    }
    const e = s[i + 1];
    if (e !== undefined && SIMPLE_ESCAPES.has(e)) i += 2;
    else if ((e === 'u' || e === 'U') && matchAt(HEX4, s, i + 2)) i += 6;
    else refuse(`The query has an escape Kùzu does not accept in a string ("\\${e ?? ''}"); use \\\\ \\' \\" \\n \\t \\r \\b \\f or \\uXXXX`, i);
  }
}

/** End offset of the backtick name starting at `at`; a doubled backtick continues it. */
function nameEnd(s: string, at: number): number {
  let i = at;
  while (s[i] === '`') {
    const close = s.indexOf('`', i + 1);
    if (close < 0) refuse('The query has an unterminated `name`', at);
    i = close + 1;
  }
  return i;
}

/** End offset of the `/*` comment at `at`, following Kùzu's rule (a `*` always consumes the next char unless it is `/`). */
function blockCommentEnd(s: string, at: number): number {
  let i = at + 2;
  for (;;) {
    if (i >= s.length) refuse('The query has an unterminated /* comment (note: Kùzu does not end a comment at an even run of stars before "/")', at);
    if (s[i] !== '*') i++;
    else if (s[i + 1] === '/') return i + 2;
    else if (i + 1 >= s.length) refuse('The query has an unterminated /* comment', at);
    else i += 2;
  }
}

/** End offset of the `//` comment at `at`: through LF, CR LF, a final CR, or the end of the query. */
function lineCommentEnd(s: string, at: number): number {
  let i = at + 2;
  while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
  if (i >= s.length) return i;
  if (s[i] === '\n') return i + 1;
  if (s[i + 1] === '\n') return i + 2;
  if (i + 1 === s.length) return i + 1; // CR at the very end
  return refuse('The query has a // comment ended by a lone carriage return, which Kùzu does not accept', at);
}

/**
 * Splits `query` into tokens, dropping whitespace and comments. Throws `invalid_input` on an
 * unterminated string, name or comment, a bad escape, or a character Kùzu does not lex.
 */
export function tokenize(query: string): Token[] {
  const s = query;
  const out: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, end: number) => {
    out.push({ kind, text: s.slice(i, end), start: i });
    i = end;
  };
  while (i < s.length) {
    const c = s[i]!;
    if (WHITESPACE.has(c)) i++;
    else if (c === '/' && s[i + 1] === '/') i = lineCommentEnd(s, i);
    else if (c === '/' && s[i + 1] === '*') i = blockCommentEnd(s, i);
    else if (c === "'" || c === '"') push('string', stringEnd(s, i));
    else if (c === '`') push('name', nameEnd(s, i));
    else if ((c >= '0' && c <= '9') || (c === '.' && s[i + 1]! >= '0' && s[i + 1]! <= '9')) {
      const lengths = NUMBER_RULES.map((re) => matchAt(re, s, i)?.length ?? 0);
      push('number', i + Math.max(...lengths));
    } else if (matchAt(ID_START, s, i)) {
      const first = matchAt(ID_START, s, i)!;
      push('ident', i + first.length + (matchAt(ID_REST, s, i + first.length)?.length ?? 0));
    } else if (PUNCT2.has(s.slice(i, i + 2))) push('punct', i + 2);
    else if (PUNCT.has(c)) push('punct', i + 1);
    else refuse(`The query has a character Kùzu does not accept here (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`, i);
  }
  return out;
}

/** Lower-cases ASCII letters only, as the engine matches keywords and function names (so 'ſet' is not SET). */
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 32));
}
