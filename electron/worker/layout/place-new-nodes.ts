/**
 * An incremental layout: every entity already laid out keeps its place, and each new one goes
 * beside the laid-out entities it is related to, at the free spot nearest their centre. No force
 * layout runs, so a cognify that adds a few documents to a large dataset costs milliseconds here,
 * and nothing the reader has already seen moves.
 */
import { neighbourLists } from './simple-graph';
import type { SimpleGraph } from './simple-graph';

export type Positions = { x: Float32Array; y: Float32Array };

/** Spots tried round each target, at one and then two spacings. */
const TRIES = 12;

/**
 * `pos` holds the kept nodes' positions and `known[i]` says which are kept. New nodes are placed
 * in rounds, so a chain of new nodes reaches out from the old ones; a new node related to nothing
 * placed goes to a ring round the picture. `spacing` is the distance kept from other nodes.
 */
export function placeNewNodes(g: SimpleGraph, pos: Positions, known: Uint8Array, o: Readonly<{ spacing: number; random: () => number }>): void {
  const adjacency = neighbourLists(g);
  const placed = Uint8Array.from(known);
  const grid = new SpotGrid(o.spacing);
  for (let i = 0; i < g.n; i++) if (placed[i]) grid.add(pos.x[i]!, pos.y[i]!);
  let pending = [...Array(g.n).keys()].filter((i) => !placed[i]);
  while (pending.length > 0) {
    const round: [number, number, number][] = [];
    for (const i of pending) {
      let sx = 0;
      let sy = 0;
      let count = 0;
      for (const j of adjacency[i]!) {
        if (!placed[j]) continue;
        sx += pos.x[j]!;
        sy += pos.y[j]!;
        count++;
      }
      if (count > 0) round.push([i, sx / count, sy / count]);
    }
    if (round.length === 0) break;
    for (const [i, mx, my] of round) {
      const [x, y] = grid.freeSpotNear(mx, my, o.random() * 2 * Math.PI);
      pos.x[i] = x;
      pos.y[i] = y;
      grid.add(x, y);
      placed[i] = 1;
    }
    pending = pending.filter((i) => !placed[i]);
  }
  placeOnRim(pending, pos, placed, { unit: o.spacing, random: o.random });
}

/** Placed points bucketed by cell, to find the spot near a target farthest from any of them. */
class SpotGrid {
  readonly #cells = new Map<string, [number, number][]>();
  constructor(private readonly cell: number) {}

  add(x: number, y: number): void {
    const key = this.#key(x, y);
    const list = this.#cells.get(key);
    if (list) list.push([x, y]);
    else this.#cells.set(key, [[x, y]]);
  }

  /** The first spot round (x, y) at least one spacing from everything, else the roomiest tried. */
  freeSpotNear(x: number, y: number, turn: number): [number, number] {
    let best: [number, number] = [x + this.cell, y];
    let bestRoom = -1;
    for (const ring of [1, 2]) {
      for (let t = 0; t < TRIES; t++) {
        const a = turn + (t / TRIES) * 2 * Math.PI;
        const cx = x + ring * this.cell * Math.cos(a);
        const cy = y + ring * this.cell * Math.sin(a);
        const room = this.#room(cx, cy);
        if (room >= this.cell) return [cx, cy];
        if (room > bestRoom) [best, bestRoom] = [[cx, cy], room];
      }
    }
    return best;
  }

  /** Distance from (x, y) to the nearest point in the 3 × 3 cells round it (capped at two cells). */
  #room(x: number, y: number): number {
    const gx = Math.floor(x / this.cell);
    const gy = Math.floor(y / this.cell);
    let room = 2 * this.cell;
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) for (const [px, py] of this.#cells.get(`${gx + dx},${gy + dy}`) ?? []) room = Math.min(room, Math.hypot(px - x, py - y));
    return room;
  }

  #key(x: number, y: number): string {
    return `${Math.floor(x / this.cell)},${Math.floor(y / this.cell)}`;
  }
}

/** Nodes with no placed neighbour: spread on a ring just outside everything placed. */
function placeOnRim(nodes: readonly number[], pos: Positions, placed: Uint8Array, o: Readonly<{ unit: number; random: () => number }>): void {
  if (nodes.length === 0) return;
  let cx = 0;
  let cy = 0;
  let count = 0;
  for (let i = 0; i < placed.length; i++) {
    if (!placed[i]) continue;
    cx += pos.x[i]!;
    cy += pos.y[i]!;
    count++;
  }
  if (count > 0) {
    cx /= count;
    cy /= count;
  }
  let reach = 0;
  for (let i = 0; i < placed.length; i++) if (placed[i]) reach = Math.max(reach, Math.hypot(pos.x[i]! - cx, pos.y[i]! - cy));
  const r = reach + o.unit * 3;
  const turn = o.random() * 2 * Math.PI;
  nodes.forEach((i, n) => {
    const a = turn + (n / nodes.length) * 2 * Math.PI;
    pos.x[i] = cx + r * Math.cos(a);
    pos.y[i] = cy + r * Math.sin(a);
  });
}
