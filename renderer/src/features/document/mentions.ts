/** A stretch of a passage, marked when it is a mention of the entity the passage was opened for. */
export type Piece = Readonly<{ text: string; mention: boolean }>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits a passage around the whole-word, case-insensitive mentions of `name` (entity names are
 * stored normalised, so "moby dick" must find "Moby Dick"; whitespace inside the name may be any
 * run of spaces or a line break). A name that does not occur leaves one unmarked piece: the
 * passage itself is still highlighted, so the person is never shown nothing.
 */
export function splitMentions(passage: string, name: string | undefined): Piece[] {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [{ text: passage, mention: false }];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escape).join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
  const pieces: Piece[] = [];
  let at = 0;
  for (const m of passage.matchAll(re)) {
    if (m.index > at) pieces.push({ text: passage.slice(at, m.index), mention: false });
    pieces.push({ text: m[0], mention: true });
    at = m.index + m[0].length;
  }
  if (at < passage.length || pieces.length === 0) pieces.push({ text: passage.slice(at), mention: false });
  return pieces;
}
