/**
 * Turns one item's stage outputs into what the stores write: graph nodes and edges
 * (Document, DocumentChunk, Entity, EntityType, TextSummary and their edges) and the rows of
 * each vector table (vectors are attached by the embed stage). Pure and deterministic.
 */
import type { GraphEdge, GraphNode } from '../../../shared/domain/graph';
import type { Chunk, EntityAlias, Extraction, ParsedDocument } from '../ingest/types';
import type { ItemGraph, VectorRow, VectorTable } from '../stores';
import { chunkId, chunkSummaryId, documentId, documentSummaryId, edgeId, entityId, entityTypeId } from './ids';

export type PendingRow = Omit<VectorRow, 'vector'>;

export type ItemBuild = Readonly<{
  graph: ItemGraph;
  rows: Readonly<Record<VectorTable, readonly PendingRow[]>>;
}>;

export type ItemInput = Readonly<{
  dataId: string;
  dataName: string;
  doc: ParsedDocument;
  chunks: readonly Chunk[];
  extraction: Extraction;
  chunkSummaries: readonly string[];
  documentSummary: string;
}>;

/** Structural relations, distinct from relations extracted between entities. */
export const STRUCTURAL_RELATIONS = new Set(['is_part_of', 'contains', 'is_a', 'made_from']);

export function buildItem(i: ItemInput): ItemBuild {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const addEdge = (source: string, relation: string, target: string, weight?: number): void => {
    const id = edgeId(source, relation, target);
    const prev = edges.get(id);
    if (prev) {
      if (weight !== undefined) edges.set(id, { ...prev, weight: (prev.weight ?? 0) + weight });
      return;
    }
    // Every edge carries a weight (structural ones 1): the graph engine binds a batch by its values' types.
    edges.set(id, { id, source, target, relation, weight: weight ?? 1 });
  };
  const rows: Record<VectorTable, PendingRow[]> = { DocumentChunk_text: [], Entity_name: [], TextSummary_text: [], EntityType_name: [] };

  const docId = documentId(i.dataId);
  nodes.set(docId, { id: docId, type: 'Document', name: i.dataName, kind: i.doc.format, description: i.documentSummary });

  const chunkIds = i.chunks.map((c) => chunkId(i.dataId, c.index, c.start, c.end));
  i.chunks.forEach((c, n) => {
    const id = chunkIds[n]!;
    nodes.set(id, { id, type: 'DocumentChunk', name: `${i.dataName} §${c.index + 1}`, description: preview(c.text) });
    addEdge(id, 'is_part_of', docId);
    rows.DocumentChunk_text.push({ id, nodeId: id, dataId: i.dataId, chunkId: id, text: c.text, start: c.start, end: c.end });
    const summary = i.chunkSummaries[n];
    if (summary) {
      const sid = chunkSummaryId(i.dataId, c.index);
      nodes.set(sid, { id: sid, type: 'TextSummary', name: `Summary of ${i.dataName} §${c.index + 1}`, description: summary });
      addEdge(sid, 'made_from', id);
      rows.TextSummary_text.push({ id: sid, nodeId: sid, dataId: i.dataId, chunkId: id, text: summary, start: c.start, end: c.end });
    }
  });
  if (i.documentSummary) {
    const sid = documentSummaryId(i.dataId);
    nodes.set(sid, { id: sid, type: 'TextSummary', name: `Summary of ${i.dataName}`, description: i.documentSummary });
    addEdge(sid, 'made_from', docId);
    rows.TextSummary_text.push({ id: sid, nodeId: sid, dataId: i.dataId, chunkId: '', text: i.documentSummary, start: -1, end: -1 });
  }

  const kinds = new Set<string>();
  for (const e of i.extraction.entities) {
    const id = entityId(e.key);
    nodes.set(id, { id, type: 'Entity', name: e.name, kind: e.kind, description: withAliases(e.description, e.aliases ?? []) });
    kinds.add(e.kind);
    addEdge(id, 'is_a', entityTypeId(e.kind));
    const first = e.mentions[0];
    const cited = first ? i.chunks[first.chunkIndex] : undefined;
    rows.Entity_name.push({
      id: `${id}@${i.dataId}`,
      nodeId: id,
      dataId: i.dataId,
      chunkId: cited ? chunkIds[first!.chunkIndex]! : '',
      text: e.name,
      start: first ? first.start : -1,
      end: first ? first.end : -1,
    });
    for (const m of new Set(e.mentions.map((x) => x.chunkIndex))) {
      const cid = chunkIds[m];
      if (cid) addEdge(cid, 'contains', id);
    }
  }
  for (const kind of kinds) {
    const id = entityTypeId(kind);
    nodes.set(id, { id, type: 'EntityType', name: kind, description: `Entities of kind ${kind}` });
    rows.EntityType_name.push({ id: `${id}@${i.dataId}`, nodeId: id, dataId: i.dataId, chunkId: '', text: kind, start: -1, end: -1 });
  }
  for (const r of i.extraction.relations) {
    const s = entityId(r.sourceKey);
    const t = entityId(r.targetKey);
    if (s === t || !nodes.has(s) || !nodes.has(t)) continue;
    addEdge(s, r.relation, t, r.weight);
  }
  return { graph: { dataId: i.dataId, nodes: [...nodes.values()], edges: [...edges.values()] }, rows };
}

/** Why a name was merged into an entity, as the node's details say it. */
const ALIAS_REASONS: Readonly<Record<EntityAlias['reason'], string>> = {
  surname: 'surname',
  initialism: 'initialism defined in the text',
  'defined-together': 'defined together',
  'place-name': 'short place name',
  plural: 'plural',
  spelling: 'spelling variant',
};

/** The entity's description, followed by the other names merged into it and why (so a wrong merge can be seen). */
function withAliases(description: string, aliases: readonly EntityAlias[]): string {
  if (aliases.length === 0) return description;
  const names = aliases.map((a) => `“${a.name}” (${ALIAS_REASONS[a.reason]})`).join(', ');
  return `${description}${description ? ' ' : ''}Also written ${names}.`;
}

function preview(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 240 ? `${t.slice(0, 237)}…` : t;
}
