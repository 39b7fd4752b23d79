/**
 * TEMPORAL search, offline. Cognee asks its LLM for the query's time interval and then walks
 * the Event nodes its temporal cognify extracted. Kenning extracts no events, so it reads
 * the interval from the query's own words (years, ISO dates, "March 1969", decades, with
 * before / after / since / between … and / from … to) and keeps the passages that mention a
 * date inside it, in the order of the core's passage search. A query that names no time is
 * answered as a plain passage search (Cognee then falls back to its triplet search).
 */

/** A span of time, in ms since the epoch: [from, to). Open ends are ±Infinity. */
export type Span = Readonly<{ from: number; to: number }>;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ALT = MONTHS.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)})?\\.?`).join('|');

// One pattern for every date form, most specific first; `y` is always a 4-digit year (1000–2999).
const DATE_SRC = [
  String.raw`(?<iy>[12]\d{3})-(?<im>[01]\d)(?:-(?<id>[0-3]\d))?`, // 1969-07 / 1969-07-20
  String.raw`(?<dd>[0-3]?\d)(?:st|nd|rd|th)?\s+(?<dm>${MONTH_ALT})\s+(?<dy>[12]\d{3})`, // 20 July 1969
  String.raw`(?<mm>${MONTH_ALT})\s+(?:(?<md>[0-3]?\d)(?:st|nd|rd|th)?,?\s+)?(?<my>[12]\d{3})`, // July 1969 / July 20, 1969
  String.raw`(?<decade>[12]\d{2}0)s`, // 1960s
  String.raw`(?<year>[12]\d{3})`, // 1969
].join('|');
const DATE_RE = () => new RegExp(String.raw`\b(?:${DATE_SRC})\b`, 'gi');

type Mention = Span & Readonly<{ index: number; length: number }>;

function monthIndex(word: string): number {
  return MONTHS.findIndex((m) => word.toLowerCase().startsWith(m.slice(0, 3)));
}

const utc = (y: number, m = 0, d = 1) => Date.UTC(y, m, d);

/** Every date a text mentions, as the span it covers (a year covers the whole year). */
export function dateMentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(DATE_RE())) {
    const g = m.groups ?? {};
    let span: Span | null = null;
    if (g.iy) {
      const y = Number(g.iy);
      const mo = Number(g.im) - 1;
      if (mo < 0 || mo > 11) continue;
      span = g.id ? { from: utc(y, mo, Number(g.id)), to: utc(y, mo, Number(g.id) + 1) } : { from: utc(y, mo), to: utc(y, mo + 1) };
    } else if (g.dy) {
      const y = Number(g.dy);
      const mo = monthIndex(g.dm!);
      span = { from: utc(y, mo, Number(g.dd)), to: utc(y, mo, Number(g.dd) + 1) };
    } else if (g.my) {
      const y = Number(g.my);
      const mo = monthIndex(g.mm!);
      span = g.md ? { from: utc(y, mo, Number(g.md)), to: utc(y, mo, Number(g.md) + 1) } : { from: utc(y, mo), to: utc(y, mo + 1) };
    } else if (g.decade) {
      span = { from: utc(Number(g.decade)), to: utc(Number(g.decade) + 10) };
    } else if (g.year) {
      span = { from: utc(Number(g.year)), to: utc(Number(g.year) + 1) };
    }
    if (span) out.push({ ...span, index: m.index, length: m[0].length });
  }
  return out;
}

/**
 * The span a query asks about, or null when it names no time. "before X" ends where X starts,
 * "after X" starts where X ends, "since X" starts where X starts; two dates joined by
 * between/and or from/to (or any two dates) cover both; one date covers itself.
 */
export function querySpan(query: string): Span | null {
  const ms = dateMentions(query);
  if (ms.length === 0) return null;
  const first = ms[0]!;
  const before = (m: Mention) => query.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
  if (ms.length === 1) {
    const lead = before(first);
    if (/\b(before|until|till|prior to)\s+(the\s+)?$/.test(lead)) return { from: -Infinity, to: first.from };
    if (/\b(after)\s+(the\s+)?$/.test(lead)) return { from: first.to, to: Infinity };
    if (/\b(since|from)\s+(the\s+)?$/.test(lead)) return { from: first.from, to: Infinity };
    return { from: first.from, to: first.to };
  }
  return { from: Math.min(...ms.map((m) => m.from)), to: Math.max(...ms.map((m) => m.to)) };
}

/** True when `text` mentions a date that overlaps `span`. */
export function mentionsWithin(text: string, span: Span): boolean {
  return dateMentions(text).some((m) => m.from < span.to && m.to > span.from);
}

/**
 * Words for a lexical search that finds passages naming a year of the span: every year of a
 * bounded span (at most 60), or the query's own years for an open or longer one.
 */
export function yearTerms(query: string, span: Span): string[] {
  const fromY = Number.isFinite(span.from) ? new Date(span.from).getUTCFullYear() : null;
  const toY = Number.isFinite(span.to) ? new Date(span.to - 1).getUTCFullYear() : null;
  if (fromY !== null && toY !== null && toY - fromY <= 60) return Array.from({ length: toY - fromY + 1 }, (_, i) => String(fromY + i));
  return [...new Set(dateMentions(query).map((m) => String(new Date(m.from).getUTCFullYear())))];
}
