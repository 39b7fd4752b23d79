import type { NodeType } from '../../../../shared/domain/graph';
import { errorText } from '../../store/errors';
import type { SliceContext, SliceCreator } from '../../store/types';
import type { GraphData, GraphNode, GraphOverview, NodeDetails } from '../../store/views';
import type { ColourBy } from './cyStyle';
import { ALL_TYPES, CLUSTER_EDGES, CLUSTER_NODES, MAX_ELEMENTS, MAX_NODES, OVERVIEW_EDGES, OVERVIEW_NODES, planGraphRequest } from './lod';
import type { Community } from './lod';
import { mergeGraph } from './toElements';

export interface GraphSlice {
  /** The dataset whose graph is loaded (or loading). */
  graphDatasetId: string | null;
  graph: GraphData | null;
  graphCounts: Readonly<Record<string, number>> | null;
  graphLoading: boolean;
  graphError: string | null;
  /** Types unchecked in the filter. */
  hiddenTypes: readonly NodeType[];
  /** Types graph.read was asked for (undefined = all); unchecking never re-requests, checking may. */
  loadedTypes: readonly NodeType[] | undefined;
  /**
   * The stored layout's overview, when the dataset has one: its communities (drawn as clusters),
   * and the overview's own nodes and edges, to go back to. Null: no layout, the graph is read whole.
   */
  overview: Readonly<{ communities: readonly Community[]; base: GraphData; totalEntities: number; totalCommunities: number }> | null;
  /** Communities whose members are on the canvas. */
  openCommunities: readonly number[];
  colourBy: ColourBy;
  selectedNodeId: string | null;
  nodeDetails: NodeDetails | null;
  nodeDetailsError: string | null;
  /** A node the canvas should centre on; the tick makes repeated focus requests distinct. */
  focus: { nodeId: string; tick: number } | null;
  findResults: readonly GraphNode[];
  resetGraph(): void;
  loadGraph(datasetId: string): Promise<void>;
  toggleType(type: NodeType): Promise<void>;
  selectNode(nodeId: string | null): Promise<void>;
  /** Adds a node's neighbourhood (depth 1) to the canvas. */
  expandNode(nodeId: string): Promise<void>;
  /** Adds a community's members to the canvas, at their places. */
  openCommunity(community: number): Promise<void>;
  /** Back to the overview: opened communities and expansions leave the canvas. */
  closeCommunities(): void;
  setColourBy(colourBy: ColourBy): void;
  findNodes(query: string): Promise<void>;
  /** Makes sure a node is on the canvas, then selects and centres it. */
  focusNode(datasetId: string, nodeId: string): Promise<void>;
}

export const graphInitial = {
  graphDatasetId: null as string | null,
  graph: null as GraphData | null,
  graphCounts: null as Readonly<Record<string, number>> | null,
  graphLoading: false,
  graphError: null as string | null,
  hiddenTypes: [] as readonly NodeType[],
  loadedTypes: undefined as readonly NodeType[] | undefined,
  overview: null as GraphSlice['overview'],
  openCommunities: [] as readonly number[],
  selectedNodeId: null as string | null,
  nodeDetails: null as NodeDetails | null,
  nodeDetailsError: null as string | null,
  focus: null as { nodeId: string; tick: number } | null,
  findResults: [] as readonly GraphNode[],
};

/** With a stored layout the canvas starts on entities: passages, documents and type nodes are scaffolding. */
const SCAFFOLDING: readonly NodeType[] = ALL_TYPES.filter((t) => t !== 'Entity');

let focusTick = 0;

export const createGraphSlice: SliceCreator<GraphSlice> = (client) => (set, get) => {
  const ctx: SliceContext = { client, set, get };
  return {
    ...graphInitial,
    // The colour choice outlives a dataset switch: it is how this person likes to read graphs.
    colourBy: 'community',
    resetGraph: () => set({ ...graphInitial }),
    ...loadActions(ctx),
    ...overviewActions(ctx),
    ...nodeActions(ctx),
    focusNode: (datasetId, nodeId) => focusNode(ctx, datasetId, nodeId),
  };
};

/** Drops answers for a dataset that is no longer the one on screen. */
const isCurrent = (get: SliceContext['get'], datasetId: string) => get().graphDatasetId === datasetId;

/** The overview as the canvas's graph: its entities and relations, with the dataset's totals. */
function graphOfOverview(o: GraphOverview, counts: Readonly<Record<string, number>>): GraphData {
  const totalNodes = Object.values(counts).reduce((a, b) => a + b, 0);
  return { nodes: o.nodes, edges: o.edges, truncated: o.truncated, totalNodes, totalEdges: o.totalRelations };
}

/** Loading the graph of a dataset, and re-loading it when a filter needs types not yet read. */
function loadActions(ctx: SliceContext): Pick<GraphSlice, 'loadGraph' | 'toggleType'> {
  const { client, set, get } = ctx;
  /** Counts, then the overview when the dataset has a layout, else the graph read whole. */
  const read = async (datasetId: string, filter: 'auto' | { types: readonly NodeType[] | undefined; hidden: readonly NodeType[] }): Promise<void> => {
    set({ graphDatasetId: datasetId, graphLoading: true, graphError: null });
    try {
      // Both at once: the first call after a dataset opens waits for its worker to start anyway.
      const [counts, overview] = await Promise.all([client.call('graph.counts', { datasetId }), overviewOrNull(ctx, datasetId)]);
      if (!isCurrent(get, datasetId)) return;
      // The first overview of this canvas (a load, or a reload after the first cognify gave it a layout) starts on entities.
      if (overview) return await showOverview(ctx, datasetId, overview, counts, filter === 'auto' || get().overview === null);
      const plan = planGraphRequest(counts);
      const { types, hidden } = filter === 'auto' ? plan : filter;
      const graph = await client.call('graph.read', { datasetId, nodeLimit: plan.nodeLimit, edgeLimit: plan.edgeLimit, ...(types ? { types: [...types] } : {}) });
      if (!isCurrent(get, datasetId)) return;
      set({ graph, graphCounts: counts, graphLoading: false, loadedTypes: types, hiddenTypes: hidden, overview: null, openCommunities: [] });
    } catch (e) {
      if (isCurrent(get, datasetId)) set({ graphLoading: false, graphError: errorText(e) });
    }
  };

  return {
    loadGraph: async (datasetId) => {
      // The first load lets the level-of-detail plan decide; reloads keep the person's filter.
      const { graphDatasetId, graph, loadedTypes, hiddenTypes } = get();
      const reload = graphDatasetId === datasetId && graph !== null;
      await read(datasetId, reload ? { types: loadedTypes, hidden: hiddenTypes } : 'auto');
    },
    toggleType: async (type) => {
      const { hiddenTypes, loadedTypes, graphDatasetId, overview } = get();
      if (!hiddenTypes.includes(type)) return set({ hiddenTypes: [...hiddenTypes, type] });
      const nextHidden = hiddenTypes.filter((t) => t !== type);
      // The checkbox ticks at once; loading what it needs follows.
      set({ hiddenTypes: nextHidden });
      if (!loadedTypes || loadedTypes.includes(type) || !graphDatasetId) return;
      if (overview) return addType(ctx, graphDatasetId, type);
      const nextTypes = ALL_TYPES.filter((t) => loadedTypes.includes(t) || t === type);
      await read(graphDatasetId, { types: nextTypes.length === ALL_TYPES.length ? undefined : nextTypes, hidden: nextHidden });
    },
  };
}

/** The overview, or null when the dataset has no layout or the worker could not give one. */
async function overviewOrNull({ client }: SliceContext, datasetId: string): Promise<GraphOverview | null> {
  try {
    const o = await client.call('graph.overview', { datasetId, nodeLimit: OVERVIEW_NODES, edgeLimit: OVERVIEW_EDGES });
    return o.layout === 'ready' ? o : null;
  } catch {
    return null; // the whole-graph read below still shows the graph, laid out in the page
  }
}

/** Shows the overview; a reload (a cognify finished) brings the opened communities back too. */
async function showOverview(ctx: SliceContext, datasetId: string, o: GraphOverview, counts: Readonly<Record<string, number>>, first: boolean): Promise<void> {
  const { set, get } = ctx;
  const base = graphOfOverview(o, counts);
  const reopen = first ? [] : get().openCommunities.filter((c) => o.communities.some((k) => k.id === c));
  set({
    graph: base,
    graphCounts: counts,
    graphLoading: false,
    overview: { communities: o.communities, base, totalEntities: o.totalEntities, totalCommunities: o.totalCommunities },
    openCommunities: [],
    loadedTypes: ['Entity'],
    ...(first ? { hiddenTypes: SCAFFOLDING } : {}),
  });
  for (const c of reopen) if (isCurrent(get, datasetId)) await get().openCommunity(c);
}

/** In overview mode, a type the filter turns on is read (bounded) and added to the canvas. */
async function addType({ client, set, get }: SliceContext, datasetId: string, type: NodeType): Promise<void> {
  const g = get().graph;
  if (!g) return;
  const room = MAX_ELEMENTS - g.nodes.length - g.edges.length;
  if (room < 50) return get().notify('The view already holds as much as it can draw; go back to the overview first.', 'error');
  try {
    const nodeLimit = Math.min(MAX_NODES, Math.floor(room / 2));
    const more = await client.call('graph.read', { datasetId, types: [type], nodeLimit, edgeLimit: Math.max(1, room - nodeLimit) });
    const now = get().graph;
    if (!isCurrent(get, datasetId) || !now) return;
    set({ graph: mergeGraph(now, more), loadedTypes: [...(get().loadedTypes ?? []), type] });
  } catch (e) {
    get().notify(errorText(e), 'error');
  }
}

/** Opening communities (cluster drill-down) and going back to the overview; the colour toggle. */
function overviewActions({ client, set, get }: SliceContext): Pick<GraphSlice, 'openCommunity' | 'closeCommunities' | 'setColourBy'> {
  return {
    openCommunity: async (community) => {
      const { graphDatasetId: datasetId, graph, openCommunities } = get();
      if (!datasetId || !graph || openCommunities.includes(community)) return;
      const room = MAX_ELEMENTS - graph.nodes.length - graph.edges.length;
      if (room < 100) return get().notify('The view already holds as much as it can draw; go back to the overview to open another cluster.', 'error');
      set({ openCommunities: [...openCommunities, community] });
      try {
        const nodeLimit = Math.min(CLUSTER_NODES, Math.floor(room / 3));
        const o = await client.call('graph.overview', { datasetId, community, nodeLimit, edgeLimit: Math.min(CLUSTER_EDGES, room - nodeLimit) });
        const now = get().graph;
        if (!isCurrent(get, datasetId) || !now) return;
        set({ graph: mergeGraph(now, o) });
      } catch (e) {
        set({ openCommunities: get().openCommunities.filter((c) => c !== community) });
        get().notify(errorText(e), 'error');
      }
    },
    closeCommunities: () => {
      const o = get().overview;
      if (o) set({ graph: o.base, openCommunities: [], loadedTypes: ['Entity'], hiddenTypes: SCAFFOLDING, selectedNodeId: null, nodeDetails: null });
    },
    setColourBy: (colourBy) => set({ colourBy }),
  };
}

/** Selecting a node (and fetching its details), expanding its neighbourhood, finding nodes by name. */
function nodeActions({ client, set, get }: SliceContext): Pick<GraphSlice, 'selectNode' | 'expandNode' | 'findNodes'> {
  return {
    selectNode: async (nodeId) => {
      const datasetId = get().graphDatasetId;
      set({ selectedNodeId: nodeId, nodeDetails: null, nodeDetailsError: null });
      if (!nodeId || !datasetId) return;
      try {
        const nodeDetails = await client.call('graph.node', { datasetId, nodeId });
        if (get().selectedNodeId === nodeId) set({ nodeDetails });
      } catch (e) {
        if (get().selectedNodeId === nodeId) set({ nodeDetailsError: errorText(e) });
      }
    },
    expandNode: async (nodeId) => {
      const { graphDatasetId: datasetId, graph } = get();
      if (!datasetId || !graph) return;
      const room = MAX_ELEMENTS - graph.nodes.length - graph.edges.length;
      if (room < 50) return get().notify('The view already holds as much as it can draw; hide some types first.', 'error');
      try {
        const more = await client.call('graph.neighbourhood', { datasetId, nodeId, depth: 1, nodeLimit: Math.min(500, Math.floor(room / 3)) });
        if (!isCurrent(get, datasetId)) return;
        const g = get().graph;
        if (!g) return;
        // The neighbours' types become visible: asking for a node's neighbours means wanting to see them.
        const shown = new Set(more.nodes.map((n) => n.type));
        set({ graph: mergeGraph(g, more), hiddenTypes: get().hiddenTypes.filter((t) => !shown.has(t)) });
      } catch (e) {
        get().notify(errorText(e), 'error');
      }
    },
    findNodes: async (query) => {
      const datasetId = get().graphDatasetId;
      if (!datasetId || !query.trim()) return set({ findResults: [] });
      try {
        const findResults = await client.call('graph.find', { datasetId, query: query.trim(), limit: 20 });
        if (isCurrent(get, datasetId)) set({ findResults });
      } catch (e) {
        get().notify(errorText(e), 'error');
      }
    },
  };
}

/** Makes sure a node is on the canvas (loading or expanding as needed), then selects and centres it. */
async function focusNode({ set, get }: SliceContext, datasetId: string, nodeId: string): Promise<void> {
  get().setView('graph');
  if (get().selectedDatasetId !== datasetId) get().selectDataset(datasetId);
  if (get().graphLoading || !get().graph) await get().loadGraph(datasetId);
  const g = get().graph;
  if (g && !g.nodes.some((n) => n.id === nodeId)) await get().expandNode(nodeId);
  // A node of a hidden type is made visible, or focusing it would show nothing.
  const node = get().graph?.nodes.find((n) => n.id === nodeId);
  if (node && get().hiddenTypes.includes(node.type)) set({ hiddenTypes: get().hiddenTypes.filter((t) => t !== node.type) });
  set({ focus: { nodeId, tick: ++focusTick }, findResults: [] });
  await get().selectNode(nodeId);
}
