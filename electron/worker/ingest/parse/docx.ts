import mammoth from 'mammoth';
import type { Heading } from '../types';
import { wrapParserError } from './errors';
import { parseHtml } from './html';
import type { ParseLimits } from './limits';
import { normalizeNewlines } from './text';
import { assertSafeZip } from './zip';

/**
 * Extracts the text of a DOCX with mammoth, through its HTML so Word's heading styles become
 * headings (the chunker keeps sections apart and hits show their heading path). The zip-bomb
 * guard runs first, on the central directory, so a hostile archive is refused before anything
 * is decompressed into memory.
 */
export async function parseDocx(bytes: Uint8Array, fileName: string, limits: ParseLimits): Promise<{ text: string; headings: Heading[] }> {
  assertSafeZip(bytes, fileName, limits);
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const result = await mammoth.convertToHtml({ buffer });
    const { text, headings } = parseHtml(normalizeNewlines(result.value));
    return { text, headings };
  } catch (e) {
    throw wrapParserError(e, `${fileName} is not a readable Word document`);
  }
}
