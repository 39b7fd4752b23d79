import { inflateRawSync } from 'node:zlib';
import { invalidInput } from './errors';
import type { ParseLimits } from './limits';

/** One file inside a ZIP archive, as its central directory declares it. */
export type ZipEntry = Readonly<{
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}>;

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
/** Below this size an entry's ratio is not checked: small, very repetitive XML is normal. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

/** True when the bytes start like a ZIP archive (local file header or an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/**
 * Reads the central directory without decompressing anything. Throws invalid_input when the
 * archive is truncated, uses ZIP64 (never needed for a real DOCX), or is inconsistent.
 */
export function readZipDirectory(bytes: Uint8Array, fileName: string, maxEntries = 10_000): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw invalidInput(`${fileName} is a damaged ZIP container (no central directory found)`);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw invalidInput(`${fileName} is a ZIP64 archive, which is not supported for documents`);
  }
  if (count > maxEntries) throw invalidInput(`${fileName} contains ${count} archive entries (limit ${maxEntries})`);
  if (cdOffset + cdSize > eocd) throw invalidInput(`${fileName} is a damaged ZIP container (central directory out of bounds)`);

  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CDH_SIG) {
      throw invalidInput(`${fileName} is a damaged ZIP container (bad central directory entry ${n})`);
    }
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localHeaderOffset = view.getUint32(p + 42, true);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      throw invalidInput(`${fileName} is a ZIP64 archive, which is not supported for documents`);
    }
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Zip-bomb guard, run before any library decompresses the archive: checks the declared sizes
 * and ratios, then inflates each XML part with an output cap equal to its declared size, so an
 * archive that lies about its sizes is caught after at most that many bytes.
 */
export function assertSafeZip(bytes: Uint8Array, fileName: string, limits: ParseLimits): ZipEntry[] {
  const entries = readZipDirectory(bytes, fileName, limits.maxZipEntries);
  let total = 0;
  let totalCompressed = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    totalCompressed += e.compressedSize;
    if (total > limits.maxUncompressedBytes) {
      throw invalidInput(
        `${fileName} would expand to more than ${Math.round(limits.maxUncompressedBytes / 1048576)} MB when decompressed (possible zip bomb)`,
      );
    }
    if (e.uncompressedSize > RATIO_FLOOR_BYTES && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxCompressionRatio) {
      throw invalidInput(
        `${fileName} has a part (${e.name}) compressed more than ${limits.maxCompressionRatio}:1 (possible zip bomb)`,
      );
    }
  }
  if (total > RATIO_FLOOR_BYTES && total / Math.max(1, totalCompressed) > limits.maxCompressionRatio) {
    throw invalidInput(`${fileName} is compressed more than ${limits.maxCompressionRatio}:1 overall (possible zip bomb)`);
  }
  for (const e of entries) {
    if (/\.(xml|rels)$/i.test(e.name)) verifyEntrySize(bytes, e, fileName);
  }
  return entries;
}

/** Inflates one entry with maxOutputLength = its declared size; a liar overflows and is refused. */
function verifyEntrySize(bytes: Uint8Array, e: ZipEntry, fileName: string): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = e.localHeaderOffset;
  if (h + 30 > bytes.length || view.getUint32(h, true) !== LFH_SIG) {
    throw invalidInput(`${fileName} is a damaged ZIP container (bad local header for ${e.name})`);
  }
  const dataStart = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  const dataEnd = dataStart + e.compressedSize;
  if (dataEnd > bytes.length) throw invalidInput(`${fileName} is truncated (${e.name} runs past the end of the file)`);
  if (e.method === 0) {
    if (e.compressedSize !== e.uncompressedSize) throw invalidInput(`${fileName} is a damaged ZIP container (size mismatch in ${e.name})`);
    return;
  }
  if (e.method !== 8) throw invalidInput(`${fileName} uses an unsupported ZIP compression method (${e.method}) for ${e.name}`);
  let out: Buffer;
  try {
    // +1 so that "exactly the declared size" passes and anything larger throws a RangeError.
    out = inflateRawSync(bytes.subarray(dataStart, dataEnd), { maxOutputLength: e.uncompressedSize + 1 });
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw invalidInput(`${fileName} declares ${e.name} smaller than it really is (possible zip bomb)`);
    }
    throw invalidInput(`${fileName} is a damaged ZIP container (${e.name} does not decompress)`);
  }
  if (out.length > e.uncompressedSize) {
    throw invalidInput(`${fileName} declares ${e.name} smaller than it really is (possible zip bomb)`);
  }
  if (out.length < e.uncompressedSize) throw invalidInput(`${fileName} is a damaged ZIP container (${e.name} is truncated)`);
}
