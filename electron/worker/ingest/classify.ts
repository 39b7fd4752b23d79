import { isUtf8 } from 'node:buffer';

import { extensionOf } from '../../../shared/file-names';
import { invalidInput } from './parse/errors';
import { looksLikeZip, readZipDirectory } from './parse/zip';

/** Formats the parsers understand. */
export const DOCUMENT_FORMATS = ['pdf', 'docx', 'html', 'markdown', 'csv', 'json', 'text'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** `weak` signatures are short enough to begin real text, so they only name data that is not text. */
type Signature = Readonly<{ at: number; bytes: readonly number[]; what: string; weak?: boolean }>;

/** Binary formats we recognise only to refuse them with a message that names them. */
const BINARY_SIGNATURES: readonly Signature[] = [
  { at: 0, bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { at: 0, bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { at: 0, bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { at: 8, bytes: [0x57, 0x45, 0x42, 0x50], what: 'a WebP image' },
  { at: 0, bytes: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { at: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { at: 0, bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'an ELF executable' },
  { at: 0, bytes: [0x4d, 0x5a], what: 'a Windows executable', weak: true },
  { at: 0, bytes: [0xcf, 0xfa, 0xed, 0xfe], what: 'a Mach-O executable' },
  { at: 0, bytes: [0xce, 0xfa, 0xed, 0xfe], what: 'a Mach-O executable' },
  { at: 0, bytes: [0xca, 0xfe, 0xba, 0xbe], what: 'a Mach-O or Java class binary' },
  { at: 0, bytes: [0x00, 0x61, 0x73, 0x6d], what: 'a WebAssembly module' },
  { at: 0, bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { at: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { at: 0, bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: 'a RAR archive' },
  { at: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'an xz archive' },
  { at: 0, bytes: [0x42, 0x5a, 0x68], what: 'a bzip2 archive', weak: true },
  { at: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'a legacy Office (.doc/.xls/.ppt) file; save it as .docx' },
  { at: 0, bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], what: 'an SQLite database' },
  { at: 0, bytes: [0x49, 0x44, 0x33], what: 'an MP3 audio file', weak: true },
  { at: 4, bytes: [0x66, 0x74, 0x79, 0x70], what: 'an MP4/QuickTime media file' },
  { at: 0, bytes: [0x4f, 0x67, 0x67, 0x53], what: 'an Ogg media file' },
  { at: 0, bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document; save it as .docx or text' },
];

/** Extensions that are never documents, refused even if the bytes happen to be text. */
const REFUSED_EXTENSIONS: Readonly<Record<string, string>> = {
  png: 'image', jpg: 'image', jpeg: 'image', gif: 'image', webp: 'image', bmp: 'image', tif: 'image', tiff: 'image', ico: 'image', heic: 'image',
  exe: 'executable', dll: 'executable', so: 'shared library', dylib: 'shared library', bin: 'binary', class: 'binary', wasm: 'binary',
  zip: 'archive', gz: 'archive', tgz: 'archive', tar: 'archive', '7z': 'archive', rar: 'archive', xz: 'archive', bz2: 'archive',
  mp3: 'audio', wav: 'audio', flac: 'audio', ogg: 'audio', mp4: 'video', mov: 'video', avi: 'video', mkv: 'video',
  doc: 'legacy Office', xls: 'spreadsheet', xlsx: 'spreadsheet', ppt: 'presentation', pptx: 'presentation', odt: 'OpenDocument',
  sqlite: 'database', db: 'database',
};

const TEXT_EXTENSIONS: Readonly<Record<string, DocumentFormat>> = {
  html: 'html', htm: 'html', xhtml: 'html',
  md: 'markdown', markdown: 'markdown', mdown: 'markdown', mkd: 'markdown',
  csv: 'csv', tsv: 'csv',
  json: 'json',
  txt: 'text', text: 'text', log: 'text',
};

function matches(bytes: Uint8Array, sig: Signature): boolean {
  if (bytes.length < sig.at + sig.bytes.length) return false;
  for (let i = 0; i < sig.bytes.length; i++) if (bytes[sig.at + i] !== sig.bytes[i]) return false;
  return true;
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  // The spec allows junk before the header; readers look in the first 1 KB.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024));
  return head.indexOf('%PDF-') >= 0;
}

/**
 * Decides a file's format from its extension and its bytes (magic numbers win over the name).
 * Refuses empty files, binaries, archives that are not DOCX, and text that is not valid UTF-8,
 * each with AppError('invalid_input') naming the problem.
 */
export function classifyDocument(bytes: Uint8Array, fileName: string): DocumentFormat {
  if (bytes.length === 0) throw invalidInput(`${fileName} is empty (0 bytes)`);
  const ext = extensionOf(fileName);

  if (hasPdfHeader(bytes)) return 'pdf';
  if (looksLikeZip(bytes)) return classifyZip(bytes, fileName);
  if (ext === 'pdf') throw invalidInput(`${fileName} is named .pdf but is not a PDF (no %PDF header)`);
  if (ext === 'docx') throw invalidInput(`${fileName} is named .docx but is not a Word document (not a ZIP container)`);

  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  for (const sig of BINARY_SIGNATURES) {
    if (!sig.weak && !utf16 && matches(bytes, sig)) throw invalidInput(`${fileName} is ${sig.what}, not a supported document`);
  }
  if (!utf16) {
    const hasNul = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0) >= 0;
    const valid = !hasNul && isUtf8(bytes);
    if (!valid) {
      const weak = BINARY_SIGNATURES.find((sig) => sig.weak && matches(bytes, sig));
      if (weak) throw invalidInput(`${fileName} is ${weak.what}, not a supported document`);
    }
    if (hasNul) throw invalidInput(`${fileName} looks like binary data (it contains NUL bytes), not a text document`);
    if (!valid) throw invalidInput(`${fileName} is not valid UTF-8 text; re-save it as UTF-8`);
  }
  const refused = REFUSED_EXTENSIONS[ext];
  if (refused) throw invalidInput(`${fileName} has a .${ext} extension (${refused}), which is not a supported document type`);
  return TEXT_EXTENSIONS[ext] ?? sniffTextFormat(bytes);
}

function classifyZip(bytes: Uint8Array, fileName: string): DocumentFormat {
  const names = new Set(readZipDirectory(bytes, fileName).map((e) => e.name));
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('xl/workbook.xml')) throw invalidInput(`${fileName} is an Excel spreadsheet, which is not supported; export it as CSV`);
  if (names.has('ppt/presentation.xml')) throw invalidInput(`${fileName} is a PowerPoint presentation, which is not supported`);
  if (names.has('mimetype') && names.has('content.xml')) throw invalidInput(`${fileName} is an OpenDocument file, which is not supported; save it as .docx`);
  throw invalidInput(`${fileName} is a ZIP archive that is not a Word document (no word/document.xml)`);
}

/** For text with an unknown extension: look at the first characters. */
function sniffTextFormat(bytes: Uint8Array): DocumentFormat {
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  if (head.startsWith('{') || head.startsWith('[')) {
    try {
      JSON.parse(new TextDecoder().decode(bytes));
      return 'json';
    } catch {
      return 'text';
    }
  }
  return 'text';
}
