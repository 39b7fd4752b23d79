/**
 * Second layer of the read-only check for user Cypher, independent of the token guard
 * (cypher-guard.ts): it asks the engine itself, so one lexer bug is not enough to escape.
 *
 * What Kùzu 0.11.3 offers, as measured (nothing here is taken from its documentation alone):
 * - `conn.query` runs every `;`-separated statement; `conn.prepare` refuses more than one
 *   ("We do not support prepare multiple statements") before binding any of them. So user
 *   Cypher is only ever prepared + executed, never passed to `query`.
 * - `BEGIN TRANSACTION READ ONLY` makes prepare refuse writes to the database and also
 *   LOAD EXTENSION, INSTALL and IMPORT DATABASE ("Cannot execute write operations in a read-only
 *   database"). It does NOT stop LOAD FROM, COPY … TO, ATTACH, EXPORT DATABASE or `CALL x=…`.
 * - EXPLAIN prints the physical plan: operator names (COPY_TO, ATTACH_DATABASE, STANDALONE_CALL…)
 *   and, for every TABLE_FUNCTION_CALL, its function (READ_CSV_PARALLEL, SHOW_TABLES…). That
 *   names what the first two miss. But EXPLAIN builds the physical plan, and building the plan
 *   of EXPORT DATABASE creates its target directory; so the plan is taken of `MATCH () <query>`,
 *   which parses only when the query continues a read query — every non-query statement
 *   (EXPORT, COPY, ATTACH, CALL x=…, LOAD EXTENSION…) is a parse error there, before any plan.
 * - There is no setting to disable extension loading or file access (DBConfig/ClientConfig have
 *   none), and a read-only Database cannot be opened beside the worker's read-write one in the
 *   same process, so those are not available as layers.
 *
 * Residual, only when the token guard is bypassed: preparing a statement binds it, and binding
 * LOAD FROM sniffs the file and LOAD EXTENSION / IMPORT check that a path exists; the query is
 * then refused, but an error message may reveal that a path exists.
 */
import type { Connection, QueryResult } from 'kuzu';

import { AppError } from '../../../shared/domain/errors';
import { READ_PLAN_FUNCTIONS, READ_PLAN_OPERATORS } from './cypher-allow';
import { plainValue } from './rows';

export type ReadCaps = Readonly<{ maxRows: number; maxBytes: number }>;

/** Serialized size cap of one query's rows: past it the query fails rather than returning a silently partial answer. */
export const MAX_RESULT_BYTES = 4 * 1024 * 1024;

export const SCHEMA_HINT =
  "this graph's tables are Node(id, type, name, kind, description, data_ids), Rel(FROM Node TO Node: id, relation, weight, data_ids) and Item(id); entity kinds are in Node.type, e.g. MATCH (n:Node) WHERE n.type = 'Entity' RETURN n.name";

const refused = (what: string) => new AppError('invalid_input', `Only read queries are allowed: ${what} is not permitted`, { field: 'query' });

function closeAll(res: QueryResult | QueryResult[]): void {
  for (const r of Array.isArray(res) ? res : [res]) r.close();
}

/**
 * Turns an engine message about the user's query into an AppError when it is a refusal or a
 * mistake we can explain (a table that does not exist gets the schema); otherwise undefined.
 */
export function explainEngineMessage(msg: string): AppError | undefined {
  if (/do not support prepare multiple statements/i.test(msg)) return new AppError('invalid_input', 'Only one statement is allowed', { field: 'query' });
  // Kùzu words this two ways: "Cannot execute write operations in a read-only database!" and
  // "Can not execute a write query inside a read-only transaction."
  if (/write (operations|query) in(side)? a read-only/i.test(msg)) return refused('a statement that writes, installs or loads an extension');
  if (/Table \S+ does not exist/i.test(msg)) return new AppError('invalid_input', `${msg.replace(/^\w+ exception: /i, '').trim()} — ${SCHEMA_HINT}`, { field: 'query' });
  return undefined;
}

/** Operator and table-function names in an EXPLAIN plan (box-drawn text). */
export function planNames(plan: string): Readonly<{ operators: string[]; functions: string[] }> {
  return {
    operators: [...plan.matchAll(/([A-Z][A-Z_]*)\[\d+\]/g)].map((m) => m[1]!),
    functions: [...plan.matchAll(/Function: ([A-Za-z0-9_]+)/g)].map((m) => m[1]!),
  };
}

/**
 * Refuses unless the engine plans `query` as a read using only listed operators and table
 * functions. User text can add names to the plan (aliases are printed) but cannot remove the
 * engine's own, and anything unlisted is refused, so spoofing only causes a refusal.
 */
async function checkPlan(conn: Connection, query: string): Promise<void> {
  const probe = await conn.prepare(`EXPLAIN MATCH () ${query}`);
  if (!probe.isSuccess()) throw refused('a statement Kùzu does not plan as a read query');
  const res = await conn.execute(probe, {});
  let plan = '';
  try {
    const rows = await (Array.isArray(res) ? res[0]! : res).getAll();
    plan = rows.map((r) => Object.values(r).join('\n')).join('\n');
  } finally {
    closeAll(res);
  }
  const { operators, functions } = planNames(plan);
  if (operators.length === 0) throw new AppError('invalid_input', 'The query could not be checked (the engine returned no plan)', { field: 'query' });
  const op = operators.find((o) => !READ_PLAN_OPERATORS.has(o));
  if (op) throw refused(op);
  const fn = functions.find((f) => !READ_PLAN_FUNCTIONS.has(f));
  if (fn) throw refused(`table function ${fn}`);
  // Every TABLE_FUNCTION_CALL prints its function; one without a name cannot be vouched for.
  if (operators.filter((o) => o === 'TABLE_FUNCTION_CALL').length > functions.length) throw refused('an unnamed table function');
}

async function collect(res: QueryResult | QueryResult[], caps: ReadCaps): Promise<Record<string, unknown>[]> {
  const results = Array.isArray(res) ? res : [res];
  const out: Record<string, unknown>[] = [];
  try {
    if (results.length !== 1) throw new AppError('invalid_input', 'Only one statement is allowed', { field: 'query' });
    const r = results[0]!;
    let bytes = 0;
    while (out.length < caps.maxRows && r.hasNext()) {
      const row = plainValue(await r.getNext()) as Record<string, unknown> | null;
      if (!row) break;
      bytes += Buffer.byteLength(JSON.stringify(row) ?? '', 'utf8');
      if (bytes > caps.maxBytes) {
        throw new AppError('invalid_input', `The query's results exceed ${Math.round(caps.maxBytes / 1024 / 1024)} MB after ${out.length} rows: return fewer columns or add a LIMIT`, {
          field: 'query',
          maxBytes: caps.maxBytes,
        });
      }
      out.push(row);
    }
  } finally {
    closeAll(results);
  }
  return out;
}

/**
 * Runs one user query on `conn` (a connection used for nothing else) in a read-only
 * transaction: prepare (one statement only, no writes), check the engine's plan, then execute,
 * keeping at most `caps.maxRows` rows and `caps.maxBytes` of serialized output. Refusals are
 * `invalid_input`; other engine errors are thrown as they come (the caller classifies them).
 */
export async function runReadOnlyCypher(conn: Connection, query: string, caps: ReadCaps): Promise<Record<string, unknown>[]> {
  const rollback = () =>
    conn
      .query('ROLLBACK')
      .then(closeAll)
      .catch(() => undefined); // a failed statement may already have ended the transaction
  // If an earlier rollback failed, the connection may still be inside that transaction: end it and retry once.
  await conn
    .query('BEGIN TRANSACTION READ ONLY')
    .catch(async () => (await rollback(), conn.query('BEGIN TRANSACTION READ ONLY')))
    .then(closeAll);
  try {
    const ps = await conn.prepare(query);
    if (!ps.isSuccess()) {
      const msg = ps.getErrorMessage();
      throw explainEngineMessage(msg) ?? new Error(msg);
    }
    await checkPlan(conn, query);
    return await collect(await conn.execute(ps, {}), caps);
  } finally {
    await rollback();
  }
}
