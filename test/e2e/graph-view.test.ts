/**
 * The graph view in headless Chromium against the real host, on a real multi-document corpus
 * (State of the Union addresses from the npm corpus the benchmarks use): the overview of
 * labelled clusters with no overlapping labels, a click that focuses the canvas for the
 * keyboard, wheel zoom at a normal speed, cluster drill-down at the stored positions, hover
 * highlighting, and "Show neighbours" adding nodes without moving any already drawn.
 * The steps build on each other (one story), so they run in order in one file.
 */
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sources } from '../bench/lib/corpus';
import { AppDriver, RESULTS_DIR } from './driver';
import { openE2eHost } from './e2e-host';
import type { E2eHost } from './e2e-host';

const PASSWORD = 'password-123';
const EMAIL = 'graph@example.com';
const STEP = 180_000;
const SPEECHES = sources()
  .filter((s) => s.title.startsWith('SOTU'))
  .slice(0, 8);

type Flags = {
  nodePosition: (id: string) => { x: number; y: number } | null;
  modelPosition: (id: string) => { x: number; y: number } | null;
  nodeIds: (type?: string) => string[];
  labelOverlaps: () => { labels: number; overlaps: number; pairs: string[] };
  zoom: () => number;
  highlightedIds: () => string[];
};

describe('the graph view shows structure: clusters, drill-down, hover, neighbours in place', () => {
  let e2e: E2eHost;
  let app: AppDriver;
  let datasetId: string;
  let token: string;

  const flag = <T>(fn: (k: Flags) => T): Promise<T> => app.page.evaluate(`(${fn.toString()})(window.__kenning)`) as Promise<T>;
  const positions = (): Promise<Record<string, { x: number; y: number }>> =>
    flag((k) => Object.fromEntries(k.nodeIds().map((id) => [id, k.modelPosition(id)!])));
  /** Waits until the canvas has settled (labels are chosen 120 ms after the view rests). */
  const atRest = () => app.page.waitForTimeout(400);

  beforeAll(async () => {
    e2e = await openE2eHost('kenning-e2e-graph-', { signInPerMinute: 1000 });
    const { core } = e2e.host;
    const call = async <T,>(name: string, input: unknown, tok: string | null = token): Promise<T> => {
      const r = await core.call({ token: tok }, name as never, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value as T;
    };
    await call('auth.register', { email: EMAIL, password: PASSWORD }, null);
    token = (await call<{ token: string }>('auth.signIn', { email: EMAIL, password: PASSWORD }, null)).token;
    datasetId = (await call<{ id: string }>('datasets.create', { name: 'Speeches' })).id;
    const enc = new TextEncoder();
    await call('data.add', { datasetId, files: SPEECHES.map((s, i) => ({ name: `sotu-${i}.txt`, bytes: enc.encode(s.text) })) });
    await call('cognify.run', { datasetIds: [datasetId], runInBackground: false });
    app = await AppDriver.open(e2e.browser, e2e.host.url, 'graph');
    await app.signIn(EMAIL, PASSWORD);
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await e2e?.close();
  }, STEP);

  it('opens on the overview: labelled clusters of entities, no label overlapping another', async () => {
    const started = Date.now();
    await app.selectDataset('Speeches');
    await app.waitForGraph(10);
    const ms = Date.now() - started;
    await atRest();
    const clusters = await app.nodeIds('cluster');
    expect(clusters.length).toBeGreaterThan(2);
    expect(await app.nodeIds('DocumentChunk')).toEqual([]); // scaffolding is hidden at first
    const m = await flag((k) => k.labelOverlaps());
    expect(m.labels).toBeGreaterThan(2);
    expect(m.overlaps, m.pairs.join('; ')).toBe(0);
    await app.byTestId('overview-summary').waitFor();
    await app.screenshot('graph-01-overview');
    console.log(`graph view: dataset click → overview drawn ${ms} ms; ${clusters.length} clusters; ${m.labels} labels, ${m.overlaps} overlapping`);
  }, STEP);

  it('a click on the canvas focuses it, so + − 0 and the arrows work; the wheel zooms ~1.2× a notch', async () => {
    const box = (await app.byTestId('graph-canvas').boundingBox())!;
    await app.page.mouse.click(box.x + 8, box.y + box.height - 8); // an empty corner
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('graph-canvas');
    const z0 = await flag((k) => k.zoom());
    await app.page.keyboard.press('+');
    const z1 = await flag((k) => k.zoom());
    expect(z1 / z0).toBeCloseTo(1.25, 2);
    await app.page.keyboard.press('0');
    const z2 = await flag((k) => k.zoom());
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await app.page.mouse.wheel(0, -100);
    await app.page.waitForFunction((z) => (window as unknown as { __kenning: Flags }).__kenning.zoom() !== z, z2);
    const z3 = await flag((k) => k.zoom());
    expect(z3 / z2).toBeGreaterThan(1.15);
    expect(z3 / z2).toBeLessThan(1.25);
    await app.page.keyboard.press('0');
  }, STEP);

  it('clicking a cluster opens it: its members appear at their stored places, still with no overlapping label', async () => {
    const before = await positions();
    const target = await emptySpotInLargestCluster();
    await app.page.mouse.click(target.x, target.y);
    const community = target.community;
    await app.page.waitForFunction((id) => (window as unknown as { __kenning: Flags }).__kenning.nodeIds('cluster.open').includes(id), `cluster:${community}`);
    await app.page.waitForTimeout(800); // the members' read, the zoom-to animation, then labels at rest
    const members = await e2e.host.core.call({ token }, 'graph.overview', { datasetId, community, nodeLimit: 1500 });
    if (!members.ok) throw new Error(members.error.message);
    const drawn = await positions();
    const shown = members.value.nodes.filter((n) => drawn[n.id]);
    expect(shown.length).toBeGreaterThan(Math.min(20, members.value.nodes.length - 1));
    for (const n of shown) expect(drawn[n.id]).toEqual({ x: n.x, y: n.y });
    for (const [id, p] of Object.entries(before)) expect(drawn[id]).toEqual(p); // nothing already drawn moved
    const m = await flag((k) => k.labelOverlaps());
    expect(m.overlaps, m.pairs.join('; ')).toBe(0);
    expect(m.labels).toBeGreaterThan(3);
    await app.screenshot('graph-02-cluster-open');
  }, STEP);

  it('hovering a node highlights it and its neighbours; leaving clears it', async () => {
    const hub = await mostConnectedDrawnEntity();
    const at = await app.page.evaluate((id) => (window as unknown as { __kenning: Flags }).__kenning.nodePosition(id), hub);
    await app.page.mouse.move(at!.x, at!.y);
    await app.page.waitForFunction(() => (window as unknown as { __kenning: Flags }).__kenning.highlightedIds().length > 1);
    const lit = await flag((k) => k.highlightedIds());
    expect(lit).toContain(hub);
    await app.screenshot('graph-03-hover');
    const box = (await app.byTestId('graph-canvas').boundingBox())!;
    await app.page.mouse.move(box.x + 4, box.y + 4);
    await app.page.waitForFunction(() => (window as unknown as { __kenning: Flags }).__kenning.highlightedIds().length === 0);
  }, STEP);

  it('"Show neighbours" adds the neighbours beside the node without moving anything already drawn', async () => {
    const hub = await mostConnectedDrawnEntity();
    await app.clickNode(hub);
    await app.byTestId('node-details').waitFor();
    await app.page.waitForFunction(() => document.querySelector('[data-testid="node-name"]')?.textContent !== 'Loading…');
    const before = await positions();
    await app.byTestId('expand-node').click();
    await app.page.waitForFunction((n) => (window as unknown as { __kenning: Flags }).__kenning.nodeIds().length > n, Object.keys(before).length);
    await atRest();
    const after = await positions();
    for (const [id, p] of Object.entries(before)) expect(after[id]).toEqual(p);
    const added = Object.keys(after).filter((id) => !before[id]);
    expect(added.length).toBeGreaterThan(0);
    // Passages and other scaffolding, which have no stored place, land near the node they relate to.
    const centre = after[hub]!;
    const spread = Object.values(before).reduce((r, q) => Math.max(r, Math.hypot(q.x - centre.x, q.y - centre.y)), 0);
    const near = added.filter((id) => Math.hypot(after[id]!.x - centre.x, after[id]!.y - centre.y) < spread / 2);
    expect(near.length).toBeGreaterThan(added.length / 2);
    await app.screenshot('graph-04-neighbours');
    expect(app.errors).toEqual([]);
  }, STEP);

  afterAll(() => {
    // Kept with the other browser tests' pictures; copied where the issue's note can find them when asked.
    const to = process.env.KENNING_GRAPH_SCREENS;
    if (to) for (const f of fs.readdirSync(RESULTS_DIR).filter((n) => n.startsWith('graph-0'))) fs.copyFileSync(path.join(RESULTS_DIR, f), path.join(to, f));
  });

  /** A point inside the largest closed cluster with no node under it, and that cluster's community. */
  async function emptySpotInLargestCluster(): Promise<{ x: number; y: number; community: number }> {
    const spot = await app.page.evaluate(() => {
      const k = (window as unknown as { __kenning: Flags }).__kenning;
      const nodes = k.nodeIds().map((id) => k.nodePosition(id)!);
      const clusters = k.nodeIds('cluster:not(.open)');
      const id = clusters[0]!; // largest first
      const c = k.nodePosition(id)!;
      for (let r = 10; r < 200; r += 6)
        for (let a = 0; a < 2 * Math.PI; a += Math.PI / 12) {
          const p = { x: c.x + r * Math.cos(a), y: c.y + r * Math.sin(a) };
          if (nodes.every((q) => Math.hypot(q.x - p.x, q.y - p.y) > 14)) return { ...p, community: Number(id.split(':')[1]) };
        }
      return null;
    });
    if (!spot) throw new Error('no empty spot in the largest cluster');
    return spot;
  }

  /** The drawn entity with the most drawn neighbours (a hub has plenty to highlight and to add). */
  async function mostConnectedDrawnEntity(): Promise<string> {
    const ids = await app.nodeIds('Entity');
    const g = await e2e.host.core.call({ token }, 'graph.overview', { datasetId, nodeLimit: 30 });
    if (!g.ok) throw new Error(g.error.message);
    const drawn = new Set(ids);
    const hub = g.value.nodes.find((n) => drawn.has(n.id));
    if (!hub) throw new Error('no important entity drawn');
    return hub.id;
  }
});
