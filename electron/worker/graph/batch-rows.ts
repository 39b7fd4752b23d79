/**
 * Folds several items' graphs into one row per node and one row per edge, each with the list of
 * items asserting it, so a batch of items is written with a fixed number of statements whatever
 * its size. Pure; no engine import.
 */
import { AppError } from '../../../shared/domain/errors';
import type { ItemGraph } from '../stores';
import { normaliseItem } from './validate';

export type NodeWriteRow = { id: string; type: string; name: string; kind: string; description: string; ds: string[] };
export type EdgeWriteRow = { id: string; source: string; target: string; relation: string; weight: number | null; ds: string[] };

export type BatchRows = Readonly<{ dataIds: string[]; nodes: NodeWriteRow[]; edges: EdgeWriteRow[] }>;

/**
 * Validates every item and merges them in order. Properties of a node or edge asserted by
 * several items are those of the last one (as when the items are written one after another);
 * `ds` lists the items in batch order.
 */
export function batchRows(items: readonly ItemGraph[]): BatchRows {
  const dataIds: string[] = [];
  const nodes = new Map<string, NodeWriteRow>();
  const edges = new Map<string, EdgeWriteRow>();
  for (const item of items) {
    const { dataId, nodes: ns, edges: es } = normaliseItem(item);
    if (dataIds.includes(dataId)) throw new AppError('invalid_input', `Item ${dataId} appears twice in one batch`);
    dataIds.push(dataId);
    for (const n of ns) {
      const ds = nodes.get(n.id)?.ds ?? [];
      nodes.set(n.id, { id: n.id, type: n.type, name: n.name, kind: n.kind ?? '', description: n.description ?? '', ds: [...ds, dataId] });
    }
    for (const e of es) {
      const ds = edges.get(e.id)?.ds ?? [];
      edges.set(e.id, { id: e.id, source: e.source, target: e.target, relation: e.relation, weight: e.weight ?? null, ds: [...ds, dataId] });
    }
  }
  return { dataIds, nodes: [...nodes.values()], edges: [...edges.values()] };
}
