import type { NodeType } from '../../../../shared/domain/graph';
import { errorText } from '../../store/errors';
import type { SliceContext, SliceCreator } from '../../store/types';
import type { GraphData, GraphNode, NodeDetails } from '../../store/views';
import { ALL_TYPES, MAX_ELEMENTS, planGraphRequest } from './lod';
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
  selectedNodeId: null as string | null,
  nodeDetails: null as NodeDetails | null,
  nodeDetailsError: null as string | null,
  focus: null as { nodeId: string; tick: number } | null,
  findResults: [] as readonly GraphNode[],
};

let focusTick = 0;

export const createGraphSlice: SliceCreator<GraphSlice> = (client) => (set, get) => {
  const ctx: SliceContext = { client, set, get };
  return {
    ...graphInitial,
    resetGraph: () => set({ ...graphInitial }),
    ...loadActions(ctx),
    ...nodeActions(ctx),
    focusNode: (datasetId, nodeId) => focusNode(ctx, datasetId, nodeId),
  };
};

/** Drops answers for a dataset that is no longer the one on screen. */
const isCurrent = (get: SliceContext['get'], datasetId: string) => get().graphDatasetId === datasetId;

/** Loading the graph of a dataset, and re-loading it when a filter needs types not yet read. */
function loadActions({ client, set, get }: SliceContext): Pick<GraphSlice, 'loadGraph' | 'toggleType'> {
  /** Loads counts and graph; `filter` 'auto' lets the level-of-detail plan choose the types. */
  const read = async (datasetId: string, filter: 'auto' | { types: readonly NodeType[] | undefined; hidden: readonly NodeType[] }): Promise<void> => {
    set({ graphDatasetId: datasetId, graphLoading: true, graphError: null });
    try {
      const counts = await client.call('graph.counts', { datasetId });
      const plan = planGraphRequest(counts);
      const { types, hidden } = filter === 'auto' ? plan : filter;
      const graph = await client.call('graph.read', {
        datasetId,
        nodeLimit: plan.nodeLimit,
        edgeLimit: plan.edgeLimit,
        ...(types ? { types: [...types] } : {}),
      });
      if (!isCurrent(get, datasetId)) return;
      set({ graph, graphCounts: counts, graphLoading: false, loadedTypes: types, hiddenTypes: hidden });
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
      const { hiddenTypes, loadedTypes, graphDatasetId } = get();
      if (!hiddenTypes.includes(type)) return set({ hiddenTypes: [...hiddenTypes, type] });
      const nextHidden = hiddenTypes.filter((t) => t !== type);
      if (!loadedTypes || loadedTypes.includes(type) || !graphDatasetId) return set({ hiddenTypes: nextHidden });
      const nextTypes = ALL_TYPES.filter((t) => loadedTypes.includes(t) || t === type);
      await read(graphDatasetId, { types: nextTypes.length === ALL_TYPES.length ? undefined : nextTypes, hidden: nextHidden });
    },
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
        if (g) set({ graph: mergeGraph(g, more) });
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
