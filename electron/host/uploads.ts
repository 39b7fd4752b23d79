/**
 * Reads a multipart upload into the core's `files: [{ name, bytes }]` shape without trusting
 * it: per-file size (the core's KENNING_MAX_FILE_BYTES), file count, total size, field sizes
 * and field names are all bounded here, before a byte is held beyond the limit. On a problem
 * the rest of the body is still read and thrown away, so the client receives our answer
 * instead of a reset connection. (The plugin is registered with `throwFileSizeLimit: false`:
 * `truncated` is checked here, so one large file is reported by name.)
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

/** Reads the whole upload or throws UploadError. The request must be multipart. */
export async function readUpload(req: FastifyRequest, spec: UploadSpec): Promise<Upload> {
  if (!req.isMultipart()) throw new UploadError('(body)', 'expected multipart/form-data', 400);
  const out: Upload = { files: [], texts: [], fields: {}, lists: {} };
  let failure: UploadError | null = null;
  let total = 0;
  const fail = (e: UploadError) => {
    failure ??= e;
  };
  const parts = req.parts({
    limits: {
      fileSize: spec.maxFileBytes,
      files: spec.maxFiles,
      fields: 100 + (spec.textField ? 10_000 : 0),
      fieldSize: spec.textField ? 50_000_000 : MAX_FIELD_BYTES,
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
          size += chunk.length;
          total += chunk.length;
          if (total > spec.maxTotalBytes) continue; // keep reading, hold nothing more
          chunks.push(chunk);
        }
        if (part.file.truncated) fail(new UploadError(spec.fileField, `${label(name)} is larger than the limit of ${spec.maxFileBytes} bytes`, 413));
        else if (total > spec.maxTotalBytes) fail(new UploadError(spec.fileField, `the upload is larger than the limit of ${spec.maxTotalBytes} bytes in one request`, 413));
        else out.files.push({ name, bytes: new Uint8Array(Buffer.concat(chunks, size)) });
        continue;
      }
      if (failure) continue;
      const value = typeof part.value === 'string' ? part.value : String(part.value ?? '');
      if (part.valueTruncated) fail(new UploadError(part.fieldname, `field "${part.fieldname}" is too long`, 413));
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
