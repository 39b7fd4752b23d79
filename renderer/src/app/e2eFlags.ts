/**
 * Flags end-to-end tests wait on instead of sleeping (`window.__kenning`). Test builds only:
 * the product has no reason to publish its state or node positions to every script on the page,
 * so a production build (vite.config.ts defines __KENNING_TEST_HOOKS__ as false) drops the global
 * and turns setFlags into a no-op; the e2e build (test/e2e/build-renderer.ts) defines it as true.
 */
export type KenningFlags = {
  /** The first screen (picker or workspace) is on screen. */
  ready: boolean;
  phase: string;
  /** Email of the signed-in profile, or null. */
  profile: string | null;
  /** The graph canvas finished its layout for the current data. */
  graphRendered: boolean;
  graphNodeCount: number;
  /** Page coordinates of a node's centre on the canvas, or null when it is not drawn. */
  nodePosition?: (nodeId: string) => { x: number; y: number } | null;
  /** Ids of the drawn nodes, optionally of one type (clusters are type `cluster`, left out otherwise). */
  nodeIds?: (type?: string) => string[];
  /** A node's position in layout (model) units, or null when it is not drawn. */
  modelPosition?: (nodeId: string) => { x: number; y: number } | null;
  /** Ids of the nodes whose label is drawn now. */
  labelledIds?: () => string[];
  /** Labels drawn now and how many pairs of them overlap (cytoscape's own label boxes). */
  labelOverlaps?: () => { labels: number; overlaps: number; pairs: string[] };
  /** The canvas's zoom level. */
  zoom?: () => number;
  /** Ids of the nodes the hover highlights now (the hovered node and its neighbours). */
  highlightedIds?: () => string[];
};

/** Replaced at build time; `typeof` keeps an undefining bundler (e.g. a bare esbuild) from throwing. */
declare const __KENNING_TEST_HOOKS__: boolean | undefined;
const TEST_HOOKS = typeof __KENNING_TEST_HOOKS__ !== 'undefined' && __KENNING_TEST_HOOKS__ === true;

const flags: KenningFlags = { ready: false, phase: 'booting', profile: null, graphRendered: false, graphNodeCount: 0 };
if (TEST_HOOKS) (globalThis as { __kenning?: KenningFlags }).__kenning = flags;

/** Updates some flags in place (tests hold a reference to the same object); a no-op outside test builds. */
export function setFlags(patch: Partial<KenningFlags>): void {
  if (TEST_HOOKS) Object.assign(flags, patch);
}
