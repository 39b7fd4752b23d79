/**
 * Facts (INSIGHTS / TRIPLET hits) as sentences a person reads, not `a co_occurs_with b`. Pure.
 * Relation names come from the extractor (verb phrases such as "discovered", "works_at") or
 * the LLM; underscores become spaces, and the few fixed names get words of their own.
 */

/** Relation names whose plain words would read wrongly. */
const PHRASES: Readonly<Record<string, string>> = {
  co_occurs_with: 'is mentioned together with',
  is_a: 'is a',
  is_part_of: 'is part of',
  made_from: 'is made from',
};

/** "works_at" → "works at"; "co_occurs_with" → "is mentioned together with". */
export function relationPhrase(relation: string): string {
  const key = relation.trim().toLowerCase();
  if (PHRASES[key]) return PHRASES[key]!;
  const words = key.replace(/[_\s]+/g, ' ').trim();
  return words === '' ? 'is related to' : words;
}

export type FactParts = Readonly<{ source: string; phrase: string; target: string }>;

export function factParts(t: Readonly<{ source: { name: string }; relation: string; target: { name: string } }>): FactParts {
  return { source: t.source.name.trim(), phrase: relationPhrase(t.relation), target: t.target.name.trim() };
}

/** "Marie Curie discovered radium." — the subject as written, a final period unless one is there. */
export function factSentence(t: Readonly<{ source: { name: string }; relation: string; target: { name: string } }>): string {
  const p = factParts(t);
  const s = `${p.source} ${p.phrase} ${p.target}`;
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/**
 * The part of an evidence passage that shows the fact: about `max` characters around the first
 * mention of either name (a passage is often a whole page), cut at spaces, with "…" where cut.
 * Without a mention, the passage's start.
 */
export function evidenceExcerpt(passage: string, names: readonly string[], max = 320): string {
  const text = passage.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const lower = text.toLowerCase();
  const hits = names.map((n) => lower.indexOf(n.trim().toLowerCase())).filter((i) => i >= 0);
  const at = hits.length > 0 ? Math.min(...hits) : 0;
  let start = Math.max(0, Math.min(at - Math.floor(max / 3), text.length - max));
  let end = Math.min(text.length, start + max);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start; // never open on half a word
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
