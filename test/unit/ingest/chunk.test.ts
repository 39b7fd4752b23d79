import { describe, expect, it } from 'vitest';
import { chunkText, splitSentences } from '../../../electron/worker/ingest/chunk';
import { mobyDickChapter, sotuTexts } from '../../fixtures/prose';

describe('chunkText', () => {
  const prose = [...sotuTexts(5), mobyDickChapter(1), mobyDickChapter(42)].join('\n\n');

  it('keeps exact offsets, bounded sizes and overlap on real prose', () => {
    const chunks = chunkText(prose, { maxChars: 1200, overlapChars: 150 });
    expect(chunks.length).toBeGreaterThan(20);
    chunks.forEach((c, i) => {
      expect(c.index).toBe(i);
      expect(c.text).toBe(prose.slice(c.start, c.end));
      expect(c.text.length).toBeLessThanOrEqual(1200);
      expect(c.text.length).toBeGreaterThan(0);
      expect(c.text).toBe(c.text.trim());
      if (i > 0) {
        const prev = chunks[i - 1]!;
        expect(c.start).toBeGreaterThan(prev.start);
        expect(c.end).toBeGreaterThan(prev.end);
        // Consecutive chunks overlap, by no more than the requested amount.
        expect(c.start).toBeLessThan(prev.end);
        expect(prev.end - c.start).toBeLessThanOrEqual(150);
      }
    });
    // Every character of the text is in some chunk.
    expect(chunks[0]!.start).toBe(0);
    expect(chunks[chunks.length - 1]!.end).toBe(prose.trimEnd().length);
    // All but the last chunk are reasonably full.
    for (const c of chunks.slice(0, -1)) expect(c.text.length).toBeGreaterThanOrEqual(600);
  });

  it('ends chunks at sentence boundaries in ordinary prose', () => {
    const chunks = chunkText(prose);
    const atSentenceEnd = chunks.slice(0, -1).filter((c) => /[.!?]["'\u201d\u2019)]?$/.test(c.text)).length;
    expect(atSentenceEnd / (chunks.length - 1)).toBeGreaterThan(0.9);
    // Overlapping starts begin a sentence (capital letter or quote), not mid-word.
    const midWord = chunks.slice(1).filter((c) => /\w/.test(prose[c.start - 1] ?? ' ')).length;
    expect(midWord).toBe(0);
  });

  it('does not split at abbreviations such as "Mr." or initials', () => {
    const text = 'Mr. Smith met J. Edgar Hoover in Washington. They talked for hours.';
    expect(splitSentences(text).map(([a, b]) => text.slice(a, b))).toEqual([
      'Mr. Smith met J. Edgar Hoover in Washington.',
      'They talked for hours.',
    ]);
  });

  it('falls back to whitespace, then a hard cut, for text without sentences', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ');
    for (const c of chunkText(words, { maxChars: 500, overlapChars: 50 })) {
      expect(c.text).toBe(words.slice(c.start, c.end));
      expect(c.text.length).toBeLessThanOrEqual(500);
      expect(words[c.start - 1] ?? ' ').toBe(' ');
    }
    const token = 'x'.repeat(10_000);
    const hard = chunkText(token, { maxChars: 1000, overlapChars: 100 });
    expect(hard.map((c) => c.text.length).slice(0, -1)).toEqual(new Array(hard.length - 1).fill(1000));
    expect(hard[1]!.start).toBe(900);
  });

  it('handles empty, whitespace-only and short input, and paragraph breaks', () => {
    expect(chunkText('')).toEqual([]);
    expect(chunkText(' \n\t ')).toEqual([]);
    expect(chunkText('  Hello.  ')).toEqual([{ index: 0, text: 'Hello.', start: 2, end: 8 }]);
    const text = `${'Heading without a period'}\n\n${'A sentence here. '.repeat(100)}`;
    const chunks = chunkText(text, { maxChars: 200, overlapChars: 0 });
    expect(chunks.every((c) => c.text === text.slice(c.start, c.end))).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const text = '\u{1F600}'.repeat(5000); // emoji only: no whitespace, hard cuts everywhere
    for (const c of chunkText(text, { maxChars: 101, overlapChars: 10 })) {
      expect(c.text).toBe(text.slice(c.start, c.end));
      expect(c.start % 2).toBe(0);
      expect(c.end % 2).toBe(0);
    }
  });
});
