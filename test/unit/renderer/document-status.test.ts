/** What the documents panel says about a document (issue 17, item 3). */
import { describe, expect, it } from 'vitest';

import { countStates, documentStatus } from '../../../renderer/src/features/datasets/documentStatus';
import type { DataItem } from '../../../renderer/src/store/views';
import { ID } from './samples';

const doc = (status: DataItem['status'], error: string | null = null): DataItem => ({
  id: ID.x1,
  name: 'a.txt',
  extension: 'txt',
  mimeType: 'text/plain',
  size: 1,
  contentHash: 'h',
  ownerId: ID.a,
  createdAt: '',
  status,
  error,
});

describe('documentStatus', () => {
  it('a pending document after a cancel is cancelled, after a crash interrupted, otherwise waiting', () => {
    expect(documentStatus(doc('pending'), undefined, 'cancelled').state).toBe('cancelled');
    expect(documentStatus(doc('pending'), undefined, 'interrupted').state).toBe('interrupted');
    expect(documentStatus(doc('pending'), undefined, 'processing').state).toBe('waiting');
  });
  it('a failed document carries its error; a live stage shows while a run holds it', () => {
    expect(documentStatus(doc('errored', 'not a PDF'), undefined, 'errored')).toEqual({ state: 'failed', words: 'Failed', error: 'not a PDF' });
    expect(documentStatus(doc('processing'), 'extract', 'processing')).toEqual({ state: 'processing', words: 'Finding entities' });
    expect(documentStatus(doc('processing'), 'queued', 'processing').state).toBe('waiting');
    expect(documentStatus(doc('processing'), 'done', 'processing').state).toBe('processed');
  });
  it('a processed document with a note (an image: no text extracted) shows the note instead of "Processed"', () => {
    const note = 'Stored, no text extracted: no OCR engine is installed';
    expect(documentStatus(doc('completed', note), undefined, 'completed')).toEqual({ state: 'processed', words: note });
    expect(documentStatus(doc('completed'), undefined, 'completed')).toEqual({ state: 'processed', words: 'Processed' });
  });
  it('counts by state', () => {
    const c = countStates([documentStatus(doc('completed'), undefined, 'completed'), documentStatus(doc('errored'), undefined, 'errored')]);
    expect(c).toMatchObject({ processed: 1, failed: 1, waiting: 0 });
  });
});
