/** The layout's sidecar file: written whole or not at all, and read back only when it can be trusted. */
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { computeLayout } from '../../../../electron/worker/layout/compute-layout';
import { layoutFileBeside, readLayoutFile, writeLayoutFile } from '../../../../electron/worker/layout/layout-file';
import { tempDir } from '../../../helpers/temp';

const t = tempDir('kenning-layout-file-');
afterEach(() => {
  for (const f of fs.readdirSync(t.dir)) fs.rmSync(path.join(t.dir, f), { force: true });
});
afterAll(() => t.cleanup());

async function sample() {
  const nodes = ['a', 'b', 'c', 'd'].map((n) => ({ id: `entity:${n}`, name: n.toUpperCase(), kind: n === 'd' ? null : 'person' }));
  const edges = [
    { source: 'entity:a', target: 'entity:b', relation: 'knows', weight: 1 },
    { source: 'entity:b', target: 'entity:c', relation: 'met', weight: 0.5 },
    { source: 'entity:c', target: 'entity:a', relation: 'knows', weight: 2 },
  ];
  return computeLayout({ version: { entities: 4, relations: 3, items: ['x'] }, nodes, edges }, { version: '4n.3e.abc' });
}

describe('layout file', () => {
  it('sits beside the graph, named after the dataset, so deleting the dataset takes it', () => {
    expect(layoutFileBeside('/h/databases/o/1234.kuzu')).toBe('/h/databases/o/1234.layout.v1.json');
  });

  it('round-trips a layout and leaves no temporary file', async () => {
    const file = path.join(t.dir, 'd.layout.v1.json');
    const d = await sample();
    await writeLayoutFile(file, d);
    expect(fs.readdirSync(t.dir)).toEqual(['d.layout.v1.json']);
    const back = (await readLayoutFile(file))!;
    expect(back.version).toBe('4n.3e.abc');
    expect(back.ids).toEqual(d.ids);
    expect(back.kinds).toEqual(d.kinds);
    expect(Array.from(back.x)).toEqual(Array.from(d.x));
    expect(Array.from(back.edges.relation)).toEqual(Array.from(d.edges.relation));
    expect(back.relations).toEqual(d.relations);
    expect(back.communities).toEqual(d.communities);
  });

  it('treats a missing, truncated, foreign or inconsistent file as no layout', async () => {
    const file = path.join(t.dir, 'd.layout.v1.json');
    expect(await readLayoutFile(file)).toBeNull();
    await writeLayoutFile(file, await sample());
    const good = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, good.slice(0, good.length / 2));
    expect(await readLayoutFile(file)).toBeNull();
    const body = JSON.parse(good) as { formatVersion: number; edges: { source: number[] }; nodes: { x: unknown[] } };
    for (const broken of [
      { ...body, formatVersion: 2 },
      { ...body, edges: { ...body.edges, source: [0, 1, 99] } },
      { ...body, nodes: { ...body.nodes, x: body.nodes.x.slice(1) } },
      { ...body, nodes: { ...body.nodes, x: ['a', 0, 0, 0] } },
    ]) {
      fs.writeFileSync(file, JSON.stringify(broken));
      expect(await readLayoutFile(file)).toBeNull();
    }
  });
});
