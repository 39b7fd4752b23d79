import { extractText, getDocumentProxy } from 'unpdf';
import { wrapParserError } from './errors';

/**
 * Extracts the text layer of a PDF with unpdf (pdf.js). Pages are joined by a blank line so the
 * chunker treats a page break as a paragraph break. Scanned PDFs without a text layer yield "".
 */
export async function parsePdf(bytes: Uint8Array, fileName: string): Promise<{ text: string; title?: string }> {
  try {
    // pdf.js transfers (detaches) the buffer it is given, so hand it a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, verbosity: 0 });
    try {
      const { text } = await extractText(pdf, { mergePages: false });
      const pages = text.map((p) => p.replace(/[ \t]+\n/g, '\n').trim()).filter((p) => p.length > 0);
      const title = await readTitle(pdf);
      return title ? { text: pages.join('\n\n'), title } : { text: pages.join('\n\n') };
    } finally {
      await pdf.destroy();
    }
  } catch (e) {
    throw wrapParserError(e, `${fileName} is not a readable PDF`);
  }
}

async function readTitle(pdf: Awaited<ReturnType<typeof getDocumentProxy>>): Promise<string | undefined> {
  try {
    const meta = await pdf.getMetadata();
    const title = (meta.info as { Title?: unknown } | undefined)?.Title;
    return typeof title === 'string' && title.trim() ? title.trim() : undefined;
  } catch {
    return undefined; // metadata is optional; a broken info dictionary must not fail the parse
  }
}
