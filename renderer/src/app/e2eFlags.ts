/**
 * Flags end-to-end tests wait on instead of sleeping (`window.__kenning`). Harmless in normal
 * use: a few booleans and helpers, no data.
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
  /** Ids of the drawn nodes, optionally of one type. */
  nodeIds?: (type?: string) => string[];
};

const flags: KenningFlags = { ready: false, phase: 'booting', profile: null, graphRendered: false, graphNodeCount: 0 };
(globalThis as { __kenning?: KenningFlags }).__kenning = flags;

/** Updates some flags in place (tests hold a reference to the same object). */
export function setFlags(patch: Partial<KenningFlags>): void {
  Object.assign(flags, patch);
}
