/**
 * Read-only user Cypher on a real Kùzu, in temp folders (issue 12 §1).
 * - Control: the red team's payloads really do escape when a query reaches `conn.query`
 *   (so the assertions below can fail).
 * - The engine layer ALONE (runReadOnlyCypher, token guard bypassed) refuses every payload in
 *   every hiding form and nothing happens: no file written, no database attached, no native
 *   code run, no setting changed, no row returned.
 * - Both layers through KuzuGraphStore.cypherRead: refusals are `invalid_input` naming what
 *   was refused; ordinary reads work; rows and bytes are capped; a missing table names the schema.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import kuzu from 'kuzu';
import type { Connection, Database, QueryResult } from 'kuzu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppError } from '../../../shared/domain/errors';
import { MAX_RESULT_BYTES, runReadOnlyCypher } from '../../../electron/worker/graph/cypher-engine-check';
import { KuzuGraphStore } from '../../../electron/worker/graph/kuzu-graph-store';
import { attacks, HIDING_FORMS, makeAttackEnv, sideEffects } from '../../helpers/cypher-attacks';
import type { AttackEnv } from '../../helpers/cypher-attacks';

let tmp: string;
let env: AttackEnv;
let db: Database;
let conn: Connection;
let store: KuzuGraphStore;

const rowsOf = async (res: QueryResult | QueryResult[]) => {
  const all = Array.isArray(res) ? res : [res];
  try {
    return await Promise.all(all.map((r) => r.getAll()));
  } finally {
    for (const r of all) r.close();
  }
};
const caps = { maxRows: 1000, maxBytes: MAX_RESULT_BYTES };
const failure = async (p: Promise<unknown>): Promise<Error | undefined> => p.then(() => undefined, (e: unknown) => (e instanceof Error ? e : new Error(String(e))));

/** Anything in a result that came from outside this dataset. */
const leaked = (rows: unknown) => /root:|\/bin\/bash|secret-home|other-profile-secret/.test(JSON.stringify(rows));

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kenning-cypher-'));
  fs.mkdirSync(path.join(tmp, 'attack'));
  env = await makeAttackEnv(path.join(tmp, 'attack'));
  // The engine layer is tested on its own connection to a database with the store's schema.
  db = new kuzu.Database(path.join(tmp, 'raw.kuzu'));
  conn = new kuzu.Connection(db);
  for (const q of [
    'CREATE NODE TABLE Node(id STRING, type STRING, name STRING, kind STRING, description STRING, data_ids STRING[], PRIMARY KEY(id))',
    'CREATE REL TABLE Rel(FROM Node TO Node, id STRING, relation STRING, weight DOUBLE, data_ids STRING[])',
    'CREATE NODE TABLE Item(id STRING, PRIMARY KEY(id))',
    "CREATE (:Node {id: 'a', type: 'Entity', name: 'Marie Curie', data_ids: ['d1']})-[:Rel {id: 'e1', relation: 'born_in', data_ids: ['d1']}]->(:Node {id: 'b', type: 'Entity', name: 'Warsaw', data_ids: ['d1']})",
  ]) {
    await rowsOf(await conn.query(q));
  }
  store = await KuzuGraphStore.open(path.join(tmp, 'store.kuzu'));
  await store.writeItem({
    dataId: 'd1',
    nodes: [
      { id: 'doc', type: 'Document', name: 'letters.txt' },
      { id: 'curie', type: 'Entity', name: 'Marie Curie' },
      { id: 'warsaw', type: 'Entity', name: 'Warsaw' },
    ],
    edges: [{ id: 'e1', source: 'curie', target: 'warsaw', relation: 'born_in' }],
  });
});

afterAll(async () => {
  await store?.close();
  await conn?.close();
  await db?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('control: the payloads escape when a query reaches conn.query unchecked', () => {
  it('file read, file write, attach and native code all happen on a scratch database', async () => {
    const dir = path.join(tmp, 'control');
    fs.mkdirSync(dir);
    const c = await makeAttackEnv(dir);
    const scratchDb = new kuzu.Database(path.join(dir, 'scratch.kuzu'));
    const scratch = new kuzu.Connection(scratchDb);
    const hide = HIDING_FORMS[0]!.wrap;
    const read = await rowsOf(await scratch.query(hide(`LOAD FROM '${c.passwd}' (header=false, delim=':', file_format='csv') RETURN *`)));
    expect(leaked(read)).toBe(true);
    await rowsOf(await scratch.query(hide(`COPY (RETURN 1 AS x) TO '${c.copyTarget}'`)));
    const attached = await rowsOf(await scratch.query(hide(`ATTACH '${c.otherDb}' AS x (dbtype kuzu); MATCH (n:Secret) RETURN n.id`)));
    expect(leaked(attached)).toBe(true);
    await rowsOf(await scratch.query('DETACH x'));
    await failure(scratch.query(hide(`LOAD EXTENSION '${c.extension}'`))); // fails after dlopen ran the constructor
    expect(sideEffects(c)).toEqual(c.nativeProof ? [`COPY TO wrote ${c.copyTarget}`, 'native code from the uploaded extension ran'] : [`COPY TO wrote ${c.copyTarget}`]);
    await scratch.close();
    await scratchDb.close();
  });
});

describe('the engine layer alone (token guard bypassed)', () => {
  it('refuses every payload in every hiding form, and nothing happens', async () => {
    const before = await rowsOf(await conn.query("CALL current_setting('home_directory') RETURN *"));
    const ran: string[] = [];
    const leaks: string[] = [];
    for (const a of attacks(env)) {
      const rows = await runReadOnlyCypher(conn, a.cypher, caps).catch(() => undefined);
      if (rows !== undefined) ran.push(a.name);
      if (rows !== undefined && leaked(rows)) leaks.push(a.name);
    }
    expect(ran).toEqual([]);
    expect(leaks).toEqual([]);
    expect(sideEffects(env)).toEqual([]);
    expect(await rowsOf(await conn.query('CALL show_attached_databases() RETURN *'))).toEqual([[]]);
    expect(await rowsOf(await conn.query("MATCH (n:Node {id: 'pwned'}) RETURN n.id"))).toEqual([[]]);
    expect(await rowsOf(await conn.query("CALL current_setting('home_directory') RETURN *"))).toEqual(before);
  });

  it('the uploaded extension is a real shared object, so "no native code ran" means something (needs a C compiler)', (ctx) => {
    if (!env.nativeProof) ctx.skip('no C compiler (cc, gcc, clang) here: the extension payload is a junk file');
    expect(fs.readFileSync(env.extension).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
  });

  it('refuses a second statement at prepare, before binding it', async () => {
    const e = await failure(runReadOnlyCypher(conn, "RETURN 1 AS a; LOAD EXTENSION '/nonexistent/x.so'", caps));
    expect(e).toBeInstanceOf(AppError);
    expect(e!.message).toBe('Only one statement is allowed');
  });

  it('names the plan operator or table function it refuses', async () => {
    const load = await failure(runReadOnlyCypher(conn, `MATCH (n:Node) LOAD FROM '${env.passwd}' (header=false, delim=':', file_format='csv') RETURN *`, caps));
    expect(load?.message).toBe('Only read queries are allowed: table function READ_CSV_PARALLEL is not permitted');
    const setting = await failure(runReadOnlyCypher(conn, "CALL current_setting('home_directory') RETURN *", caps));
    expect(setting?.message).toBe('Only read queries are allowed: table function CURRENT_SETTING is not permitted');
    const write = await failure(runReadOnlyCypher(conn, "MATCH (n:Node) SET n.name = 'x' RETURN n", caps));
    expect(write?.message).toMatch(/^Only read queries are allowed: .* is not permitted$/);
    const copy = await failure(runReadOnlyCypher(conn, `COPY (MATCH (n:Node) RETURN n.id) TO '${env.copyTarget}'`, caps));
    expect(copy?.message).toBe('Only read queries are allowed: a statement Kùzu does not plan as a read query is not permitted');
    expect(fs.existsSync(env.copyTarget)).toBe(false);
  });

  it('runs ordinary reads, and the connection stays usable after refusals and errors', async () => {
    await failure(runReadOnlyCypher(conn, 'MATCH (n:Nope) RETURN n', caps));
    await failure(runReadOnlyCypher(conn, "CREATE (:Node {id: 'z'})", caps));
    const names = await runReadOnlyCypher(conn, 'MATCH (n:Node) RETURN n.name AS name ORDER BY name', caps);
    expect(names).toEqual([{ name: 'Marie Curie' }, { name: 'Warsaw' }]);
    expect(await runReadOnlyCypher(conn, 'CALL show_tables() RETURN name ORDER BY name', caps)).toEqual([{ name: 'Item' }, { name: 'Node' }, { name: 'Rel' }]);
  });

  it('caps rows silently and bytes with an error', async () => {
    expect(await runReadOnlyCypher(conn, 'UNWIND range(1, 50) AS x RETURN x', { maxRows: 7, maxBytes: MAX_RESULT_BYTES })).toHaveLength(7);
    const big = await failure(runReadOnlyCypher(conn, "UNWIND range(1, 100) AS x RETURN repeat('y', 1000) AS s", { maxRows: 1000, maxBytes: 20_000 }));
    expect(big).toBeInstanceOf(AppError);
    expect(big!.message).toMatch(/exceed .* after 19 rows/);
  });

  it('a query past the timeout is interrupted and the connection still works', async () => {
    const slow = new kuzu.Connection(db);
    slow.setQueryTimeout(300);
    const e = await failure(runReadOnlyCypher(slow, 'UNWIND range(1, 3000) AS x UNWIND range(1, 3000) AS y UNWIND range(1, 3000) AS z RETURN sum(x * y * z)', caps));
    expect(e?.message).toMatch(/interrupt/i);
    expect(await runReadOnlyCypher(slow, 'RETURN 1 AS one', caps)).toEqual([{ one: 1 }]);
    await slow.close();
  });
});

describe('KuzuGraphStore.cypherRead (both layers)', () => {
  const code = async (q: string) => store.cypherRead(q, 100).then(() => 'ok', (e) => (e instanceof AppError ? e.code : String(e)));

  it('refuses every payload in every hiding form with invalid_input, and nothing happens', async () => {
    const codes = new Set<string>();
    for (const a of attacks(env)) codes.add(await code(a.cypher));
    expect([...codes]).toEqual(['invalid_input']);
    expect(sideEffects(env)).toEqual([]);
    expect(await store.findByName('pwned', 5)).toEqual([]);
  });

  it('answers ordinary reads', async () => {
    const rows = (q: string) => store.cypherRead(q, 100);
    expect(await rows("MATCH (n:Node) WHERE n.type = 'Entity' RETURN n.name AS name ORDER BY name LIMIT 5")).toEqual([{ name: 'Marie Curie' }, { name: 'Warsaw' }]);
    expect(await rows("MATCH (n:Node {id: 'doc'}) OPTIONAL MATCH (n)-[e:Rel]->(m:Node) RETURN n.id AS n, m.id AS m")).toEqual([{ n: 'doc', m: null }]);
    expect(await rows("OPTIONAL MATCH (n:Node {id: 'nope'}) RETURN n.id AS n")).toEqual([{ n: null }]);
    expect(await rows("MATCH (n:Node {id: 'curie'}) RETURN n.id AS id UNION MATCH (m:Node {id: 'warsaw'}) RETURN m.id AS id ORDER BY id")).toHaveLength(2);
    expect(await rows('UNWIND [3, 1, 2] AS x WITH x WHERE x > 1 RETURN x ORDER BY x')).toEqual([{ x: 2 }, { x: 3 }]);
    expect((await rows('CALL show_tables() RETURN *')).map((r) => r.name).sort()).toEqual(['Item', 'Node', 'Rel']);
    expect(await rows("MATCH (a:Node)-[e:Rel]->(b:Node) WHERE e.relation = 'born_in' RETURN a.name AS a, 'COPY; LOAD FROM x' AS s, b.name AS b")).toEqual([
      { a: 'Marie Curie', s: 'COPY; LOAD FROM x', b: 'Warsaw' },
    ]);
    expect(await rows('MATCH (n:Node) WHERE EXISTS { MATCH (n)-[:Rel]->() } RETURN n.id AS id')).toEqual([{ id: 'curie' }]);
    expect(await rows('MATCH (n:Node) RETURN count(*) AS c;')).toEqual([{ c: 3 }]);
  });

  it('names the missing table and the real schema', async () => {
    const e = await store.cypherRead('MATCH (e:Entity) RETURN e', 10).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('invalid_input');
    expect((e as AppError).message).toMatch(/^Table Entity does not exist\. — this graph's tables are Node\(id, type, name, kind, description, data_ids\), Rel\(/);
  });

  it('caps rows at the limit and refuses more than 4 MB of output', async () => {
    // range() and repeat() are refused (they build values of any size), so rows come from list literals.
    const list = `[${Array.from({ length: 20 }, (_, i) => i).join(', ')}]`;
    expect(await store.cypherRead(`UNWIND ${list} AS x UNWIND ${list} AS y RETURN x, y`, 10)).toHaveLength(10);
    const wide = `'${'y'.repeat(1000)}'`;
    const e = await store.cypherRead(`UNWIND ${list} AS x UNWIND ${list} AS y UNWIND ${list} AS z RETURN x, y, z, ${wide} AS s`, 10_000).catch((x: unknown) => x);
    expect((e as AppError).code).toBe('invalid_input');
    expect((e as AppError).message).toMatch(/results exceed 4 MB/);
  });

  it('serialises concurrent queries on the user connection', async () => {
    const all = await Promise.all(Array.from({ length: 8 }, (_, i) => store.cypherRead(`RETURN ${i} AS i`, 1)));
    expect(all.map((r) => r[0]!.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
