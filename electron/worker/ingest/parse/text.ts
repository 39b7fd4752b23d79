import { invalidInput } from './errors';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes text bytes. UTF-8 must be valid: silently replacing bad bytes would put U+FFFD into
 * cited passages and hide that the file is in another encoding, so we refuse instead and say where.
 * UTF-16 with a byte-order mark is accepted (Windows tools still write it).
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    try {
      return new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
    } catch {
      throw invalidInput(`${fileName} has a UTF-16 byte-order mark but is not valid UTF-16 text`);
    }
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8Byte(bytes);
    const where = at >= 0 ? ` (invalid byte at offset ${at})` : '';
    throw invalidInput(`${fileName} is not valid UTF-8 text${where}; re-save it as UTF-8`);
  }
}

/** Normalises line endings so offsets do not depend on the editor that wrote the file. */
export function normalizeNewlines(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

/** Plain text: decoded, line endings normalised, otherwise untouched. */
export function parseText(bytes: Uint8Array, fileName: string): string {
  return normalizeNewlines(decodeText(bytes, fileName));
}

/** Offset of the first byte that breaks UTF-8 (only computed on failure, for the message). */
export function firstInvalidUtf8Byte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n = 0;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) n = 2;
    else if (c >= 0xf0 && c <= 0xf4) n = 3;
    else return i;
    if (i + n >= b.length && n > 0) return i;
    for (let k = 1; k <= n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}
