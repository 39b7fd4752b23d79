import { describe, expect, it } from 'vitest';

import { AppError } from '../../../shared/domain/errors';
import { assertReadOnlyCypher } from '../../../electron/worker/graph/cypher-guard';
import { fuseRrf } from '../../../electron/worker/vectors/rrf';

const refused = (q: string) => {
  try {
    assertReadOnlyCypher(q);
  } catch (e) {
    return e instanceof AppError && e.code === 'invalid_input';
  }
  return false;
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
  ])('refuses %s', (q) => expect(refused(q)).toBe(true));

  it.each([
    'MATCH (n:Node) RETURN n.id LIMIT 5',
    "MATCH (n:Node) WHERE n.name = 'CREATE SET DELETE' RETURN n",
    'MATCH (n:Node) RETURN n.name AS `set` // delete',
    'CALL show_tables() RETURN *',
    'MATCH (a)-[e:Rel]->(b) RETURN count(*);',
  ])('allows %s', (q) => expect(refused(q)).toBe(false));
});

describe('fuseRrf', () => {
  const hit = (id: string) => ({ row: { id, nodeId: id, dataId: 'd', chunkId: '', text: id, start: 0, end: 0 }, score: 0 });
  it('ranks rows found by both lists first and breaks ties by id', () => {
    const fused = fuseRrf([[hit('a'), hit('b'), hit('c')], [hit('c'), hit('d')]], 10).map((h) => h.row.id);
    expect(fused[0]).toBe('c');
    expect(fused.slice(1)).toEqual(['a', 'b', 'd']); // b and d tie (both second): id order
  });
});
