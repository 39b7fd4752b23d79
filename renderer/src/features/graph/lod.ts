/**
 * Level-of-detail decisions for the graph view. Software rendering in Chromium manages about
 * 10,000 elements on canvas (cytoscape 3.34, headless: the median pan frame stays near 17 ms up
 * to that size), and animated force layouts take seconds even at 1,000 nodes, so every decision
 * here errs small and fast.
 */
import type { NodeType } from '../../../../shared/domain/graph';
import type { GraphData, GraphOverview } from '../../store/views';

export type Community = GraphOverview['communities'][number];

/** Above this many nodes in the dataset, passages and summaries start hidden. */
export const LARGE_GRAPH_NODES = 1500;
/** Most nodes requested in one graph.read. */
export const MAX_NODES = 3000;
/** Nodes + edges the canvas may hold, expansions included. */
export const MAX_ELEMENTS = 10_000;
/** Entities the overview brings (the dataset's most important, plus each community's first). */
export const OVERVIEW_NODES = 400;
export const OVERVIEW_EDGES = 1200;
/** Members an opened cluster brings, most important first. */
export const CLUSTER_NODES = 1500;
export const CLUSTER_EDGES = 4000;
/** A closed cluster opens by itself once zooming makes it this share of the canvas's shorter side. */
export const OPEN_AT_SHARE = 0.45;
/** Labels smaller than this on screen are not drawn (cytoscape's min-zoomed-font-size too). */
export const MIN_LABEL_PX = 8;
/** Cluster labels on screen: as large as cluster and zoom make them, within these bounds. */
export const CLUSTER_LABEL_PX = { min: 12, max: 22 } as const;
/** Most labels drawn at once: beyond it the canvas is unreadable anyway, and relabelling slows. */
export const MAX_LABELS = 220;

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

/**
 * Without a stored layout (a dataset with no entities, or a worker that could not lay it out), a
 * layout that finishes in well under a second for n nodes, never animated.
 */
export function chooseLayout(n: number): LayoutChoice {
  if (n < 300) return { name: 'cose', animate: false };
  if (n < 3000) return { name: 'concentric', animate: false };
  return { name: 'grid', animate: false };
}

/**
 * What the canvas leaves out, or null when it shows everything. Nodes cut short can be reached
 * by expanding; when every node is there but relations were cut, saying "N of N nodes — expand
 * to see more" (as it once did) sent people looking for nodes that were all on screen.
 */
export function truncationNote(graph: Pick<GraphData, 'truncated' | 'totalNodes' | 'totalEdges' | 'nodes' | 'edges'>): string | null {
  const n = (x: number) => x.toLocaleString('en');
  if (graph.nodes.length < graph.totalNodes) return `Showing ${n(graph.nodes.length)} of ${n(graph.totalNodes)} nodes — expand nodes to see more`;
  if (graph.truncated && graph.edges.length < graph.totalEdges) return `All ${n(graph.nodes.length)} nodes; showing ${n(graph.edges.length)} of ${n(graph.totalEdges)} relations`;
  return null;
}
