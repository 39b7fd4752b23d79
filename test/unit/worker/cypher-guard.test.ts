import { describe, expect, it } from 'vitest';

import { AppError } from '../../../shared/domain/errors';
import { assertReadOnlyCypher } from '../../../electron/worker/graph/cypher-guard';
import { fuseRrf, tieKey } from '../../../electron/worker/vectors/rrf';
import { attacks, HIDING_FORMS } from '../../helpers/cypher-attacks';
import type { AttackEnv } from '../../helpers/cypher-attacks';

/** The refusal message, or '' when the guard lets the query through. */
const refusal = (q: string): string => {
  try {
    assertReadOnlyCypher(q);
  } catch (e) {
    if (e instanceof AppError && e.code === 'invalid_input') return e.message;
    throw e;
  }
  return '';
};
const refused = (q: string) => refusal(q) !== '';

// Paths only: the guard never touches them (the integration and hostile tests build real ones).
const ENV: AttackEnv = {
  passwd: '/etc/passwd',
  copyTarget: '/tmp/kenning-x.csv',
  exportDir: '/tmp/kenning-export',
  otherDb: '/home/u/databases/other/ds.kuzu',
  otherSecret: 's',
  extension: '/home/u/data_storage/me/abc.txt',
  extensionMarker: '/tmp/m',
  nativeProof: false,
  settingDir: '/tmp',
};

describe('assertReadOnlyCypher', () => {
  it.each([
    "CREATE (n:Node {id: 'x'})",
    "MATCH (n) SET n.name = 'x'",
    'MATCH (n) DETACH DELETE n',
    "MERGE (n:Node {id: 'x'})",
    'DROP TABLE Node',
    'ALTER TABLE Node ADD x INT64',
    "COPY Node FROM 'x.csv'",
    'INSTALL json',
    'LOAD EXTENSION json',
    "LOAD FROM 'x.csv' RETURN *",
    'CALL checkpoint()',
    'CALL threads=4',
    'MATCH (n) RETURN n; MATCH (m) DELETE m',
    'match (n) remove n.name',
    'BEGIN TRANSACTION',
    '',
    '   \n ',
    '// only a comment',
    'RETURN 1;;',
    "EXPLAIN MATCH (n) RETURN n",
    'PROFILE MATCH (n) RETURN n',
    "USE other",
    'DETACH other',
    "IMPORT DATABASE '/tmp/x'",
    'CHECKPOINT',
    'UNWIND [1] AS x CALL { MATCH (n) RETURN n } RETURN x',
    "CALL current_setting('home_directory') RETURN *",
    "CALL read_csv('/etc/passwd') RETURN *",
    "CALL `file_info`('/etc/passwd') RETURN *",
    'CALL show_tables()',
    "MATCH (n) RETURN nextval('s')",
    "RETURN `copy_json`(1)",
    "RETURN read_csv('/etc/passwd')",
    'MATCH (n:Node) WHERE EXISTS { MATCH (n)-[]->() } SET n.x = 1 RETURN n',
    'OPTIONAL (n) RETURN n',
    "RETURN 'a\\q'",
    "RETURN '/*' AS a // */ \r; LOAD FROM 'x' RETURN *",
  ])('refuses %s', (q) => expect(refused(q)).toBe(true));

  it.each([
    'MATCH (n:Node) RETURN n.id LIMIT 5',
    "MATCH (n:Node) WHERE n.name = 'CREATE SET DELETE' RETURN n",
    'MATCH (n:Node) RETURN n.name AS `set` // delete',
    'CALL show_tables() RETURN *',
    "CALL table_info('Node') RETURN *",
    "CALL SHOW_CONNECTION('Rel') RETURN *",
    'CALL db_version() RETURN *',
    'MATCH (a)-[e:Rel]->(b) RETURN count(*);',
    'MATCH (a)-[e:Rel]->(b) RETURN count(*); // trailing comment',
    'OPTIONAL MATCH (n:Node)-[e:Rel]->(m) RETURN n.id, m.id',
    "MATCH (n:Node) RETURN n.id UNION MATCH (m:Node) WHERE m.type = 'Entity' RETURN m.id",
    'UNWIND [1, 2, 3] AS x WITH x WHERE x > 1 RETURN x ORDER BY x DESC SKIP 1 LIMIT 1',
    "MATCH (n:Node) WHERE n.name CONTAINS 'COPY' OR n.name = ';' RETURN n.name, 'LOAD FROM x; ATTACH' AS s",
    'MATCH (n:Node) WHERE EXISTS { MATCH (n)-[:Rel]->() } RETURN n.id',
    'MATCH (n:Node) RETURN COUNT { MATCH (n)-[:Rel]->() } AS c',
    'MATCH p = (a:Node)-[:Rel* SHORTEST 1..3]->(b:Node) RETURN length(p), nodes(p)',
    "MATCH (n:Node) RETURN list_contains(n.data_ids, 'a') AS d, CAST(1 AS DECIMAL(10, 2)) AS c",
    'MATCH (n:Node) RETURN n.`set`, n.`load`',
    "RETURN 1 /* **/ ; LOAD FROM '/etc/passwd' RETURN *; /* */", // one comment in Kùzu: nothing after it runs
    'RETURN CASE WHEN (1 > 0) THEN (2) ELSE (3) END AS x, NOT (false) AS y, 1 IN ([1, 2, 3]) AS z',
    'MATCH (n:Node) RETURN ALL(x IN n.data_ids WHERE x <> \'\') AS a, `lower`(n.name) AS l',
  ])('allows %s', (q) => expect(refusal(q)).toBe(''));

  it('names what it refuses', () => {
    expect(refusal("LOAD FROM '/etc/passwd' RETURN *")).toBe('Only read queries are allowed: LOAD is not permitted');
    expect(refusal("MATCH (n) COPY (MATCH (n) RETURN n) TO '/tmp/x'")).toBe('Only read queries are allowed: COPY is not permitted');
    expect(refusal("CALL file_info('/etc/passwd') RETURN *")).toMatch(/^Only read queries are allowed: CALL file_info is not permitted/);
    expect(refusal("RETURN nextval('s')")).toBe('Only read queries are allowed: function nextval is not permitted');
    // Values of any size from a tiny query (range(1, 1e8) ran a worker out of memory).
    for (const f of ['range(1, 100000000)', "repeat('y', 1000000000)", "lpad('', 1000000000, 'y')", "rpad('', 1000000000, 'y')"]) {
      expect(refusal(`RETURN ${f} AS v`)).toBe(`Only read queries are allowed: function ${f.slice(0, f.indexOf('('))} is not permitted`);
    }
    expect(refusal('RETURN 1; RETURN 2')).toMatch(/^Only one statement is allowed/);
    expect(refusal('SHOW TABLES')).toMatch(/must start with MATCH, OPTIONAL MATCH, UNWIND, WITH, RETURN or CALL/);
    expect(refusal("RETURN 'open")).toMatch(/unterminated string/);
    expect(refusal('MATCH (n)')).toMatch(/must end with RETURN/);
    expect(refusal(`RETURN '${'x'.repeat(10_000)}'`)).toMatch(/too long/);
  });

  it('refuses every red-team payload in every hiding form', () => {
    const all = attacks(ENV);
    expect(all.length).toBeGreaterThanOrEqual(HIDING_FORMS.length * 10);
    expect(all.filter((a) => !refused(a.cypher)).map((a) => a.name)).toEqual([]);
  });
});

describe('fuseRrf', () => {
  const hit = (id: string) => ({ row: { id, nodeId: id, dataId: 'd', chunkId: '', text: id, start: 0, end: 0 }, score: 0 });
  it('ranks rows found by both lists first and breaks ties by content (tieKey), not by the random row id', () => {
    const fused = fuseRrf([[hit('a'), hit('b'), hit('c')], [hit('c'), hit('d')]], 10);
    expect(fused[0]!.row.id).toBe('c');
    expect(fused[1]!.row.id).toBe('a');
    // b and d tie (both second): they go by tieKey, which starts with a digest of the text.
    const tied = fused.slice(2).map((h) => h.row.id);
    expect(tied).toEqual(['b', 'd'].sort((x, y) => (tieKey(x, 0, 0, x) < tieKey(y, 0, 0, y) ? -1 : 1)));
    // The same rows under other ids keep their order: the key is the content.
    const renamed = fuseRrf([[hit('a'), hit('b'), hit('c')], [hit('c'), hit('d')]].map((l) => l.map((h) => ({ ...h, row: { ...h.row, id: `x-${h.row.id}` } }))), 10);
    expect(renamed.map((h) => h.row.text)).toEqual(fused.map((h) => h.row.text));
  });
});
