/** Issue 17 items 2 and 7: the ingest list's honest counts, re-added files, and rows rebuilt after a reload. */
import { describe, expect, it } from 'vitest';

import { ALREADY_WAITING, adoptItems, settleDuplicates } from '../../../renderer/src/features/ingest/ingestItems';
import type { IngestItem } from '../../../renderer/src/features/ingest/ingestItems';
import { countIngest, ingestTitle } from '../../../renderer/src/features/ingest/ingestSummary';
import type { DataItem } from '../../../renderer/src/store/views';
import { ID } from './samples';

const item = (key: string, over: Partial<IngestItem> = {}): IngestItem => ({ key, datasetId: ID.d1, path: `${key}.txt`, size: 10, stage: 'done', uploaded: 1, ...over });
const data = (id: string, status: DataItem['status'], name = 'n.txt'): DataItem => ({
  id,
  name,
  extension: 'txt',
  mimeType: 'text/plain',
  size: 7,
  contentHash: 'h',
  ownerId: ID.a,
  createdAt: '',
  status,
  error: null,
});
const many = (n: number, over: Partial<IngestItem>) => Array.from({ length: n }, (_, i) => item(`${over.stage}${i}`, over));

describe('ingestTitle', () => {
  it('after a cancel: what was processed of all, and how many were cancelled (never "added")', () => {
    expect(ingestTitle(countIngest([...many(3, { stage: 'done' }), ...many(10, { stage: 'cancelled' })]))).toBe('3 of 13 files processed · 10 cancelled');
  });
  it('while files are under way, the rejected ones are counted in the header', () => {
    expect(ingestTitle(countIngest([...many(5, { stage: 'queued' }), ...many(3, { stage: 'rejected' })]))).toBe('Adding 5 files… · 3 rejected');
  });
  it('names failures, rejections and files already in the dataset apart', () => {
    const items = [item('a'), item('b', { stage: 'error' }), item('c', { stage: 'rejected' }), item('d', { stage: 'duplicate' })];
    expect(ingestTitle(countIngest(items))).toBe('1 of 4 files processed · 1 failed · 1 rejected · 1 already in the dataset');
  });
});

describe('settleDuplicates', () => {
  it('a processed duplicate stays "already added"; an unprocessed one waits for the run like a new file', () => {
    const items = [item('p', { stage: 'duplicate', dataId: ID.x1 }), item('w', { stage: 'duplicate', dataId: ID.x2 }), item('other', { stage: 'duplicate', dataId: ID.x2 })];
    const out = settleDuplicates(items, ['p', 'w'], [data(ID.x1, 'completed'), data(ID.x2, 'pending')]);
    expect(out.map((i) => [i.key, i.stage, i.message])).toEqual([
      ['p', 'duplicate', 'Already in this dataset and processed'],
      ['w', 'queued', ALREADY_WAITING],
      ['other', 'duplicate', undefined], // not from this drop
    ]);
    expect(ingestTitle(countIngest(out.slice(0, 2)))).toBe('Adding 1 file… · 1 already in the dataset');
  });
});

describe('adoptItems', () => {
  it('adds a row per unfinished data item not shown yet, with its id, so live progress finds it', () => {
    let n = 0;
    const shown = [item('k', { dataId: ID.x1, stage: 'extract' })];
    const out = adoptItems(shown, ID.d1, [data(ID.x1, 'processing'), data(ID.x2, 'pending', 'b.txt'), data('done-id', 'completed')], () => `a${n++}`);
    expect(out.map((i) => [i.key, i.path, i.stage, i.dataId])).toEqual([
      ['k', 'k.txt', 'extract', ID.x1],
      ['a0', 'b.txt', 'queued', ID.x2],
    ]);
  });
});
