import type { Heading, ParsedDocument } from '../types';
import { classifyDocument } from '../classify';
import { parseCsv } from './csv';
import { parseDocx } from './docx';
import { invalidInput, wrapParserError } from './errors';
import { parseHtml } from './html';
import { parseJson } from './json';
import { resolveLimits, type ParseLimits } from './limits';
import { parseMarkdown } from './markdown';
import { parsePdf } from './pdf';
import { parseText } from './text';

export type { ParseLimits } from './limits';
export { DEFAULT_PARSE_LIMITS } from './limits';

/**
 * Classifies and parses one raw file into text. Every failure is AppError('invalid_input')
 * with a message that names the file and the problem; nothing untyped escapes.
 */
/**
 * NUL characters (PDFs and binary-ish text carry them) never reach the stores: Kùzu 0.11.3
 * accepts "a" and "a\u0000b" as two primary keys and then cannot reopen the file (a duplicate
 * key or a crash on open), so one stray NUL in an entity name made a whole dataset unreadable.
 */
function withoutNul(s: string): string {
  return s.includes('\u0000') ? s.replaceAll('\u0000', ' ') : s;
}

export async function parseDocument(bytes: Uint8Array, fileName: string, limits?: Partial<ParseLimits>): Promise<ParsedDocument> {
  const lim = resolveLimits(limits);
  if (bytes.length > lim.maxInputBytes) {
    throw invalidInput(`${fileName} is too large (${bytes.length} bytes; limit ${lim.maxInputBytes})`);
  }
  try {
    const format = classifyDocument(bytes, fileName);
    let parsed: { text: string; title?: string; headings?: readonly Heading[] };
    switch (format) {
      case 'pdf':
        parsed = await parsePdf(bytes, fileName);
        break;
      case 'docx':
        parsed = await parseDocx(bytes, fileName, lim);
        break;
      case 'html':
        parsed = parseHtml(parseText(bytes, fileName));
        break;
      case 'markdown':
        parsed = parseMarkdown(parseText(bytes, fileName));
        break;
      case 'csv':
        parsed = parseCsv(parseText(bytes, fileName), fileName);
        break;
      case 'json':
        parsed = parseJson(parseText(bytes, fileName), fileName);
        break;
      case 'text':
        parsed = { text: parseText(bytes, fileName).replace(/^\uFEFF/, '') };
        break;
    }
    parsed = {
      ...parsed,
      text: withoutNul(parsed.text),
      ...(parsed.title ? { title: withoutNul(parsed.title) } : {}),
      ...(parsed.headings?.length ? { headings: parsed.headings.map((h) => ({ ...h, text: withoutNul(h.text) })) } : {}),
    };
    if (parsed.text.trim().length === 0) {
      const hint = format === 'pdf' ? ' (a scanned PDF without a text layer?)' : '';
      throw invalidInput(`${fileName} contains no text${hint}`);
    }
    return {
      text: parsed.text,
      format,
      ...(parsed.title ? { title: parsed.title } : {}),
      ...(parsed.headings?.length ? { headings: parsed.headings } : {}),
    };
  } catch (e) {
    throw wrapParserError(e, `${fileName} could not be parsed`);
  }
}
