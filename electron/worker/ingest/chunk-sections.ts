/**
 * Chunking that respects a document's sections: a passage never runs from one section into the
 * next, and every chunk knows the heading path it sits under. Documents without headings chunk
 * exactly as `chunkText` does.
 */
import { chunkText } from './chunk';
import type { ChunkOptions } from './chunk';
import { headingPaths } from './parse/headings';
import type { Chunk, Heading, ParsedDocument } from './types';

/** Where sections start, and the heading path of each. Headings with no text of their own join the next section. */
function sectionStarts(text: string, headings: readonly Heading[]): Array<{ start: number; path: readonly string[] }> {
  const paths = headingPaths(headings);
  const out: Array<{ start: number; path: readonly string[] }> = [];
  if (headings[0]!.start > 0) out.push({ start: 0, path: [] });
  headings.forEach((h, i) => {
    const prev = out[out.length - 1];
    // Nothing between the previous heading and this one: that section holds only headings
    // ("Backup" directly followed by "Continuous archiving" is one passage, under the deeper path).
    if (prev && i > 0 && text.slice(headings[i - 1]!.end, h.start).trim() === '') {
      prev.path = paths[i]!;
      return;
    }
    out.push({ start: h.start, path: paths[i]! });
  });
  return out;
}

export function chunkDocument(doc: ParsedDocument, options: ChunkOptions = {}): Chunk[] {
  const headings = (doc.headings ?? []).filter((h) => h.start >= 0 && h.end <= doc.text.length);
  if (headings.length === 0) return chunkText(doc.text, options);
  const sections = sectionStarts(doc.text, headings);
  const chunks: Chunk[] = [];
  sections.forEach((s, i) => {
    const end = i + 1 < sections.length ? sections[i + 1]!.start : doc.text.length;
    for (const c of chunkText(doc.text.slice(s.start, end), options)) {
      chunks.push({ index: chunks.length, text: c.text, start: s.start + c.start, end: s.start + c.end, headingPath: s.path });
    }
  });
  return chunks;
}
