/**
 * The graph view's layout, through the real core and a real dataset worker (Kùzu, LanceDB,
 * SQLite in a temporary folder) on a real corpus (State of the Union addresses from the npm
 * corpus the benchmarks use): computed after cognify and stored beside the graph, served by
 * graph.overview, added to graph.read / graph.neighbourhood, recomputed when stale.
 */
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Core } from '../../../electron/core/core';
import { silentLog } from '../../../electron/core/log';
import { nodeCoreOptions } from '../../../electron/core/node-core';
import { FAST_HASHES, openTestCore, testCalls } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';
import { DARWIN, file } from '../../helpers/corpus';
import { sources } from '../../bench/lib/corpus';

/** Four addresses: a few hundred entities in several communities, cognified in seconds. */
const SPEECHES = sources()
  .filter((s) => s.title.startsWith('SOTU'))
  .slice(0, 4);

function layoutFile(home: string): string {
  const dir = path.join(home, 'databases');
  for (const owner of fs.readdirSync(dir)) for (const f of fs.readdirSync(path.join(dir, owner))) if (f.endsWith('.layout.v1.json')) return path.join(dir, owner, f);
  return '';
}

async function until<T>(what: string, fn: () => T | undefined | null | false, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const readFile = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8')) as { version: string; mode: string; computedAt: string; nodes: { id: string[] }; communities: unknown[] };

describe('graph layout, computed in the dataset worker', () => {
  let t: TestCore;
  let core: Core;
  let token: string;
  let ds: string;
  let call: TestCore['call'];

  beforeAll(async () => {
    t = await openTestCore();
    core = t.core;
    call = t.call;
    token = (await t.user('layout@example.com')).token;
    ds = (await call(token, 'datasets.create', { name: 'speeches' })).id;
    await call(token, 'data.add', { datasetId: ds, files: SPEECHES.map((s, i) => file(`sotu-${i}.txt`, s.text)) });
    const [run] = await call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
    expect(run).toMatchObject({ status: 'completed', itemsFailed: 0 });
  }, 180_000);

  afterAll(async () => {
    await core?.close();
    fs.rmSync(t.home, { recursive: true, force: true });
  });

  it('lays the entity graph out after cognify, by itself, and stores it beside the graph', async () => {
    const file = await until('the layout file', () => layoutFile(t.home));
    expect(path.basename(file)).toBe(`${ds}.layout.v1.json`);
    const stored = readFile(file);
    const counts = await call(token, 'graph.counts', { datasetId: ds });
    expect(stored.nodes.id).toHaveLength(counts.Entity!); // entities only: passages, documents and types are not laid out
    expect(stored.nodes.id.every((id) => id.startsWith('entity:'))).toBe(true);
    expect(stored.communities.length).toBeGreaterThan(1);
    expect(stored.version).toMatch(new RegExp(`^${counts.Entity}n\\.\\d+e\\.[0-9a-f]{16}$`));
  });

  it('graph.overview gives labelled communities and the most important entities at their stored places', async () => {
    const o = await call(token, 'graph.overview', { datasetId: ds, nodeLimit: 50 });
    const counts = await call(token, 'graph.counts', { datasetId: ds });
    expect(o).toMatchObject({ layout: 'ready', totalEntities: counts.Entity, version: readFile(layoutFile(t.home)).version });
    expect(o.nodes).toHaveLength(50);
    expect(o.truncated).toBe(true);
    const big = o.communities[0]!;
    expect(big.size).toBeGreaterThan(10);
    expect(big.label.length).toBeGreaterThan(0);
    expect(o.nodes.map((n) => n.id)).toContain(big.topMemberIds[0]);
    for (const n of o.nodes) expect(n).toMatchObject({ type: 'Entity', x: expect.any(Number), y: expect.any(Number), community: expect.any(Number), importance: expect.any(Number) });
    const members = await call(token, 'graph.overview', { datasetId: ds, community: big.id, nodeLimit: 5000 });
    expect(members.nodes).toHaveLength(big.size);
    expect(members.nodes.every((n) => n.community === big.id)).toBe(true);
  });

  it('graph.read and graph.neighbourhood carry the same positions and communities', async () => {
    const o = await call(token, 'graph.overview', { datasetId: ds, nodeLimit: 20 });
    const place = new Map(o.nodes.map((n) => [n.id, n]));
    const g = await call(token, 'graph.read', { datasetId: ds, types: ['Entity'], nodeLimit: 5000 });
    const laidOut = g.nodes.filter((n) => place.has(n.id));
    expect(laidOut.length).toBe(20);
    for (const n of laidOut) expect({ x: n.x, y: n.y, community: n.community }).toEqual({ x: place.get(n.id)!.x, y: place.get(n.id)!.y, community: place.get(n.id)!.community });
    const hub = o.nodes[0]!;
    const hood = await call(token, 'graph.neighbourhood', { datasetId: ds, nodeId: hub.id, depth: 1 });
    expect(hood.nodes.find((n) => n.id === hub.id)).toMatchObject({ x: hub.x, y: hub.y });
    // Passages and type nodes are not laid out: they come without a position.
    expect(hood.nodes.filter((n) => n.type !== 'Entity').every((n) => n.x === undefined)).toBe(true);
  });

  it('a cognify that adds a document makes the layout stale: the next one places the new entities and keeps the old ones', async () => {
    const before = await call(token, 'graph.overview', { datasetId: ds, nodeLimit: 5000 });
    await call(token, 'data.add', { datasetId: ds, files: [file('darwin.txt', DARWIN)] });
    await call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
    const after = await call(token, 'graph.overview', { datasetId: ds, nodeLimit: 5000 });
    expect(after.version).not.toBe(before.version);
    expect(after.totalEntities).toBeGreaterThan(before.totalEntities);
    expect(readFile(layoutFile(t.home)).mode).toBe('incremental');
    const old = new Map(before.nodes.map((n) => [n.id, n]));
    const kept = after.nodes.filter((n) => old.has(n.id));
    expect(kept.length).toBe(before.nodes.length);
    for (const n of kept) expect([n.x, n.y, n.community]).toEqual([old.get(n.id)!.x, old.get(n.id)!.y, old.get(n.id)!.community]);
    const darwin = after.nodes.find((n) => n.name === 'Charles Darwin');
    expect(darwin).toMatchObject({ x: expect.any(Number), y: expect.any(Number) });
  }, 120_000);

  it('a stored layout whose version does not match the graph is laid out again when the dataset reopens', async () => {
    const file = layoutFile(t.home);
    const good = readFile(file);
    await core.close();
    fs.writeFileSync(file, JSON.stringify({ ...good, version: 'stale' }));
    core = await Core.open(nodeCoreOptions({ home: t.home, config: { workerIdleMs: 60_000, ...FAST_HASHES }, log: silentLog }));
    call = testCalls((tok, name, input = {}) => core.call({ token: tok }, name, input)).call;
    token = (await call(null, 'auth.signIn', { email: 'layout@example.com', password: 'password-123' })).token;
    const o = await call(token, 'graph.overview', { datasetId: ds, nodeLimit: 10 });
    expect(o.version).toBe(good.version);
    expect(readFile(file).version).toBe(good.version);
    expect(readFile(file).computedAt).not.toBe(good.computedAt);
  }, 120_000);

  it('deleting a document removes its entities from the next overview', async () => {
    const items = await call(token, 'datasets.data', { datasetId: ds });
    const darwin = items.find((i) => i.name === 'darwin.txt')!;
    await call(token, 'data.delete', { datasetId: ds, dataId: darwin.id });
    const o = await call(token, 'graph.overview', { datasetId: ds, nodeLimit: 5000 });
    expect(o.nodes.some((n) => n.name === 'Charles Darwin')).toBe(false);
    expect(o.totalEntities).toBe((await call(token, 'graph.counts', { datasetId: ds })).Entity);
  }, 120_000);
});
