import { INITIALISM_SKIP } from './lexicon';

/** What initialism finding needs of a mention. */
export type Spanned = Readonly<{ name: string; key: string; start: number; end: number }>;

const ABBREVIATION = /^(?=(?:.*\p{Lu}){2})[\p{Lu}][\p{L}\p{N}]{1,9}$/u; // "ASIS", "ALDiSP", "BOM"
/** How far before "(ABBR)" its expansion may start: FOLDOC puts a category tag in between. */
const LOOK_BACK_CHARS = 300;

/** Initial letters of a name's words, skipping small words: "Applicative Language for Digital Signal Processing" → ALDSP. */
export function initialsOf(name: string): string {
  return name
    .split(/[\s\-/]+/)
    .filter((w) => w && !INITIALISM_SKIP.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

const matches = (abbr: string, expansion: string): boolean => {
  const letters = abbr.replace(/[^\p{Lu}]/gu, '');
  return letters.length >= 2 && expansion.includes(' ') && initialsOf(expansion) === letters;
};

/**
 * Initialisms the text defines: "byte order mark (BOM)" and "ASIS (Application Software
 * Installation Server)". Returns pairs of mention indices [abbreviation, expansion]. `mentions`
 * must be in text order.
 */
export function definedInitialisms(text: string, mentions: readonly Spanned[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const inParens = (m: Spanned): boolean => text[m.start - 1] === '(' && text[m.end] === ')';
  mentions.forEach((m, i) => {
    if (!inParens(m)) return;
    if (ABBREVIATION.test(m.name)) {
      for (let k = i - 1; k >= 0 && mentions[k]!.start >= m.start - LOOK_BACK_CHARS; k--) {
        if (matches(m.name, mentions[k]!.name)) {
          out.push([i, k]);
          return;
        }
      }
    } else if (i > 0 && ABBREVIATION.test(mentions[i - 1]!.name) && /^\s*$/.test(text.slice(mentions[i - 1]!.end, m.start - 1))) {
      if (matches(mentions[i - 1]!.name, m.name)) out.push([i - 1, i]);
    }
  });
  return out;
}
