/**
 * Reads a multipart upload into the core's `files: [{ name, bytes }]` shape without trusting
 * it: per-file size (the core's KENNING_MAX_FILE_BYTES), file count, total size, field sizes
 * and field names are all bounded here, before a byte is held beyond the limit. Every part
 * counts toward the request's total (text fields too: six 44 MB `texts` parts once took the
 * host to 1.5 GB), and every request takes its whole declared body from one budget shared by
 * all uploads in flight (UploadBudget) before parsing, released when the request is done with
 * it. On a problem found while parsing the rest of the body is still read and thrown away, so
 * the client receives our answer instead of a reset connection. (The plugin is registered with `throwFileSizeLimit: false`: `truncated`
 * is checked here, so one large file is reported by name.)
 */
import type { FastifyRequest } from 'fastify';

export type UploadSpec = Readonly<{
  /** The field name file parts must use (`files` over /rpc, `data` for Cognee's /api/v1/add). */
  fileField: string;
  /** Field names accepted as text values; `textField` values are collected as a list. */
  fields: readonly string[];
  textField?: string;
  maxFileBytes: number;
  maxFiles: number;
  maxTotalBytes: number;
}>;

export type Upload = Readonly<{
  files: { name: string; bytes: Uint8Array }[];
  texts: string[];
  /** Last value of each accepted single-valued field; repeated fields keep every value in `lists`. */
  fields: Record<string, string>;
  lists: Record<string, string[]>;
}>;

/**
 * The bytes every upload in flight may hold together (KENNING_MAX_UPLOAD_INFLIGHT_BYTES).
 * Each request takes its body's size from it through a lease before parsing, and gives it back
 * in a `finally` once the core is done with the data.
 */
export class UploadBudget {
  #used = 0;

  constructor(readonly limit: number) {}

  lease(): UploadLease {
    let held = 0;
    return {
      limit: this.limit,
      take: (n) => {
        if (this.#used + n > this.limit) return false;
        this.#used += n;
        held += n;
        return true;
      },
      release: () => {
        this.#used -= held;
        held = 0;
      },
    };
  }

  /** Bytes held by uploads in flight now. */
  get used(): number {
    return this.#used;
  }
}

/** One request's share of the budget. `release` is idempotent. */
export type UploadLease = Readonly<{ limit: number; take(bytes: number): boolean; release(): void }>;

/** A refused upload, naming the field at fault. */
export class UploadError extends Error {
  constructor(
    readonly field: string,
    message: string,
    /** 400 for malformed input, 413 for limits. */
    readonly status: 400 | 413,
  ) {
    super(message);
  }
}

const MAX_FIELD_BYTES = 64 * 1024;

/**
 * Reads the whole upload or throws UploadError. The request must be multipart. Every byte
 * held is taken from `lease`: the caller releases it once the data is no longer needed.
 */
export async function readUpload(req: FastifyRequest, spec: UploadSpec, lease: UploadLease): Promise<Upload> {
  if (!req.isMultipart()) throw new UploadError('(body)', 'expected multipart/form-data', 400);
  const out: Upload = { files: [], texts: [], fields: {}, lists: {} };
  let failure: UploadError | null = null;
  let total = 0;
  const fail = (e: UploadError) => {
    failure ??= e;
  };
  const tooLarge = (field: string) => new UploadError(field, `the upload is larger than the limit of ${spec.maxTotalBytes} bytes in one request (every file and text part counts)`, 413);
  const busy = (field: string) =>
    new UploadError(field, `the host is already receiving as many uploads as it may hold at once (${lease.limit} bytes in flight); try again when they finish`, 413);
  // The whole body is taken from the budget before a byte is parsed. Counting parts as they
  // arrive was not enough: the multipart parser buffers a text part whole before it is seen
  // here, so slow connections each streaming one large text part held memory the budget never
  // counted (red team). The declared Content-Length bounds what the request can carry (Node
  // enforces it); a chunked body may carry up to the per-request cap, so that is what it takes.
  // Refused before parsing, the unread rest of the body is discarded by Node, not buffered.
  const declared = contentLength(req);
  if (declared !== null && declared > spec.maxTotalBytes) throw tooLarge('(body)');
  if (!lease.take(declared ?? spec.maxTotalBytes)) throw busy('(body)');
  /** Counts `n` more bytes of this request; false (with the failure recorded) past the per-request cap. */
  const admit = (field: string, n: number): boolean => {
    total += n;
    if (total > spec.maxTotalBytes) {
      fail(tooLarge(field));
      return false;
    }
    return true;
  };
  const parts = req.parts({
    limits: {
      fileSize: spec.maxFileBytes,
      files: spec.maxFiles,
      fields: 100 + (spec.textField ? 10_000 : 0),
      // A text part is buffered whole before it is seen here: no bigger than the contract's 50 MB or the request cap.
      fieldSize: spec.textField ? Math.min(50_000_000, spec.maxTotalBytes + 1) : MAX_FIELD_BYTES,
      parts: spec.maxFiles + 100 + (spec.textField ? 10_000 : 0),
      fieldNameSize: 200,
    },
  });
  try {
    for await (const part of parts) {
      if (part.type === 'file') {
        const name = part.filename ?? '';
        if (failure || part.fieldname !== spec.fileField) {
          if (!failure) fail(new UploadError(part.fieldname, `unexpected file field "${part.fieldname.slice(0, 100)}": files go in "${spec.fileField}"`, 400));
          await drain(part.file);
          continue;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of part.file as AsyncIterable<Buffer>) {
          if (failure) continue; // keep reading, hold nothing more
          size += chunk.length;
          if (admit(spec.fileField, chunk.length)) chunks.push(chunk);
        }
        if (part.file.truncated) fail(new UploadError(spec.fileField, `${label(name)} is larger than the limit of ${spec.maxFileBytes} bytes`, 413));
        if (!failure) out.files.push({ name, bytes: new Uint8Array(Buffer.concat(chunks, size)) });
        continue;
      }
      if (failure) continue;
      const value = typeof part.value === 'string' ? part.value : String(part.value ?? '');
      if (part.valueTruncated) fail(new UploadError(part.fieldname, `field "${part.fieldname}" is too long`, 413));
      else if (!admit(part.fieldname, Buffer.byteLength(value) + Buffer.byteLength(part.fieldname))) continue; // every part counts
      else if (spec.textField && part.fieldname === spec.textField) out.texts.push(value);
      else if (spec.fields.includes(part.fieldname)) {
        out.fields[part.fieldname] = value;
        (out.lists[part.fieldname] ??= []).push(value);
      } else fail(new UploadError(part.fieldname, `unexpected field "${part.fieldname.slice(0, 100)}"`, 400));
    }
  } catch (e) {
    throw limitError(e, spec) ?? new UploadError('(body)', 'the multipart body is malformed', 400);
  }
  if (failure) throw failure;
  return out;
}

/** The request's declared body length, or null when it has none (chunked) or it is unreadable. */
function contentLength(req: FastifyRequest): number | null {
  const raw = req.headers['content-length'];
  if (raw === undefined || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

function label(name: string): string {
  return name ? `"${name.slice(0, 100)}"` : 'a file';
}

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of stream) void _;
}

function limitError(e: unknown, spec: UploadSpec): UploadError | null {
  const code = (e as { code?: unknown }).code;
  if (code === 'FST_FILES_LIMIT') return new UploadError(spec.fileField, `too many files in one request (limit ${spec.maxFiles})`, 413);
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new UploadError('(body)', 'too many parts in one request', 413);
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new UploadError(spec.fileField, 'a file is larger than the limit', 413);
  return null;
}
