/**
 * Types for the one internal module of graphology-layout-forceatlas2 the layout uses: its single
 * iteration over flat matrices (the package's own synchronous and web-worker layouts call it the
 * same way). Using it directly lets the dataset worker run iterations in slices and stay
 * responsive, which the package's synchronous entry point cannot.
 */
declare module 'graphology-layout-forceatlas2/iterate.js' {
  export type ForceAtlas2IterationSettings = Readonly<{
    linLogMode: boolean;
    outboundAttractionDistribution: boolean;
    adjustSizes: boolean;
    edgeWeightInfluence: number;
    scalingRatio: number;
    strongGravityMode: boolean;
    gravity: number;
    slowDown: number;
    barnesHutOptimize: boolean;
    barnesHutTheta: number;
  }>;
  /** One iteration: reads and updates `nodes` (10 floats a node) given `edges` (3 floats an edge). */
  export default function iterate(settings: ForceAtlas2IterationSettings, nodes: Float32Array, edges: Float32Array): unknown;
}
