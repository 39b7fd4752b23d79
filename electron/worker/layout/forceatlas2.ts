/**
 * ForceAtlas2 (graphology-layout-forceatlas2) run in time slices: the iterations run in bursts of
 * at most SLICE_MS, and the event loop gets a turn between bursts, so the dataset worker keeps
 * answering reads, pings and cancels while a large graph is laid out. Barnes-Hut makes each
 * iteration O(n log n) instead of O(n²).
 */
// The typings of the one deep import below; referenced, because the tests' tsconfig does not include electron/**/*.d.ts.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./forceatlas2-iterate.d.ts" />
import { setImmediate as nextTurn } from 'node:timers/promises';

import iterate from 'graphology-layout-forceatlas2/iterate.js';
import type { ForceAtlas2IterationSettings } from 'graphology-layout-forceatlas2/iterate.js';

import { AppError } from '../../../shared/domain/errors';

const SLICE_MS = 40;
/** The package's matrix layouts: floats per node and per edge, and the offsets it reads. */
const PPN = 10;
const PPE = 3;
const MASS = 6;
const CONVERGENCE = 7;
const SIZE = 8;
const FIXED = 9;

export type Fa2Graph = Readonly<{
  /** Read as the start, written with the result. */
  x: Float32Array;
  y: Float32Array;
  /** Nodes marked 1 do not move (an incremental run keeps the old ones in place). */
  fixed?: Uint8Array;
  /** Node sizes, used with `adjustSizes` to keep nodes from overlapping. */
  size?: Float32Array;
  /** Repulsion masses; by default 1 + weighted degree, as the package sets them. */
  mass?: Float32Array;
  source: Int32Array;
  target: Int32Array;
  weight: Float32Array;
}>;

export type Fa2Run = Readonly<{ iterations: number; ms: number; stoppedEarly: boolean }>;

/**
 * Settings for a graph of `order` nodes: the package's own recommendation (inferSettings), with
 * Barnes-Hut from 700 nodes and θ = 1 (measured: θ 1.2 costs 12 µs a node an iteration at 3,000
 * nodes against 17 µs at 0.6 and 48 µs exact; exact is cheaper below ~700).
 */
export function fa2Settings(order: number, overrides: Partial<ForceAtlas2IterationSettings> = {}): ForceAtlas2IterationSettings {
  return {
    linLogMode: false,
    outboundAttractionDistribution: false,
    adjustSizes: false,
    edgeWeightInfluence: 1,
    scalingRatio: 10,
    strongGravityMode: true,
    gravity: 0.05,
    slowDown: 1 + Math.log(Math.max(1, order)),
    barnesHutOptimize: order > 700,
    barnesHutTheta: 1,
    ...overrides,
  };
}

/**
 * Runs up to `iterations` iterations, or until `deadline` (a Date.now() value) passes: then the
 * positions so far are kept, which for a force layout is a less settled picture, not a wrong one.
 * Throws `cancelled` when `signal` aborts.
 */
export async function runForceAtlas2(
  g: Fa2Graph,
  o: Readonly<{ iterations: number; settings: ForceAtlas2IterationSettings; deadline?: number; signal?: AbortSignal }>,
): Promise<Fa2Run> {
  const n = g.x.length;
  const started = Date.now();
  if (n === 0) return { iterations: 0, ms: 0, stoppedEarly: false };
  const { nodes, edges } = toMatrices(g);
  let done = 0;
  let stoppedEarly = false;
  while (done < o.iterations) {
    const sliceEnd = Date.now() + SLICE_MS;
    do {
      iterate(o.settings, nodes, edges);
      done++;
    } while (done < o.iterations && Date.now() < sliceEnd);
    if (o.deadline !== undefined && Date.now() > o.deadline && done < o.iterations) {
      stoppedEarly = true;
      break;
    }
    await nextTurn();
    if (o.signal?.aborted) throw new AppError('cancelled', 'The layout was cancelled');
  }
  for (let i = 0; i < n; i++) {
    g.x[i] = nodes[i * PPN]!;
    g.y[i] = nodes[i * PPN + 1]!;
  }
  return { iterations: done, ms: Date.now() - started, stoppedEarly };
}

/** The package's matrices: mass is 1 + weighted degree, as its own graphToByteArrays sets it. */
function toMatrices(g: Fa2Graph): { nodes: Float32Array; edges: Float32Array } {
  const n = g.x.length;
  const m = g.source.length;
  const nodes = new Float32Array(n * PPN);
  for (let i = 0; i < n; i++) {
    const j = i * PPN;
    nodes[j] = g.x[i]!;
    nodes[j + 1] = g.y[i]!;
    nodes[j + MASS] = g.mass ? g.mass[i]! : 1;
    nodes[j + CONVERGENCE] = 1;
    nodes[j + SIZE] = g.size?.[i] ?? 1;
    nodes[j + FIXED] = g.fixed?.[i] ?? 0;
  }
  const edges = new Float32Array(m * PPE);
  for (let e = 0; e < m; e++) {
    const s = g.source[e]!;
    const t = g.target[e]!;
    const w = g.weight[e]!;
    if (!g.mass) {
      nodes[s * PPN + MASS]! += w;
      nodes[t * PPN + MASS]! += w;
    }
    edges[e * PPE] = s * PPN;
    edges[e * PPE + 1] = t * PPN;
    edges[e * PPE + 2] = w;
  }
  return { nodes, edges };
}
