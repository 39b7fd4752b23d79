/**
 * Headings (issue 15 part 4, issue 17): every parser that knows a document's sections records
 * them with exact offsets, the chunker keeps sections apart, and each chunk knows its heading path.
 */
import { describe, expect, it } from 'vitest';

import { chunkDocument } from '../../../electron/worker/ingest/chunk-sections';
import { parseDocument } from '../../../electron/worker/ingest/parse';
import { headingPathAt, headingPaths, takeHeadings, markHeading } from '../../../electron/worker/ingest/parse/headings';
import type { ParsedDocument } from '../../../electron/worker/ingest/types';
import { makeDocxWithHeadings } from '../../fixtures/docx';
import { mobyDickChapter, sotuTexts } from '../../fixtures/prose';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function expectExactOffsets(doc: ParsedDocument): void {
  for (const h of doc.headings ?? []) expect(doc.text.slice(h.start, h.end)).toBe(h.text);
}

describe('headings from parsers', () => {
  it('records HTML headings with their levels and exact offsets, without Sphinx permalinks', async () => {
    const html = `<html><head><title>Backup guide</title></head><body>
      <h1>Backup and Restore<a class="headerlink" href="#b">¶</a></h1><p>Intro to backups.</p>
      <h2>Continuous   archiving</h2><p>Archive the write-ahead log.</p>
      <h3>Recovering</h3><p>Restore the base backup, then replay.</p>
      <h2>Dumps</h2><p>Use a logical dump.</p></body></html>`;
    const doc = await parseDocument(utf8(html), 'backup.html');
    expect(doc.headings?.map((h) => [h.level, h.text])).toEqual([
      [1, 'Backup and Restore'],
      [2, 'Continuous archiving'],
      [3, 'Recovering'],
      [2, 'Dumps'],
    ]);
    expect(doc.text).not.toContain('¶');
    expect(doc.text.includes('\u0001') || doc.text.includes('\u0002')).toBe(false);
    expectExactOffsets(doc);
  });

  it('records Markdown ATX and setext headings and keeps the text as before', async () => {
    const md = '# Moby Dick\n\nCall me Ishmael.\n\nLoomings\n--------\n\nSome years ago.\n\n### Never mind how long ###\n\nPrecisely.\n';
    const doc = await parseDocument(utf8(md), 'book.md');
    expect(doc.title).toBe('Moby Dick');
    expect(doc.headings?.map((h) => [h.level, h.text])).toEqual([
      [1, 'Moby Dick'],
      [2, 'Loomings'],
      [3, 'Never mind how long'],
    ]);
    expect(doc.text).toBe('Moby Dick\n\nCall me Ishmael.\n\nLoomings\n\nSome years ago.\n\nNever mind how long\n\nPrecisely.');
    expectExactOffsets(doc);
  });

  it("reads Word's heading styles from a DOCX", async () => {
    const doc = await parseDocument(
      makeDocxWithHeadings([{ heading: 1, text: 'Backup' }, { heading: 2, text: 'Continuous archiving' }, 'Archive the log.', { heading: 3, text: 'Recovering' }, 'Replay it.']),
      'guide.docx',
    );
    expect(doc.headings?.map((h) => [h.level, h.text])).toEqual([
      [1, 'Backup'],
      [2, 'Continuous archiving'],
      [3, 'Recovering'],
    ]);
    expectExactOffsets(doc);
  });

  it('never lets marker characters in the source fake a heading', async () => {
    const doc = await parseDocument(utf8('<p>a \u00012Fake\u0002 b</p><h2>Real</h2><p>text</p>'), 'x.html');
    expect(doc.headings?.map((h) => h.text)).toEqual(['Real']);
    expectExactOffsets(doc);
  });

  it('plain text and PDF-like formats have no headings', async () => {
    const doc = await parseDocument(utf8(sotuTexts(1)[0]!), 'speech.txt');
    expect(doc.headings).toBeUndefined();
  });
});

describe('heading paths', () => {
  const marked = [markHeading(1, 'A'), 'x', markHeading(2, 'B'), 'y', markHeading(3, 'C'), 'z', markHeading(2, 'D'), 'w', markHeading(1, 'E')].join('\n\n');
  const { text, headings } = takeHeadings(marked);
  const paths = headingPaths(headings);

  it('nest deeper levels and close sections at an equal or shallower one', () => {
    expect(paths).toEqual([['A'], ['A', 'B'], ['A', 'B', 'C'], ['A', 'D'], ['E']]);
  });

  it('answer the path in force at any offset', () => {
    expect(headingPathAt(headings, paths, text.indexOf('x'))).toEqual(['A']);
    expect(headingPathAt(headings, paths, text.indexOf('z'))).toEqual(['A', 'B', 'C']);
    expect(headingPathAt(headings, paths, text.indexOf('w'))).toEqual(['A', 'D']);
    expect(headingPathAt(headings, paths, 0)).toEqual(['A']);
    const late = takeHeadings(`intro\n\n${markHeading(1, 'A')}`);
    expect(headingPathAt(late.headings, headingPaths(late.headings), 0)).toEqual([]);
  });
});

describe('chunkDocument', () => {
  const long = mobyDickChapter(1);
  const md = `Preface words.\n\n# Part One\n\n## Loomings\n\n${long}\n\n## The Carpet-Bag\n\nShort section.\n\n# Part Two\n\nLast words.`;

  it('never lets a chunk cross a section, and gives each chunk its heading path', async () => {
    const doc = await parseDocument(utf8(md), 'moby.md');
    const chunks = chunkDocument(doc, { maxChars: 1200, overlapChars: 150 });
    chunks.forEach((c, i) => {
      expect(c.index).toBe(i);
      expect(c.text).toBe(doc.text.slice(c.start, c.end));
      expect(c.text.length).toBeLessThanOrEqual(1200);
    });
    const sectionStarts = (doc.headings ?? []).map((h) => h.start);
    for (const c of chunks) for (const s of sectionStarts) expect(s <= c.start || s >= c.end || s === c.start || doc.text.slice(c.start, s).trim() === 'Part One').toBe(true);
    expect(chunks[0]!.text).toBe('Preface words.');
    expect(chunks[0]!.headingPath).toEqual([]);
    // "Part One" has no text of its own: it opens the Loomings passage, under the deeper path.
    expect(chunks[1]!.text.startsWith('Part One\n\nLoomings')).toBe(true);
    const looming = chunks.filter((c) => c.headingPath?.join('/') === 'Part One/Loomings');
    expect(looming.length).toBeGreaterThan(3);
    expect(looming.map((c) => c.text).join(' ')).toContain('Call me Ishmael');
    const bag = chunks.find((c) => c.text.includes('Short section.'))!;
    expect(bag.headingPath).toEqual(['Part One', 'The Carpet-Bag']);
    expect(bag.text).toBe('The Carpet-Bag\n\nShort section.');
    expect(chunks[chunks.length - 1]!.headingPath).toEqual(['Part Two']);
  });

  it('chunks a document without headings exactly as before', async () => {
    const doc = await parseDocument(utf8(long), 'plain.txt');
    const chunks = chunkDocument(doc, { maxChars: 800, overlapChars: 100 });
    expect(chunks.every((c) => c.headingPath === undefined)).toBe(true);
    expect(chunks.map((c) => [c.start, c.end])).toEqual(
      (await import('../../../electron/worker/ingest/chunk')).chunkText(doc.text, { maxChars: 800, overlapChars: 100 }).map((c) => [c.start, c.end]),
    );
  });
});
