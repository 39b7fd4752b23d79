/**
 * Hostile Cypher (issue 12 §1):
 * - a seeded corpus of generated multi-statement queries full of quotes, escapes, comments,
 *   backtick names, Unicode whitespace and keywords, each run through the token lexer and
 *   through a real Kùzu: wherever Kùzu accepts a query, the lexer must have split it into the
 *   same statements and read the same string values and column names (token for token
 *   agreement, not just "both said no"); and the guard never passes anything Kùzu would run
 *   as more than one statement;
 * - the red team's payloads, in every hiding form, sent as CYPHER searches to a real forked
 *   worker, aimed at another owner's real graph and text: all refused, nothing leaked, nothing
 *   written, no native code run, the other graph untouched.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import kuzu from 'kuzu';
import type { Connection, QueryResult } from 'kuzu';
import { afterAll, describe, expect, it } from 'vitest';

import { AppError } from '../../shared/domain/errors';
import { assertReadOnlyCypher } from '../../electron/worker/graph/cypher-guard';
import { tokenize } from '../../electron/worker/graph/cypher-lexer';
import type { Token } from '../../electron/worker/graph/cypher-lexer';
import { datasetPaths } from '../../electron/core/datasets/paths';
import { app, code, ingest, newPool, ref, tempHome } from '../integration/datasets/helpers';
import { attacks, makeAttackEnv, sideEffects } from '../helpers/cypher-attacks';
import { report, rng, SEED, size, TIMEOUT } from './lib';

const CORPUS = size(4000, 40_000);
type R = ReturnType<typeof rng>;

// ---- generator ---------------------------------------------------------------------------

/** Pieces that make lexers disagree: quotes, escapes, comment marks (incl. Kùzu's `**\/` quirk), CRs, Unicode, keywords. */
const TRICKY = [
  "'", '"', '`', '``', ';', '/', '*', '*/', '/*', '**/', '***/', '//', '\\', '\n', '\r', '\r\n', ' ', '\t', 'a', 'Z', '0', 'é', '名', '💥', '$',
  '--', '\u2028', '\u00a0', '\u0085', '\u180e', '{', '(', ')', ' RETURN 9 AS hidden ', 'LOAD', 'MATCH (n)', 'CREATE', 'AS', ',',
];
const WS = [' ', ' ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\u3000', '\u000b', '\u001f', '\u180e'];

const tricky = (r: R, max: number, from: readonly string[] = TRICKY) => Array.from({ length: r.int(0, max) }, () => r.pick(from)).join('');
/** Comment bodies that stay comments in Kùzu (no unpaired `*` before `/`, no CR or LF), yet trip naive lexers. */
const COMMENT_SAFE = TRICKY.filter((t) => !t.includes('*') && !t.includes('\r') && !t.includes('\n')).concat(['**/', '* ', '/**/']);

function stringLiteral(r: R): string {
  const q = r.pick(["'", '"']);
  let body = '';
  for (const ch of tricky(r, 6)) body += ch === q || ch === '\\' ? `\\${ch}` : ch;
  if (r.chance(0.3)) body += r.pick(['\\n', '\\t', "\\'", '\\"', '\\\\', '\\u00e9', '\\U0001F600', '\\B', '\\F', '\\R']);
  if (r.chance(0.02)) body += r.pick(['\\q', '\\x41', '\\u12', q, '\\']); // the engine rejects these, or they end the string early
  return `${q}${body}${q}`;
}

function alias(r: R, j: number): string {
  if (r.chance(0.4)) return `c${j}`;
  const inner = tricky(r, 4).replace(/`/g, r.chance(0.98) ? '``' : '`');
  return `\`${inner}_${j}\``;
}

/** Whitespace and comments between tokens; `required` means at least one piece. */
function gap(r: R, required: boolean): string {
  let out = '';
  const n = r.int(required ? 1 : 0, 2);
  for (let i = 0; i < n; i++) {
    const k = r.int(0, 9);
    // Mostly comments Kùzu accepts; sometimes anything (which may end early, or never).
    const body = (max: number) => tricky(r, max, r.chance(0.8) ? COMMENT_SAFE : TRICKY);
    if (k < 6) out += r.pick(WS);
    else if (k < 8) out += `/*${body(4)}${r.chance(0.97) ? '*/' : ''}`;
    else out += `//${body(3).replace(/\n/g, '')}${r.chance(0.95) ? r.pick(['\n', '\r\n']) : '\r'}`;
  }
  return out;
}

function statement(r: R, k: number): string {
  const items = Array.from({ length: r.int(1, 3) }, (_, j) => `${r.chance(0.5) ? `${k}${j}` : stringLiteral(r)}${gap(r, true)}AS${gap(r, true)}${alias(r, j)}`);
  return `RETURN${gap(r, true)}${items.join(`${gap(r, false)},${gap(r, false)}`)}`;
}

function query(r: R): string {
  const parts = Array.from({ length: r.int(1, 3) }, (_, k) => statement(r, k + 1));
  return `${gap(r, false)}${parts.join(`${gap(r, false)};${gap(r, false)}`)}${r.chance(0.3) ? `${gap(r, false)};` : ''}${gap(r, false)}`;
}

// ---- the two readings ----------------------------------------------------------------------

/** One statement's answer: its column names and first row, in column order. */
type Reading = Readonly<{ columns: string[]; values: unknown[] }>;
/** The lexer's view: the statements it reads, or why it refused. */
type LexerView = Readonly<{ statements: Reading[] } | { refused: string }>;

/** Kùzu's runtime decoding of a string token: a backslash keeps the next character (StringUtils::removeEscapedCharacters). */
const decode = (tok: string) => tok.slice(1, -1).replace(/\\(.)/gs, '$1');
const literal = (t: Token) => (t.kind === 'number' ? Number(t.text) : decode(t.text));
/** Stands for a value the lexer cannot predict: the item is an expression (a comment can leave `10 * 11`). */
const ANY = Symbol('any');

function split(tokens: readonly Token[], sep: string): Token[][] {
  const out: Token[][] = [[]];
  for (const t of tokens) {
    if (t.kind === 'punct' && t.text === sep) out.push([]);
    else out[out.length - 1]!.push(t);
  }
  return out;
}

/** `RETURN item, item…` read from tokens: an item is `<expr> AS <alias>`, or a bare literal that Kùzu names after itself. */
function readStatement(g: readonly Token[]): Reading {
  const items = split(g.slice(1), ',').map((it) => {
    const as = it.findIndex((t) => t.kind === 'ident' && t.text === 'AS');
    const expr = as >= 0 ? it.slice(0, as) : it;
    const name = as >= 0 ? it[as + 1] : undefined;
    const single = expr.length === 1 && (expr[0]!.kind === 'number' || expr[0]!.kind === 'string');
    const value = single ? literal(expr[0]!) : ANY;
    const column = name ? (name.kind === 'name' ? name.text.slice(1, -1) : name.text) : single ? String(value) : '';
    return { column, value };
  });
  return { columns: items.map((i) => i.column), values: items.map((i) => i.value) };
}

function lexerView(q: string): LexerView {
  let tokens: Token[];
  try {
    tokens = tokenize(q);
  } catch (e) {
    if (e instanceof AppError) return { refused: e.message };
    throw e;
  }
  // Kùzu's grammar: Cypher ( ';' Cypher )* where each Cypher may end in its own ';' — so one
  // trailing ';' and ';;' between two statements are fine, an empty statement anywhere else is not.
  const groups = split(tokens, ';');
  if (groups.length > 1 && groups[groups.length - 1]!.length === 0) groups.pop();
  const ok = groups.every((g, i) => g.length > 0 || (i > 0 && i < groups.length - 1 && groups[i - 1]!.length > 0 && groups[i + 1]!.length > 0));
  if (!ok) return { refused: 'empty statement' };
  return { statements: groups.filter((g) => g.length > 0).map(readStatement) };
}

/** True when the two readings agree (ANY matches any value). */
function agree(lexer: readonly Reading[], engine: readonly Reading[]): boolean {
  return (
    lexer.length === engine.length &&
    lexer.every((l, i) => {
      const e = engine[i]!;
      if (JSON.stringify(l.columns) !== JSON.stringify(e.columns)) return false;
      // No row (a MATCH leaked out of a comment on an empty database): only the columns can be compared.
      return e.values.length === 0 || (l.values.length === e.values.length && l.values.every((v, j) => v === ANY || v === e.values[j]));
    })
  );
}

/**
 * Refusals that are deliberate, not disagreements: the brief is to refuse an unterminated
 * comment, and Kùzu, failing to lex `//…` ended by a lone CR, reads its `/` as division and
 * may then find a valid query (`30//* CR … *\/ 31` is 30 / 31).
 */
const DELIBERATE = /lone carriage return|unterminated \/\* comment/;

async function kuzuReading(conn: Connection, q: string): Promise<Reading[] | undefined> {
  let res: QueryResult | QueryResult[];
  try {
    res = await conn.query(q);
  } catch {
    return undefined;
  }
  const all = Array.isArray(res) ? res : [res];
  try {
    const out: Reading[] = [];
    for (const r of all) {
      const columns = await r.getColumnNames();
      const row = (await r.getAll())[0];
      out.push({ columns, values: row ? columns.map((c) => (row as Record<string, unknown>)[c]) : [] });
    }
    return out;
  } finally {
    for (const r of all) r.close();
  }
}

const guardPasses = (q: string) => {
  try {
    assertReadOnlyCypher(q);
    return true;
  } catch {
    return false;
  }
};

// ---- tests ---------------------------------------------------------------------------------

const homes: string[] = [];
afterAll(() => {
  for (const h of homes) fs.rmSync(h, { recursive: true, force: true });
});

describe('hostile Cypher', () => {
  it(
    `a generated corpus (${CORPUS} queries): the lexer and Kùzu agree on statements, strings and names`,
    async () => {
      const r = rng(SEED);
      const db = new kuzu.Database(':memory:');
      const conn = new kuzu.Connection(db);
      const f = { queries: 0, kuzuRan: 0, kuzuMulti: 0, kuzuRejected: 0, lexerRefused: 0, lexerOnlyAccepted: 0, refusedDeliberately: 0, guardPassed: 0 };
      const disagreements: string[] = [];
      const started = Date.now();
      for (let i = 0; i < CORPUS; i++) {
        const q = query(r);
        f.queries++;
        const lexer = lexerView(q);
        const engine = await kuzuReading(conn, q);
        const show = () => `${JSON.stringify(q)}\n  lexer: ${JSON.stringify(lexer, (_k, v: unknown) => (v === ANY ? '<any>' : v))}\n  kuzu:  ${JSON.stringify(engine)}`;
        if ('refused' in lexer) f.lexerRefused++;
        if (!engine) f.kuzuRejected++;
        else {
          f.kuzuRan++;
          if (engine.length > 1) f.kuzuMulti++;
        }
        if (!('refused' in lexer) && !engine) f.lexerOnlyAccepted++; // safe: the engine ran nothing
        if (engine && 'refused' in lexer) {
          if (DELIBERATE.test(lexer.refused)) f.refusedDeliberately++;
          else disagreements.push(show());
        }
        if (engine && 'statements' in lexer && !agree(lexer.statements, engine)) disagreements.push(show());
        if (guardPasses(q)) {
          f.guardPassed++;
          if (engine && engine.length !== 1) disagreements.push(`guard passed ${engine.length} statements: ${JSON.stringify(q)}`);
        }
      }
      await conn.close();
      await db.close();
      report('cypher corpus', { seed: SEED, ...f, ms: Date.now() - started });
      expect(disagreements.slice(0, 5)).toEqual([]);
      // The corpus must exercise both outcomes, or agreement proves little.
      expect(f.kuzuMulti).toBeGreaterThan(CORPUS / 10);
      expect(f.kuzuRejected).toBeGreaterThan(CORPUS / 20);
      expect(f.guardPassed).toBeGreaterThan(CORPUS / 20);
    },
    TIMEOUT,
  );

  it(
    "every payload in every hiding form, as a CYPHER search in a real worker, is refused and reaches no other owner's data",
    async () => {
      const home = await tempHome();
      homes.push(home);
      // The victim: another owner's dataset, ingested, then its worker stopped (its graph is unlocked).
      const victim = ref();
      const secret = `victim${randomUUID().slice(0, 8)}secret`;
      const victimPool = newPool(home);
      const victimData = randomUUID();
      await victimPool.withWorker(victim, (w) => ingest(w, home, victimData, `The letters of ${secret} were kept in Warsaw by Marie Curie.`));
      await victimPool.close();
      const victimGraph = datasetPaths(home, victim.ownerId, victim.datasetId).graph;
      const victimText = path.join(home, 'raw', `${victimData}.txt`);
      const digest = () => createHash('sha256').update(fs.readFileSync(victimGraph)).digest('hex');
      const before = digest();

      fs.mkdirSync(path.join(home, 'attack'));
      const base = await makeAttackEnv(path.join(home, 'attack'));
      const env = { ...base, passwd: victimText, otherDb: victimGraph, otherSecret: secret };
      const attacker = ref();
      const pool = newPool(home);
      const answers: string[] = [];
      const codes = new Map<string, number>();
      try {
        await pool.withWorker(attacker, async (w) => {
          await ingest(w, home, randomUUID(), 'Pierre Curie worked in Paris.');
          const search = { kind: 'search.run', searchType: 'CYPHER', topK: 10, onlyContext: false, embedder: { provider: 'hashing' }, llm: null } as const;
          for (const a of attacks(env)) {
            const p = app(w, { ...search, query: a.cypher });
            const c = await code(p);
            codes.set(c, (codes.get(c) ?? 0) + 1);
            answers.push(JSON.stringify(await p.catch((e: unknown) => (e instanceof Error ? e.message : String(e)))));
          }
          // The worker still answers ordinary Cypher afterwards.
          const ok = await app(w, { ...search, query: "MATCH (n:Node) WHERE n.name = 'Pierre Curie' RETURN n.name AS name" });
          expect(ok.rows).toEqual([{ name: 'Pierre Curie' }]);
        });
      } finally {
        await pool.close();
      }
      report('cypher attacks via worker', { attacks: answers.length, ...Object.fromEntries(codes), nativeProof: String(env.nativeProof) });
      expect([...codes.keys()]).toEqual(['invalid_input']);
      expect(answers.filter((a) => a.includes(secret))).toEqual([]);
      expect(sideEffects(env)).toEqual([]);
      expect(digest()).toBe(before);
    },
    TIMEOUT,
  );
});
