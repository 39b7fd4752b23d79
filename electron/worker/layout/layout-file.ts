/**
 * The layout's sidecar file, beside the Kùzu graph: `<dataset>.layout.v1.json`. Deleting a
 * dataset removes it with the graph (core's removeDatasetFiles takes every `<dataset>.*`).
 *
 * Written atomically (a temporary file in the same folder, flushed, then renamed over the old
 * one), so a crash leaves the old layout or the new one, never half of either. Read defensively:
 * a file that is unreadable, of another format version, or inconsistent is treated as missing,
 * and the layout is computed again; it is derived data, so nothing is lost.
 *
 * JSON, column by column (one array per property), because it is compact (~60 bytes an entity),
 * parses in tens of milliseconds at 50,000 entities, and can be read by a person debugging it.
 */
import fs from 'node:fs/promises';

import type { Community } from '../../../shared/domain/graph';
import { LAYOUT_FORMAT, LAYOUT_FORMAT_VERSION } from './layout-data';
import type { LayoutData } from './layout-data';

export function layoutFileBeside(graphPath: string): string {
  return `${graphPath.replace(/\.kuzu$/, '')}.layout.v${LAYOUT_FORMAT_VERSION}.json`;
}

type LayoutFile = {
  format: string;
  formatVersion: number;
  version: string;
  computedAt: string;
  computeMs: number;
  mode: LayoutData['mode'];
  fullLayoutSize: number;
  nodes: { id: string[]; name: string[]; kind: (string | null)[]; x: number[]; y: number[]; community: number[]; importance: number[] };
  relations: string[];
  edges: { source: number[]; target: number[]; relation: number[]; weight: number[] };
  communities: Community[];
};

export async function writeLayoutFile(file: string, d: LayoutData): Promise<void> {
  const body: LayoutFile = {
    format: LAYOUT_FORMAT,
    formatVersion: LAYOUT_FORMAT_VERSION,
    version: d.version,
    computedAt: d.computedAt,
    computeMs: d.computeMs,
    mode: d.mode,
    fullLayoutSize: d.fullLayoutSize,
    nodes: {
      id: [...d.ids],
      name: [...d.names],
      kind: [...d.kinds],
      x: Array.from(d.x),
      y: Array.from(d.y),
      community: Array.from(d.community),
      importance: Array.from(d.importance, (v) => Math.round(v * 1e5) / 1e5),
    },
    relations: [...d.relations],
    edges: { source: Array.from(d.edges.source), target: Array.from(d.edges.target), relation: Array.from(d.edges.relation), weight: Array.from(d.edges.weight) },
    communities: [...d.communities],
  };
  const tmp = `${file}.tmp-${process.pid}`;
  const fh = await fs.open(tmp, 'w');
  try {
    await fh.writeFile(JSON.stringify(body));
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** The stored layout, or null when there is none or it cannot be trusted. */
export async function readLayoutFile(file: string): Promise<LayoutData | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    return fromFile(JSON.parse(text) as LayoutFile);
  } catch {
    return null;
  }
}

/** Checks every column's length and every index's range; throws on anything off. */
function fromFile(f: LayoutFile): LayoutData {
  if (f.format !== LAYOUT_FORMAT || f.formatVersion !== LAYOUT_FORMAT_VERSION || typeof f.version !== 'string') throw new Error('not a layout of this format');
  const n = f.nodes.id.length;
  const { nodes, edges } = f;
  const m = edges.source.length;
  const sameLength = (cols: readonly unknown[][], len: number) => cols.every((c) => Array.isArray(c) && c.length === len);
  if (!sameLength([nodes.id, nodes.name, nodes.kind, nodes.x, nodes.y, nodes.community, nodes.importance], n)) throw new Error('node columns differ in length');
  if (!sameLength([edges.source, edges.target, edges.relation, edges.weight], m)) throw new Error('edge columns differ in length');
  if (!nodes.id.every((s) => typeof s === 'string') || !nodes.name.every((s) => typeof s === 'string')) throw new Error('bad node ids or names');
  const inRange = (a: number[], hi: number) => a.every((v) => Number.isInteger(v) && v >= 0 && v < hi);
  if (!inRange(edges.source, n) || !inRange(edges.target, n) || !inRange(edges.relation, f.relations.length)) throw new Error('edge index out of range');
  const x = Float32Array.from(nodes.x);
  const y = Float32Array.from(nodes.y);
  if (!x.every(Number.isFinite) || !y.every(Number.isFinite)) throw new Error('bad positions');
  const goodCommunity = (c: Community) =>
    Number.isInteger(c.id) && Number.isInteger(c.size) && [c.x, c.y, c.radius].every(Number.isFinite) && typeof c.label === 'string' && Array.isArray(c.topMemberIds);
  if (!Array.isArray(f.communities) || !f.communities.every(goodCommunity)) throw new Error('bad communities');
  return {
    version: f.version,
    computedAt: String(f.computedAt),
    computeMs: Number(f.computeMs) || 0,
    mode: f.mode === 'incremental' ? 'incremental' : 'full',
    fullLayoutSize: Number.isInteger(f.fullLayoutSize) ? f.fullLayoutSize : n,
    ids: nodes.id,
    names: nodes.name,
    kinds: nodes.kind.map((k) => (typeof k === 'string' ? k : null)),
    x,
    y,
    community: Int32Array.from(nodes.community),
    importance: Float32Array.from(nodes.importance),
    relations: f.relations.map(String),
    edges: { source: Int32Array.from(edges.source), target: Int32Array.from(edges.target), relation: Int32Array.from(edges.relation), weight: Float32Array.from(edges.weight) },
    communities: f.communities,
  };
}
