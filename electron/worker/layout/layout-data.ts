/**
 * The stored layout of a dataset's entity graph, column by column: index i of every column
 * describes one entity. Columns (not one object per node) because a 50,000-entity layout is
 * read, searched and written as a handful of arrays, in JSON as in memory.
 */
import type { Community } from '../../../shared/domain/graph';

export const LAYOUT_FORMAT = 'kenning.graph-layout';
export const LAYOUT_FORMAT_VERSION = 1;

export type LayoutEdges = Readonly<{
  source: Int32Array;
  target: Int32Array;
  /** Index into `relations`. */
  relation: Int32Array;
  weight: Float32Array;
}>;

export type LayoutData = Readonly<{
  /** The entity graph version (layout-version.ts) this layout was computed for. */
  version: string;
  computedAt: string;
  computeMs: number;
  /** `incremental`: the previous layout's nodes kept their places and only new ones were placed. */
  mode: 'full' | 'incremental';
  /** Entities at the last full layout: incremental runs stop once the graph outgrows it by a quarter. */
  fullLayoutSize: number;
  ids: readonly string[];
  names: readonly string[];
  kinds: readonly (string | null)[];
  x: Float32Array;
  y: Float32Array;
  community: Int32Array;
  /** 0–1, the most central entity is 1. */
  importance: Float32Array;
  relations: readonly string[];
  edges: LayoutEdges;
  /** Every community, largest first. */
  communities: readonly Community[];
}>;

/**
 * A layout with the lookups reads need: id → index, and each node's edges (compressed rows),
 * so the relations among any set of nodes cost the degrees of that set, not a scan of all edges.
 */
export class LoadedLayout {
  readonly #index = new Map<string, number>();
  /** Edge indices of node i: edgeOf[rowStart[i] .. rowStart[i + 1]). */
  readonly #rowStart: Int32Array;
  readonly #edgeOf: Int32Array;
  readonly #byCommunity = new Map<number, number[]>();

  constructor(readonly data: LayoutData) {
    data.ids.forEach((id, i) => this.#index.set(id, i));
    const n = data.ids.length;
    const { source, target } = data.edges;
    const degree = new Int32Array(n + 1);
    for (let e = 0; e < source.length; e++) {
      degree[source[e]! + 1]!++;
      if (target[e] !== source[e]) degree[target[e]! + 1]!++;
    }
    for (let i = 0; i < n; i++) degree[i + 1]! += degree[i]!;
    this.#rowStart = degree;
    this.#edgeOf = new Int32Array(degree[n]!);
    const fill = degree.slice(0, n);
    for (let e = 0; e < source.length; e++) {
      this.#edgeOf[fill[source[e]!]!++] = e;
      if (target[e] !== source[e]) this.#edgeOf[fill[target[e]!]!++] = e;
    }
    for (let i = 0; i < n; i++) {
      const c = data.community[i]!;
      const list = this.#byCommunity.get(c);
      if (list) list.push(i);
      else this.#byCommunity.set(c, [i]);
    }
  }

  get size(): number {
    return this.data.ids.length;
  }

  indexOf(id: string): number | undefined {
    return this.#index.get(id);
  }

  /** Indices of a community's members (empty for an unknown community). */
  members(community: number): readonly number[] {
    return this.#byCommunity.get(community) ?? [];
  }

  /** Edge indices touching node i. */
  edgesOf(i: number): Int32Array {
    return this.#edgeOf.subarray(this.#rowStart[i]!, this.#rowStart[i + 1]!);
  }

  /** Indices of the edges whose both ends are in `nodes`, in edge order. */
  edgesAmong(nodes: readonly number[]): number[] {
    const inSet = new Set(nodes);
    const out = new Set<number>();
    const { source, target } = this.data.edges;
    for (const i of nodes) for (const e of this.edgesOf(i)) if (inSet.has(source[e]!) && inSet.has(target[e]!)) out.add(e);
    return [...out].sort((a, b) => a - b);
  }
}
