/**
 * Headings of a parsed document, found where the parser met them. Parsers mark each heading in
 * their output with two control characters (`markHeading`), then normalise whitespace as they
 * always did; `takeHeadings` removes the marks last, so the recorded offsets are offsets into
 * the final text whatever the normalisation moved.
 */
import type { Heading } from '../types';

const OPEN = '\u0001';
const CLOSE = '\u0002';

/** The two marker characters must not come from the source itself. */
export function withoutHeadingMarks(s: string): string {
  return s.includes(OPEN) || s.includes(CLOSE) ? s.replaceAll(OPEN, '').replaceAll(CLOSE, '') : s;
}

/** `text` as heading of `level` (1–6), marked for `takeHeadings`. */
export function markHeading(level: number, text: string): string {
  return `${OPEN}${String.fromCharCode(48 + Math.min(6, Math.max(1, level)))}${text}${CLOSE}`;
}

/** Removes the marks and returns the headings with offsets into the unmarked text. */
export function takeHeadings(marked: string): { text: string; headings: Heading[] } {
  if (!marked.includes(OPEN)) return { text: marked, headings: [] };
  const headings: Heading[] = [];
  let out = '';
  let from = 0;
  for (;;) {
    const open = marked.indexOf(OPEN, from);
    if (open < 0) break;
    const close = marked.indexOf(CLOSE, open);
    if (close < 0) break;
    out += marked.slice(from, open);
    const level = marked.charCodeAt(open + 1) - 48;
    const raw = marked.slice(open + 2, close);
    // Whitespace normalisation may have pulled a line break inside the marks: keep the text as is,
    // name the heading by its words.
    const start = out.length + (raw.length - raw.trimStart().length);
    out += raw;
    const name = raw.replace(/\s+/g, ' ').trim();
    if (name && level >= 1 && level <= 6) headings.push({ level, text: name, start, end: start + raw.trim().length });
    from = close + 1;
  }
  out += marked.slice(from);
  // A mark left without its pair (it cannot happen with markHeading, but never leak one).
  return { text: withoutHeadingMarks(out), headings };
}

/**
 * The heading path at each heading: the titles of the enclosing sections, outermost first
 * ("Backup › Continuous archiving › Recovering"). A deeper level nests; an equal or shallower one
 * closes the sections it ends.
 */
export function headingPaths(headings: readonly Heading[]): string[][] {
  const stack: Heading[] = [];
  return headings.map((h) => {
    while (stack.length > 0 && stack[stack.length - 1]!.level >= h.level) stack.pop();
    stack.push(h);
    return stack.map((s) => s.text);
  });
}

/** The heading path in force at `offset`: that of the last heading starting at or before it. */
export function headingPathAt(headings: readonly Heading[], paths: readonly (readonly string[])[], offset: number): readonly string[] {
  let lo = 0;
  let hi = headings.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? [] : paths[found]!;
}
