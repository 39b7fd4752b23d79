import type { Heading } from '../types';
import { markHeading, takeHeadings, withoutHeadingMarks } from './headings';

/**
 * Markdown to readable text. We strip markup minimally, line by line, instead of rendering:
 * cited passages then read like the prose the author wrote ("See the guide" rather than
 * "See the [guide](https://…)"), while code blocks, lists and tables keep their lines.
 */
export function parseMarkdown(markdown: string): { text: string; title?: string; headings: Heading[] } {
  const source = withoutHeadingMarks(markdown);
  const out: string[] = [];
  let inFence = false;
  let title: string | undefined;
  const lines = source.split('\n');
  let start = 0;
  // YAML front matter is metadata, not prose.
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
    if (close > 0) start = close + 1;
  }
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(line);
      continue;
    }
    if (/^\s*(=+|-+)\s*$/.test(line) && out.length > 0 && out[out.length - 1]!.trim() && !out[out.length - 1]!.includes('|')) {
      // Setext heading: the line above was its text (a table's header row has pipes).
      const h = out[out.length - 1]!.trim();
      title ??= h;
      out[out.length - 1] = markHeading(line.trim().startsWith('=') ? 1 : 2, h);
      out.push('');
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) continue; // thematic break
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue; // table separator
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const h = stripInline(heading[2] ?? '');
      title ??= h;
      // A heading has no final period; a blank line after it keeps it out of the next sentence.
      out.push(h ? markHeading(heading[1]!.length, h) : h, '');
      continue;
    }
    out.push(stripInline(line.replace(/^\s{0,3}>\s?/, '')));
  }
  const { text, headings } = takeHeadings(out.join('\n').replace(/\n{3,}/g, '\n\n').trim());
  return title ? { text, title, headings } : { text, headings };
}

function stripInline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images → alt text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // links → label
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // reference links
    .replace(/<\/?[a-zA-Z][^>]*>/g, '') // inline HTML tags
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^*_]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])([*_])(?=\S)([^*_]*?\S)\2(?!\w)/g, '$1$3')
    .replace(/~~(?=\S)(.*?\S)~~/g, '$1');
}
