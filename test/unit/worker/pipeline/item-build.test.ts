import { describe, expect, it } from 'vitest';

import { buildItem } from '../../../../electron/worker/pipeline/item-build';
import { chunkId, parseChunkId } from '../../../../electron/worker/pipeline/ids';
import type { Chunk, Extraction } from '../../../../electron/worker/ingest/types';

const DATA = '0b3d7c1e-8a4f-4e2b-9c6d-1f2e3a4b5c6d';
const text = 'Marie Curie was born in Warsaw. Curie discovered polonium in Paris.';
const chunks: Chunk[] = [
  { index: 0, text: text.slice(0, 31), start: 0, end: 31 },
  { index: 1, text: text.slice(32), start: 32, end: text.length },
];
const extraction: Extraction = {
  entities: [
    { key: 'marie curie', name: 'Marie Curie', kind: 'person', description: 'Marie Curie was born in Warsaw.', mentions: [{ chunkIndex: 0, start: 0, end: 11 }, { chunkIndex: 1, start: 32, end: 37 }] },
    { key: 'warsaw', name: 'Warsaw', kind: 'place', description: 'born in Warsaw', mentions: [{ chunkIndex: 0, start: 24, end: 30 }] },
    { key: 'polonium', name: 'polonium', kind: 'concept', description: 'discovered polonium', mentions: [{ chunkIndex: 1, start: 49, end: 57 }] },
  ],
  relations: [
    { sourceKey: 'marie curie', targetKey: 'polonium', relation: 'discovered', chunkIndex: 1, weight: 1 },
    { sourceKey: 'marie curie', targetKey: 'warsaw', relation: 'co_occurs_with', chunkIndex: 0, weight: 0.3 },
    { sourceKey: 'marie curie', targetKey: 'nobody', relation: 'knows', chunkIndex: 0, weight: 1 },
  ],
};

const input = { dataId: DATA, dataName: 'curie.txt', doc: { text, format: 'text' }, chunks, extraction, chunkSummaries: ['s0', 's1'], documentSummary: 'doc summary' };

describe('buildItem', () => {
  it('writes the Cognee node types with structural and named edges', () => {
    const b = buildItem(input);
    const types = b.graph.nodes.map((n) => n.type);
    expect(types.filter((t) => t === 'Document')).toHaveLength(1);
    expect(types.filter((t) => t === 'DocumentChunk')).toHaveLength(2);
    expect(types.filter((t) => t === 'Entity')).toHaveLength(3);
    expect(types.filter((t) => t === 'EntityType')).toHaveLength(3);
    expect(types.filter((t) => t === 'TextSummary')).toHaveLength(3);
    const rel = (r: string) => b.graph.edges.filter((e) => e.relation === r).length;
    expect(rel('is_part_of')).toBe(2);
    expect(rel('contains')).toBe(4); // Curie in both chunks, Warsaw, polonium
    expect(rel('is_a')).toBe(3);
    expect(rel('made_from')).toBe(3);
    expect(rel('discovered')).toBe(1);
    expect(rel('knows')).toBe(0); // a relation to an unknown entity is dropped
  });

  it('is deterministic: the same input gives the same ids', () => {
    const a = buildItem(input);
    const b = buildItem(input);
    expect(a.graph.nodes.map((n) => n.id)).toEqual(b.graph.nodes.map((n) => n.id));
    expect(a.graph.edges.map((e) => e.id)).toEqual(b.graph.edges.map((e) => e.id));
  });

  it('every chunk row cites an exact range of the extracted text, recoverable from its id', () => {
    const b = buildItem(input);
    for (const r of b.rows.DocumentChunk_text) {
      expect(text.slice(r.start, r.end)).toBe(r.text);
      expect(parseChunkId(r.chunkId)).toMatchObject({ dataId: DATA, start: r.start, end: r.end });
    }
    const curie = b.rows.Entity_name.find((r) => r.text === 'Marie Curie')!;
    expect(curie.chunkId).toBe(chunkId(DATA, 0, 0, 31));
    expect(text.slice(curie.start, curie.end)).toBe('Marie Curie');
  });

  it('entity vector rows are per data item so a shared entity survives deleting one item', () => {
    const other = buildItem({ ...input, dataId: '1b3d7c1e-8a4f-4e2b-9c6d-1f2e3a4b5c6d' });
    const mine = buildItem(input);
    const a = mine.rows.Entity_name.find((r) => r.text === 'Warsaw')!;
    const b = other.rows.Entity_name.find((r) => r.text === 'Warsaw')!;
    expect(a.nodeId).toBe(b.nodeId);
    expect(a.id).not.toBe(b.id);
  });

  it('parseChunkId rejects anything that is not a chunk id', () => {
    expect(parseChunkId('entity:marie curie')).toBeNull();
    expect(parseChunkId('chunk:../../etc:1:2:3')).toBeNull();
  });

  it("says in the entity's description which names were merged into it and why", () => {
    const merged: Extraction = {
      ...extraction,
      entities: extraction.entities.map((e) => (e.key === 'marie curie' ? { ...e, aliases: [{ name: 'Curie', reason: 'surname' as const }] } : e)),
    };
    const b = buildItem({ ...input, extraction: merged });
    const curie = b.graph.nodes.find((n) => n.name === 'Marie Curie')!;
    expect(curie.description).toBe('Marie Curie was born in Warsaw. Also written “Curie” (surname).');
    expect(b.graph.nodes.find((n) => n.name === 'Warsaw')!.description).toBe('born in Warsaw');
  });
});
