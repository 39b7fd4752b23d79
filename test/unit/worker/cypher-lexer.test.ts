/**
 * The Cypher tokenizer against Kùzu 0.11.3's lexer rules (each expectation below was checked
 * on the real engine; the generated corpus in test/reliability/cypher-attacks.test.ts checks
 * thousands more against it).
 */
import { describe, expect, it } from 'vitest';

import { AppError } from '../../../shared/domain/errors';
import { asciiLower, tokenize } from '../../../electron/worker/graph/cypher-lexer';

const texts = (q: string) => tokenize(q).map((t) => t.text);
const lexError = (q: string): string => {
  try {
    tokenize(q);
  } catch (e) {
    if (e instanceof AppError && e.code === 'invalid_input') return e.message;
    throw e;
  }
  return '';
};

describe('tokenize', () => {
  it('splits identifiers, numbers, strings, names and punctuation; drops whitespace and comments', () => {
    expect(texts("MATCH (n:Node) WHERE n.w >= 1.5e-3 RETURN n.name AS `the name`, 'x' // end")).toEqual([
      'MATCH', '(', 'n', ':', 'Node', ')', 'WHERE', 'n', '.', 'w', '>=', '1.5e-3', 'RETURN', 'n', '.', 'name', 'AS', '`the name`', ',', "'x'",
    ]);
    expect(tokenize("'a' `b` 1 x ;").map((t) => t.kind)).toEqual(['string', 'name', 'number', 'ident', 'punct']);
  });

  it('keeps keywords inside strings, names and comments out of the token stream', () => {
    expect(texts("RETURN 'LOAD; COPY' AS `ATTACH;` /* INSTALL; */ // USE;\n")).toEqual(['RETURN', "'LOAD; COPY'", 'AS', '`ATTACH;`']);
  });

  it('strings: backslash escapes as Kùzu has them, no doubled quotes', () => {
    expect(texts("RETURN 'it\\'s; fine' AS a")).toEqual(['RETURN', "'it\\'s; fine'", 'AS', 'a']);
    expect(texts('RETURN "a\\"b\\\\" AS a')).toEqual(['RETURN', '"a\\"b\\\\"', 'AS', 'a']);
    expect(texts("RETURN '\\u00e9\\U0001F600\\n\\T' AS a")[1]).toBe("'\\u00e9\\U0001F600\\n\\T'");
    expect(texts("RETURN 'a''b'")).toEqual(['RETURN', "'a'", "'b'"]); // two strings, as in Kùzu
    expect(texts(`RETURN "'" AS a`)).toEqual(['RETURN', `"'"`, 'AS', 'a']);
    expect(texts("RETURN 'line\nbreak'")).toHaveLength(2);
  });

  it('refuses escapes Kùzu 0.11.3 does not lex (it would re-read the quote as code)', () => {
    for (const q of ["RETURN 'a\\qb'", "RETURN 'a\\x41'", "RETURN 'a\\u12'", "RETURN 'a\\", 'RETURN "\\ "']) expect(lexError(q)).toMatch(/escape|unterminated/);
  });

  it('backtick names: a doubled backtick continues the name', () => {
    expect(texts('RETURN 1 AS `a``b`, 2 AS `c`')).toEqual(['RETURN', '1', 'AS', '`a``b`', ',', '2', 'AS', '`c`']);
    expect(texts("RETURN 1 AS `x'`; RETURN 2 AS `'`")).toEqual(['RETURN', '1', 'AS', "`x'`", ';', 'RETURN', '2', 'AS', "`'`"]);
    expect(lexError('RETURN 1 AS `a')).toMatch(/unterminated `name`/);
  });

  it('block comments follow Kùzu: a star eats the next char, so an even run of stars before / does not close', () => {
    expect(texts('RETURN 1 /* **/ AS a */ AS b')).toEqual(['RETURN', '1', 'AS', 'b']);
    expect(texts('RETURN 1 /* ***/ AS a')).toEqual(['RETURN', '1', 'AS', 'a']);
    expect(texts('RETURN 1 /* a * b */ AS a')).toEqual(['RETURN', '1', 'AS', 'a']);
    expect(texts('RETURN /**/ 1')).toEqual(['RETURN', '1']);
    expect(lexError('RETURN 1 /***/ AS a')).toMatch(/unterminated \/\* comment/); // Kùzu: parse error
    expect(lexError('RETURN 1 /* never closed')).toMatch(/unterminated/);
    expect(lexError("RETURN '/*' AS a; LOAD FROM 'x' RETURN *; // */ '")).toBe(''); // lexes fine; the guard refuses it
  });

  it('line comments end at LF, CR LF, a final CR or the end; a CR before anything else is refused (Kùzu fails to lex it)', () => {
    expect(texts('RETURN 1 // c\nAS a')).toEqual(['RETURN', '1', 'AS', 'a']);
    expect(texts('RETURN 1 // c\r\nAS a')).toEqual(['RETURN', '1', 'AS', 'a']);
    expect(texts('RETURN 1 // c')).toEqual(['RETURN', '1']);
    expect(texts('RETURN 1 // c\r')).toEqual(['RETURN', '1']); // CR then end: Kùzu accepts this one
    expect(lexError('RETURN 1 // c\rAS a')).toMatch(/carriage return/);
  });

  it("whitespace is Kùzu's list, not JavaScript's \\s", () => {
    expect(texts('RETURN\u00a01\u2028AS\u3000a\u001c')).toEqual(['RETURN', '1', 'AS', 'a']);
    expect(lexError('RETURN\u00851')).toMatch(/U\+0085/); // NEL is \s in JS but not whitespace in Kùzu
    expect(lexError('\ufeffRETURN 1')).toMatch(/U\+FEFF/); // Kùzu skips a leading BOM; refusing it is simpler and safe
  });

  it('identifiers are Unicode, continue through currency signs, and never start with a digit', () => {
    expect(texts('RETURN été, 名前, a$b, _x1')).toEqual(['RETURN', 'été', ',', '名前', ',', 'a$b', ',', '_x1']);
    expect(texts('RETURN 1e5LOAD')).toEqual(['RETURN', '1e5', 'LOAD']);
    expect(texts('RETURN 007, 1..3, .5, 1.e5')).toEqual(['RETURN', '0', '0', '7', ',', '1', '..', '3', ',', '.5', ',', '1', '.', 'e5']);
    expect(texts('RETURN 1e+5')).toEqual(['RETURN', '1', 'e', '+', '5']);
  });

  it('refuses characters Kùzu does not lex', () => {
    for (const c of ['#', '@', '?', '\\', '\u0000']) expect(lexError(`RETURN 1 ${c}`)).toMatch(/does not accept/);
  });

  it('asciiLower folds ASCII only, as the engine matches keywords', () => {
    expect(asciiLower('LoAd')).toBe('load');
    expect(asciiLower('ſET')).toBe('ſet'); // 'ſ'.toUpperCase() is 'S' in JS, but Kùzu does not read it as SET
  });
});
