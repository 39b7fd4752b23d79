import { convert } from 'html-to-text';
import type { FormatCallback } from 'html-to-text';

import type { Heading } from '../types';
import { markHeading, takeHeadings, withoutHeadingMarks } from './headings';

/**
 * Headings as written (upper-cased ones read badly when quoted back and confuse proper-noun
 * detection), each marked so the chunker knows the section a passage belongs to.
 */
const formatMarkedHeading: FormatCallback = (elem, walk, builder, formatOptions) => {
  const level = Number(/^h([1-6])$/i.exec(elem.name ?? '')?.[1] ?? 6);
  builder.openBlock({ leadingLineBreaks: formatOptions.leadingLineBreaks || 2 });
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: formatOptions.trailingLineBreaks || 2, blockTransform: (str) => (str.trim() ? markHeading(level, str) : str) });
};

const headingSelectors = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, format: 'markedHeading' }));

const OPTIONS = {
  wordwrap: false as const,
  preserveNewlines: false,
  limits: { maxInputLength: Number.MAX_SAFE_INTEGER },
  formatters: { markedHeading: formatMarkedHeading },
  selectors: [
    ...headingSelectors,
    // Sphinx and similar generators end every heading with a "¶" permalink.
    { selector: 'a.headerlink', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'template', format: 'skip' },
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
};

/** Converts HTML to readable text (no scripts or styles, link targets dropped, headings kept as written and recorded). */
export function parseHtml(html: string): { text: string; title?: string; headings: Heading[] } {
  const marked = convert(withoutHeadingMarks(html), OPTIONS).replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  const { text, headings } = takeHeadings(marked);
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html.slice(0, 65536));
  const title = m?.[1] ? decodeEntities(m[1]).replace(/\s+/g, ' ').trim() : '';
  return title ? { text, title, headings } : { text, headings };
}

function decodeEntities(s: string): string {
  return convert(s, { wordwrap: false });
}
