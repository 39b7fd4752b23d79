import mammoth from 'mammoth';
import { wrapParserError } from './errors';
import type { ParseLimits } from './limits';
import { normalizeNewlines } from './text';
import { assertSafeZip } from './zip';

/**
 * Extracts the raw text of a DOCX with mammoth. The zip-bomb guard runs first, on the central
 * directory, so a hostile archive is refused before anything is decompressed into memory.
 */
export async function parseDocx(bytes: Uint8Array, fileName: string, limits: ParseLimits): Promise<{ text: string }> {
  assertSafeZip(bytes, fileName, limits);
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const result = await mammoth.extractRawText({ buffer });
    // mammoth ends every paragraph with "\n\n"; collapse longer runs left by empty paragraphs.
    const text = normalizeNewlines(result.value).replace(/\n{3,}/g, '\n\n').trim();
    return { text };
  } catch (e) {
    throw wrapParserError(e, `${fileName} is not a readable Word document`);
  }
}
