/**
 * Positions for nodes the stored layout does not cover (passages, documents, type nodes, or
 * entities newer than the layout): beside the nodes they are related to, never by moving
 * anything already on the canvas. Pure, deterministic (angles come from the node id), cheap.
 */
export type Point = Readonly<{ x: number; y: number }>;
export type Link = Readonly<{ source: string; target: string }>;

/** Distance from the neighbours' centre at which a placed node goes (layout units: ~ one node spacing). */
export const PLACE_SPACING = 40;

/** The disc the canvas's nodes occupy (centre and radius). */
export type Extent = Readonly<{ x: number; y: number; r: number }>;

/**
 * Places every id in `unplaced`, in rounds: a node with placed neighbours goes near their mean
 * (so a passage lands among the entities it mentions, a document among its passages); what has
 * no placed neighbour at all goes on a ring just outside `extent`. `known` gives the positions
 * that stay put. Returns the new positions only.
 */
export function placeNear(unplaced: readonly string[], links: readonly Link[], known: (id: string) => Point | undefined, extent: Extent): Map<string, Point> {
  const out = new Map<string, Point>();
  const at = (id: string) => out.get(id) ?? known(id);
  const neighbours = new Map<string, string[]>();
  for (const l of links) {
    (neighbours.get(l.source) ?? neighbours.set(l.source, []).get(l.source)!).push(l.target);
    (neighbours.get(l.target) ?? neighbours.set(l.target, []).get(l.target)!).push(l.source);
  }
  let pending = [...new Set(unplaced)].filter((id) => !known(id));
  while (pending.length > 0) {
    const round: [string, Point][] = [];
    for (const id of pending) {
      const ps = (neighbours.get(id) ?? []).map(at).filter((p): p is Point => p !== undefined);
      if (ps.length === 0) continue;
      const mx = ps.reduce((s, p) => s + p.x, 0) / ps.length;
      const my = ps.reduce((s, p) => s + p.y, 0) / ps.length;
      const a = angleOf(id);
      // Spread by how many share the spot: a passage mentioning one entity sits one spacing off it.
      round.push([id, { x: mx + PLACE_SPACING * Math.cos(a), y: my + PLACE_SPACING * Math.sin(a) }]);
    }
    if (round.length === 0) break;
    for (const [id, p] of round) out.set(id, p);
    pending = pending.filter((id) => !out.has(id));
  }
  placeOnRing(pending, out, extent);
  return out;
}

/** Nodes related to nothing placed: evenly round a ring just outside the extent. */
function placeOnRing(ids: readonly string[], out: Map<string, Point>, extent: Extent): void {
  const r = Math.max(extent.r + PLACE_SPACING * 2, (ids.length * PLACE_SPACING) / (2 * Math.PI));
  ids.forEach((id, k) => {
    const a = (k / ids.length) * 2 * Math.PI;
    out.set(id, { x: extent.x + r * Math.cos(a), y: extent.y + r * Math.sin(a) });
  });
}

/** A stable angle per id (FNV-1a), so the same node always lands on the same side. */
export function angleOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return ((h >>> 0) / 4294967296) * 2 * Math.PI;
}
