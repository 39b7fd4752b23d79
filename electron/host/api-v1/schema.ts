/**
 * GET /api/v1/schema/inventory, as cognee/api/v1/visualize/routers/get_schema_router.py answers
 * it: the dataset's graph summarized by semantic type — how many instances, a few sample names,
 * and which relations lead from that type to which other type, how often. An entity's semantic
 * type is its kind (Person, Organization, …); other nodes go by their node type (Document,
 * Chunk, …). Refusals use the router's own bodies: 403 `Not authorized to read this dataset`,
 * and 409 `Failed to build schema inventory` for anything else (a bad `sort` included).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import type { GraphNode } from '../../../shared/domain/graph';
import type { HostContext } from '../context';
import { callCore, parse, v1, V1Failure } from './common';

/** The slice the inventory is counted over; a larger graph is summarized from its first nodes in the stable order. */
const NODE_LIMIT = 20_000;
const EDGE_LIMIT = 60_000;

const Query = z.object({
  dataset_id: z.uuid(),
  samples_per_type: z.coerce.number().int().min(0).default(5),
  sort: z.string().default('count'),
});

export function registerSchemaRoutes(app: FastifyInstance, ctx: HostContext): void {
  const { core } = ctx;
  app.get('/api/v1/schema/inventory', v1(async (req) => {
    const q = parse(Query, req.query ?? {}, 'query');
    let slice;
    try {
      if (q.sort !== 'count' && q.sort !== 'none') throw new V1Failure({ status: 409, body: { error: 'Failed to build schema inventory' } });
      slice = await callCore(core, req, 'graph.read', { datasetId: q.dataset_id, nodeLimit: NODE_LIMIT, edgeLimit: EDGE_LIMIT }, 'query');
    } catch (e) {
      if (!(e instanceof V1Failure)) throw e;
      if (e.failure.status === 401 || e.failure.status === 409) throw e;
      if (e.failure.status === 403 || e.failure.status === 404) throw new V1Failure({ status: 403, body: { error: 'Not authorized to read this dataset' } });
      throw new V1Failure({ status: 409, body: { error: 'Failed to build schema inventory' } });
    }
    return inventory(slice.nodes, slice.edges, q.samples_per_type, q.sort === 'count');
  }));
}

const semanticType = (n: GraphNode): string => (n.type === 'Entity' && n.kind ? n.kind : n.type);

function inventory(nodes: readonly GraphNode[], edges: readonly Readonly<{ source: string; target: string; relation: string }>[], samples: number, byCount: boolean) {
  const typeOf = new Map(nodes.map((n) => [n.id, semanticType(n)]));
  type Relation = { to_type: string | null; relation: string; count: number };
  const rows = new Map<string, { type: string; count: number; samples: string[]; relations: Map<string, Relation> }>();
  for (const n of nodes) {
    const t = semanticType(n);
    const row = rows.get(t) ?? { type: t, count: 0, samples: [] as string[], relations: new Map<string, Relation>() };
    row.count++;
    if (row.samples.length < samples) row.samples.push(n.name);
    rows.set(t, row);
  }
  for (const e of edges) {
    const from = rows.get(typeOf.get(e.source) ?? '');
    if (!from) continue;
    const to = typeOf.get(e.target) ?? null;
    const key = `${e.relation}\u0000${to ?? ''}`;
    const agg = from.relations.get(key) ?? { to_type: to, relation: e.relation, count: 0 };
    agg.count++;
    from.relations.set(key, agg);
  }
  const list = [...rows.values()].map((r) => ({
    type: r.type,
    count: r.count,
    samples: r.samples,
    sample_size: r.samples.length,
    relationships: [...r.relations.values()].sort((a, b) => b.count - a.count),
  }));
  return byCount ? list.sort((a, b) => b.count - a.count) : list;
}
