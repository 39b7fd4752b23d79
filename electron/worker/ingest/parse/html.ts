import { convert } from 'html-to-text';

const headingSelectors = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
  selector,
  // Upper-cased headings read badly when quoted back and confuse proper-noun detection.
  options: { uppercase: false },
}));

const OPTIONS = {
  wordwrap: false as const,
  preserveNewlines: false,
  limits: { maxInputLength: Number.MAX_SAFE_INTEGER },
  selectors: [
    ...headingSelectors,
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'template', format: 'skip' },
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
};

/** Converts HTML to readable text (no scripts or styles, link targets dropped, headings kept as written). */
export function parseHtml(html: string): { text: string; title?: string } {
  const text = convert(html, OPTIONS).replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html.slice(0, 65536));
  const title = m?.[1] ? decodeEntities(m[1]).replace(/\s+/g, ' ').trim() : '';
  return title ? { text, title } : { text };
}

function decodeEntities(s: string): string {
  return convert(s, { wordwrap: false });
}
