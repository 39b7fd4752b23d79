import { extensionOf } from '../../../shared/file-names';

/**
 * The formats `add` accepts, by extension. Content is checked again (magic numbers, UTF-8)
 * when cognify parses it; here a wrong extension is refused early with a clear reason.
 */
export const ACCEPTED: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  htm: 'text/html',
  md: 'text/markdown',
  markdown: 'text/markdown',
  csv: 'text/csv',
  json: 'application/json',
  txt: 'text/plain',
  text: 'text/plain',
  // Images are stored and listed; no OCR engine ships with Kenning, so no text comes out of them.
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/** The status note of a stored image: cognify extracts nothing from it. */
export const IMAGE_NOTE = 'Stored, no text extracted: no OCR engine is installed';

export function isImage(mime: string): boolean {
  return mime.startsWith('image/');
}

/** Whether the bytes are what the image's extension says (PNG signature, JPEG start-of-image marker). */
export function imageBytesMatch(mime: string, bytes: Uint8Array): boolean {
  if (mime === 'image/png') return [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b);
  if (mime === 'image/jpeg') return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  return false;
}


/** The accepted extension and mime type, or a reason the file is refused. */
export function acceptFile(name: string): { ext: string; mime: string } | { reason: string } {
  const ext = extensionOf(name);
  const mime = ACCEPTED[ext];
  if (!mime) {
    const list = 'PDF, DOCX, HTML, Markdown, CSV, JSON, plain text, PNG and JPEG images (stored without text)';
    return { reason: ext ? `.${ext} files are not supported (supported: ${list})` : `the file has no extension (supported: ${list})` };
  }
  return { ext, mime };
}
