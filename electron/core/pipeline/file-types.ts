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
};


/** The accepted extension and mime type, or a reason the file is refused. */
export function acceptFile(name: string): { ext: string; mime: string } | { reason: string } {
  const ext = extensionOf(name);
  const mime = ACCEPTED[ext];
  if (!mime) {
    const list = 'PDF, DOCX, HTML, Markdown, CSV, JSON, plain text';
    return { reason: ext ? `.${ext} files are not supported (supported: ${list})` : `the file has no extension (supported: ${list})` };
  }
  return { ext, mime };
}
