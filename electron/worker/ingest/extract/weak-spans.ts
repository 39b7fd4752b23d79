/**
 * Where capitalisation says little about names: heading lines ("Repeated Names Within an Object")
 * and quoted titles of works ("An Applicative Real-Time Language for DSP"), capitalised by
 * convention word by word; and the first word of a line (a list item, a heading). A name seen only
 * in such places is not taken on capitalisation alone. Lookups are binary searches over indexes
 * built once, so a 50 MB text with a million mentions stays linear.
 */
export class WeakSpans {
  /** Quoted title-case spans [start, end), sorted and disjoint. */
  private readonly titles: Array<readonly [number, number]> = [];
  /** Offsets of every '\n', ascending. */
  private readonly newlines: number[] = [];

  constructor(private readonly text: string) {
    const quoted = /["\u201C]([^"\u201D]{8,200})["\u201D]/g; // titles may wrap onto the next line
    for (let q = quoted.exec(text); q; q = quoted.exec(text)) {
      const words = q[1]!.split(/\s+/).filter((w) => /\p{L}/u.test(w));
      const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
      if (words.length >= 3 && caps >= 0.6 * words.length) this.titles.push([q.index, q.index + q[0].length]);
    }
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.newlines.push(i);
  }

  /** Inside a heading line or a quoted title. */
  isWeak(start: number): boolean {
    const k = lastAtOrBefore(this.titles, start, (r) => r[0]);
    if (k >= 0 && start < this.titles[k]![1]) return true;
    return this.inHeadingLine(start);
  }

  /** Only spaces or a bullet before it on its line. */
  isLineInitial(start: number): boolean {
    const [a] = this.lineAt(start);
    return start - a <= 8 && /^\s*([*\u2022-]\s+|\d+\.\s+)?$/u.test(this.text.slice(a, start));
  }

  /** [start, end) of the line holding `offset`. */
  private lineAt(offset: number): [number, number] {
    const k = lastAtOrBefore(this.newlines, offset - 1, (n) => n);
    const a = k >= 0 ? this.newlines[k]! + 1 : 0;
    const b = k + 1 < this.newlines.length ? this.newlines[k + 1]! : this.text.length;
    return [a, b];
  }

  /** A short line standing alone between blank lines (or the text's ends), without a sentence's closing punctuation. */
  private inHeadingLine(start: number): boolean {
    const [a, b] = this.lineAt(start);
    if (b - a > 120) return false;
    const line = this.text.slice(a, b).trim();
    if (!line || line.length > 80 || /[.!?:;,]$/.test(line) || line.split(/\s+/).length > 10) return false;
    const blank = (x: number, y: number): boolean => this.text.slice(x, y).trim() === '';
    const before = a === 0 || (() => {
      const [pa, pb] = this.lineAt(a - 1);
      return blank(pa, pb);
    })();
    const after = b >= this.text.length || (() => {
      const [na, nb] = this.lineAt(b + 1);
      return nb - na > 200 ? false : blank(na, nb);
    })();
    return before && after;
  }
}

/** Index of the last element whose key is ≤ x in an ascending array, or -1. */
function lastAtOrBefore<T>(xs: readonly T[], x: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = xs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(xs[mid]!) <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
