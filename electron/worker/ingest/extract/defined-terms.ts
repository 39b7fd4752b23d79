/**
 * Terms a glossary or definition list defines: a block of one to three short lines at the left
 * margin, after a blank line (or the start), followed by a blank line and an indented paragraph:
 *
 *     feep
 *     breedle
 *
 *        /feep/ 1.  The soft electronic "bell" sound of a display ...
 *
 * The first line is the term; the other lines of the block are its other names. This is the
 * layout of dictd glossaries (FOLDOC, the Jargon File), man-page option lists and many plain-text
 * references. A heading followed by an unindented paragraph is not a definition.
 */
export type DefinedTerm = Readonly<{ start: number; end: number; text: string; /** Index of the block's first term when this line is another name for it. */ aliasOf?: number }>;

const MAX_LINES = 3;
const MAX_WORDS = 7;
const MAX_CHARS = 70;

export function definedTerms(text: string): DefinedTerm[] {
  const out: DefinedTerm[] = [];
  const lines: Array<{ start: number; end: number; text: string }> = [];
  for (let at = 0; at <= text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    lines.push({ start: at, end, text: text.slice(at, end) });
    if (nl < 0) break;
    at = nl + 1;
  }
  const blank = (i: number): boolean => i < 0 || i >= lines.length || lines[i]!.text.trim() === '';
  const isTerm = (l: string): boolean =>
    l.length > 0 && l.length <= MAX_CHARS && !/^\s/.test(l) && !/[.,;:!?]$/.test(l.trimEnd()) && l.trim().split(/\s+/).length <= MAX_WORDS && /\p{L}/u.test(l);
  for (let i = 0; i < lines.length; i++) {
    if (!blank(i - 1) || !isTerm(lines[i]!.text)) continue;
    let j = i;
    while (j + 1 < lines.length && j + 1 - i < MAX_LINES && isTerm(lines[j + 1]!.text)) j++;
    // The block must be followed by a blank line and an indented, non-empty paragraph.
    if (!blank(j + 1) || j + 2 >= lines.length || !/^\s{2,}\S/.test(lines[j + 2]!.text)) continue;
    const head = out.length;
    for (let k = i; k <= j; k++) {
      const l = lines[k]!;
      const trimmed = l.text.trimEnd();
      out.push({ start: l.start, end: l.start + trimmed.length, text: trimmed, ...(k > i ? { aliasOf: head } : {}) });
    }
    i = j;
  }
  return out;
}
