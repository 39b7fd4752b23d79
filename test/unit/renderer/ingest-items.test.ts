import { describe, expect, it } from 'vitest';

import { applyAddResult, applyProgress, reconcile } from '../../../renderer/src/features/ingest/ingestItems';
import type { IngestItem } from '../../../renderer/src/features/ingest/ingestItems';
import { stageFraction } from '../../../renderer/src/features/ingest/stages';
import type { DataItem, Progress } from '../../../renderer/src/store/views';
import { ID } from './samples';

const item = (key: string, over: Partial<IngestItem> = {}): IngestItem => ({ key, datasetId: ID.d1, path: `${key}.txt`, size: 10, stage: 'uploading', uploaded: 0, ...over });
const progress = (over: Partial<Progress>): Progress => ({
  runId: 'r1',
  datasetId: ID.d1,
  dataId: ID.x1,
  dataName: 'a.txt',
  stage: 'parse',
  itemsDone: 0,
  itemsTotal: 2,
  bytes: 10,
  ...over,
});
const data = (id: string, status: DataItem['status'], error: string | null = null): DataItem => ({
  id,
  name: 'n',
  extension: 'txt',
  mimeType: 'text/plain',
  size: 1,
  contentHash: 'h',
  ownerId: ID.a,
  createdAt: '',
  status,
  error,
});

describe('applyAddResult', () => {
  it('maps results by position: added → queued with its id, duplicate and rejected with words', () => {
    const items = [item('a'), item('b'), item('c'), item('other')];
    const out = applyAddResult(items, ['a', 'b', 'c'], {
      datasetId: ID.d1,
      datasetName: 'D',
      items: [
        { name: 'a.txt', status: 'added', dataId: ID.x1 },
        { name: 'b.txt', status: 'duplicate', dataId: ID.x2 },
        { name: 'c.exe', status: 'rejected', reason: 'unsupported format' },
      ],
    });
    expect(out.map((i) => [i.stage, i.dataId, i.message])).toEqual([
      ['queued', ID.x1, undefined],
      ['duplicate', ID.x2, 'Already in this dataset'],
      ['rejected', undefined, 'unsupported format'],
      ['uploading', undefined, undefined],
    ]);
  });
  it('marks a file the reply does not mention as an error instead of leaving it spinning', () => {
    const out = applyAddResult([item('a'), item('b')], ['a', 'b'], { datasetId: ID.d1, datasetName: 'D', items: [{ name: 'a', status: 'added', dataId: ID.x1 }] });
    expect(out[1]!.stage).toBe('error');
  });
});

describe('applyProgress', () => {
  const queued = [item('a', { stage: 'queued', dataId: ID.x1 }), item('b', { stage: 'queued', dataId: ID.x2 }), item('c', { datasetId: ID.d2, stage: 'queued', dataId: ID.x1 })];
  it('moves only the matching item of the matching dataset', () => {
    const out = applyProgress(queued, progress({ stage: 'extract' }));
    expect(out.map((i) => i.stage)).toEqual(['extract', 'queued', 'queued']);
  });
  it('carries the error message in words', () => {
    const out = applyProgress(queued, progress({ stage: 'error', message: 'PDF is encrypted' }));
    expect(out[0]).toMatchObject({ stage: 'error', message: 'PDF is encrypted' });
  });
  it('a run-wide cancel stops every unfinished item of the dataset', () => {
    const items = [item('a', { stage: 'done', dataId: ID.x1 }), item('b', { stage: 'queued', dataId: ID.x2 })];
    const out = applyProgress(items, progress({ dataId: null, stage: 'cancelled' }));
    expect(out.map((i) => i.stage)).toEqual(['done', 'cancelled']);
  });
  it('ignores a late stage for an item that is already done', () => {
    const out = applyProgress([item('a', { stage: 'done', dataId: ID.x1 })], progress({ stage: 'embed' }));
    expect(out[0]!.stage).toBe('done');
  });
});

describe('reconcile', () => {
  it('settles unfinished items from the stored status after a run', () => {
    const items = [item('a', { stage: 'write', dataId: ID.x1 }), item('b', { stage: 'queued', dataId: ID.x2 })];
    const out = reconcile(items, ID.d1, [data(ID.x1, 'completed'), data(ID.x2, 'errored', 'parse failed: bad zip')], false);
    expect(out.map((i) => [i.stage, i.message])).toEqual([
      ['done', undefined],
      ['error', 'parse failed: bad zip'],
    ]);
  });
  it('marks still-pending items cancelled when the run was cancelled', () => {
    const out = reconcile([item('a', { stage: 'queued', dataId: ID.x1 })], ID.d1, [data(ID.x1, 'pending')], true);
    expect(out[0]!.stage).toBe('cancelled');
  });
});

describe('stageFraction', () => {
  it('grows through the stages and fills the upload step by bytes sent', () => {
    expect(stageFraction('reading')).toBe(0);
    expect(stageFraction('uploading', 0.5)).toBeGreaterThan(stageFraction('uploading', 0));
    expect(stageFraction('uploading', 1)).toBeCloseTo(stageFraction('queued'));
    expect(stageFraction('extract')).toBeGreaterThan(stageFraction('parse'));
    expect(stageFraction('done')).toBe(1);
    expect(stageFraction('error')).toBe(1);
  });
});
