/**
 * The graph's schema for the Cypher panel, read from the dataset's own Kùzu through the one
 * search path (search.run, CYPHER, read permission, the worker's read-only guard): `CALL
 * show_tables()`, then `CALL table_info(…)` per table and `CALL show_connection(…)` per
 * relationship table. Asking the engine keeps the panel right if the schema ever changes.
 */
import type { Client } from '../../transport';

export type SchemaTable = Readonly<{
  name: string;
  kind: 'node' | 'rel';
  /** Relationship tables: the node tables they connect. */
  from?: string;
  to?: string;
  properties: readonly Readonly<{ name: string; type: string; primaryKey: boolean }>[];
}>;

export type CypherSchema = Readonly<{ datasetId: string; tables: readonly SchemaTable[] }>;

/** Queries that fill the editor when clicked: each runs on the schema above as it is. */
export const CYPHER_EXAMPLES: readonly Readonly<{ label: string; query: string }>[] = [
  { label: 'Entities', query: "MATCH (n:Node) WHERE n.type = 'Entity' RETURN n.name AS name, n.kind AS kind LIMIT 25" },
  { label: 'Relations', query: "MATCH (a:Node)-[r:Rel]->(b:Node) WHERE a.type = 'Entity' AND b.type = 'Entity' RETURN a.name AS source, r.relation AS relation, b.name AS target LIMIT 25" },
  { label: 'Counts by type', query: 'MATCH (n:Node) RETURN n.type AS type, count(*) AS nodes ORDER BY nodes DESC' },
  { label: 'Most connected', query: "MATCH (n:Node)-[r:Rel]-(:Node) WHERE n.type = 'Entity' RETURN n.name AS name, count(r) AS links ORDER BY links DESC LIMIT 10" },
];

/** Kùzu's "Table X does not exist" (a label such as Entity used as a table): worth pointing at the schema. */
export const isMissingTableError = (message: string | null | undefined): boolean => !!message && /Table \S+ does not exist/i.test(message);

/** Table names as the engine returns them; anything else is not put into a query. */
const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

export async function loadCypherSchema(client: Client, datasetId: string): Promise<CypherSchema> {
  const rows = async (query: string) =>
    (await client.call('search.run', { query, searchType: 'CYPHER', datasetIds: [datasetId], topK: 100 })).results[0]?.rows ?? [];
  const listed = (await rows('CALL show_tables() RETURN name, type ORDER BY name')).filter((r) => SAFE_NAME.test(str(r['name'])));
  const tables = await Promise.all(
    listed.map(async (t): Promise<SchemaTable> => {
      const name = str(t['name']);
      const kind = str(t['type']).toUpperCase() === 'REL' ? 'rel' : 'node';
      const props = (await rows(`CALL table_info('${name}') RETURN *`)).map((p) => ({ name: str(p['name']), type: str(p['type']), primaryKey: p['primary key'] === true }));
      if (kind === 'node') return { name, kind, properties: props };
      const conn = (await rows(`CALL show_connection('${name}') RETURN *`))[0] ?? {};
      return { name, kind, from: str(conn['source table name']), to: str(conn['destination table name']), properties: props };
    }),
  );
  // Node tables first (Node before Item: the graph before the bookkeeping), then relationships.
  const order = (t: SchemaTable) => (t.kind === 'node' ? (t.name === 'Node' ? 0 : 1) : 2);
  return { datasetId, tables: [...tables].sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name)) };
}
