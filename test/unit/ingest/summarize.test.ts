import { describe, expect, it } from 'vitest';
import { chunkText, splitSentences } from '../../../electron/worker/ingest/chunk';
import { summarizeChunk, summarizeDocument } from '../../../electron/worker/ingest/summarize';
import { mobyDickChapter, sotuTexts } from '../../fixtures/prose';

/** Splits a summary back into sentences; each must occur verbatim in the source. */
function expectSentencesOf(summary: string, source: string): string[] {
  const parts = splitSentences(summary).map(([a, b]) => summary.slice(a, b));
  expect(parts.length).toBeGreaterThan(0);
  for (const p of parts) expect(source).toContain(p);
  return parts;
}

describe('summaries', () => {
  const text = sotuTexts(1, true)[0]!;
  const doc = { text, format: 'text' };
  const chunks = chunkText(text);

  it('summarizes a chunk with one or two of its own sentences', () => {
    for (const c of chunks.slice(0, 10)) {
      const s = summarizeChunk(c);
      expect(s.length).toBeGreaterThan(0);
      expect(s.length).toBeLessThanOrEqual(400);
      const parts = expectSentencesOf(s, c.text);
      expect(parts.length).toBeLessThanOrEqual(2);
    }
  });

  it('summarizes a document with 3 to 5 of its sentences in document order', () => {
    const s = summarizeDocument(doc, chunks);
    const parts = expectSentencesOf(s, text);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.length).toBeLessThanOrEqual(5);
    const positions = parts.map((p) => text.indexOf(p));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('works on literary prose, a one-sentence chunk and a giant token', () => {
    const moby = mobyDickChapter(1);
    expectSentencesOf(summarizeDocument({ text: moby, format: 'text' }, chunkText(moby)), moby);
    expect(summarizeChunk({ text: 'Call me Ishmael.' })).toBe('Call me Ishmael.');
    const giant = 'y'.repeat(5000);
    expect(giant.startsWith(summarizeChunk({ text: giant }))).toBe(true);
    expect(summarizeChunk({ text: giant }).length).toBeLessThanOrEqual(400);
    expect(summarizeDocument({ text: '', format: 'text' }, [])).toBe('');
  });
});
