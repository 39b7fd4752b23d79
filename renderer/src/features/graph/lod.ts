/**
 * Level-of-detail decisions for the graph view. Software rendering in Chromium manages about
 * 10,000 elements on canvas (cytoscape 3.34, headless: the median pan frame stays near 17 ms up
 * to that size), and animated force layouts take seconds even at 1,000 nodes, so every decision
 * here errs small and fast.
 */
import type { NodeType } from '../../../../shared/domain/graph';
import type { GraphData } from '../../store/views';

/** Above this many nodes in the dataset, passages and summaries start hidden. */
export const LARGE_GRAPH_NODES = 1500;
/** Most nodes requested in one graph.read. */
export const MAX_NODES = 3000;
/** Nodes + edges the canvas may hold, expansions included. */
export const MAX_ELEMENTS = 10_000;
/** With more nodes than this, only the best-connected nodes get a label. */
export const ALL_LABELS_UP_TO = 250;
export const LABEL_CAP = 150;

export const ALL_TYPES: readonly NodeType[] = ['Document', 'DocumentChunk', 'Entity', 'EntityType', 'TextSummary'];
const DETAIL_TYPES: readonly NodeType[] = ['DocumentChunk', 'TextSummary'];

export type GraphPlan = Readonly<{
  nodeLimit: number;
  edgeLimit: number;
  /** Types to request, or undefined for all. */
  types: readonly NodeType[] | undefined;
  /** Types shown unchecked in the filter (not requested at first). */
  hidden: readonly NodeType[];
}>;

/** What to ask graph.read for, given the dataset's node counts per type (graph.counts). */
export function planGraphRequest(counts: Readonly<Record<string, number>>): GraphPlan {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const large = total > LARGE_GRAPH_NODES;
  const nodeLimit = Math.max(1, Math.min(MAX_NODES, total || MAX_NODES));
  const edgeLimit = Math.max(0, Math.min(4 * nodeLimit, MAX_ELEMENTS - nodeLimit));
  return large
    ? { nodeLimit, edgeLimit, types: ALL_TYPES.filter((t) => !DETAIL_TYPES.includes(t)), hidden: DETAIL_TYPES }
    : { nodeLimit, edgeLimit, types: undefined, hidden: [] };
}

export type LayoutChoice = Readonly<{ name: 'cose' | 'concentric' | 'grid'; animate: false }>;

/** A layout that finishes in well under a second for n nodes, never animated. */
export function chooseLayout(n: number): LayoutChoice {
  if (n < 300) return { name: 'cose', animate: false };
  if (n < 3000) return { name: 'concentric', animate: false };
  return { name: 'grid', animate: false };
}

/** Ids of the nodes that get a text label: all of them for small graphs, else the best-connected few. */
export function labelledNodeIds(graph: Pick<GraphData, 'nodes' | 'edges'>, alwaysIds: readonly string[] = []): Set<string> {
  if (graph.nodes.length <= ALL_LABELS_UP_TO) return new Set(graph.nodes.map((n) => n.id));
  const degree = new Map<string, number>();
  for (const e of graph.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const ranked = graph.nodes
    .map((n) => ({ id: n.id, score: (degree.get(n.id) ?? 0) + (n.type === 'Document' ? 1000 : 0) }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return new Set([...ranked.slice(0, LABEL_CAP).map((r) => r.id), ...alwaysIds]);
}

/** The "showing N of M" line, or null when everything is shown. */
export function truncationNote(graph: Pick<GraphData, 'truncated' | 'totalNodes' | 'nodes'>): string | null {
  if (!graph.truncated && graph.nodes.length >= graph.totalNodes) return null;
  return `Showing ${graph.nodes.length.toLocaleString('en')} of ${graph.totalNodes.toLocaleString('en')} nodes`;
}
