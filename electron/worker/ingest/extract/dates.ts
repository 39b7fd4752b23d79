import { MONTHS } from './lexicon';
import type { Token } from './wink';

/** Words after which a number names a thing, not a year: "RFC 1321", "version 3.6", "ISO 8485". */
const NUMBER_LABELS = new Set(
  `rfc iso ieee ecma fips din ansi pep version release python chapter section page pp no nos number figure table article
  rule item model type class level volume vol part step route highway`.split(/\s+/),
);

const YEAR = /^(1[0-9]|20)\d\d(s|'s)?$/; // 1000–2099, "1890s"
const ISO_DATE = /^(1[0-9]|20)\d\d-\d\d(-\d\d)?$/; // 2014-11-13
const DAY = /^\d{1,2}(st|nd|rd|th)?,?$/;

/**
 * Whether tokens [a, b) read as a calendar date: a year (1000–2099) or an ISO date, a month with
 * a day or a year, or a century. A bare number is a year only when nothing says it is something
 * else: not after a label ("RFC 1321", "version 2047") and not counting a plural noun ("2047
 * bytes", "1332 packages"). A month or weekday alone is not a date.
 */
export function readsAsDate(toks: readonly Token[], a: number, b: number): boolean {
  const words = toks.slice(a, b).filter((t) => t.pos !== 'PUNCT');
  if (words.length === 0) return false;
  const lower = words.map((t) => t.text.toLowerCase());
  if (lower.some((w) => /centur/.test(w)) && lower.some((w) => /^\d|^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)$/.test(w))) return true;
  const month = words.some((t) => MONTHS.has(t.text.toLowerCase()) && !/^\p{Lu}{2,}$/u.test(t.text)); // "DEC" is a company
  const year = words.some((t) => YEAR.test(t.text) || ISO_DATE.test(t.text));
  const day = words.some((t) => DAY.test(t.text));
  if (month) return year || day;
  if (!year) return false;
  if (words.length > 1) return true;
  const before = toks[a - 1];
  if (before && NUMBER_LABELS.has(before.text.toLowerCase().replace(/[.:#]$/, ''))) return false;
  const after = toks[b];
  // A plural noun right after counts it ("2047 bytes"); a singular one is a year's modifier ("the 1964 budget").
  if (after && after.pos === 'NOUN' && /^\p{Ll}/u.test(after.text) && after.text.toLowerCase() !== after.lemma.toLowerCase()) return false;
  return true;
}
