/**
 * /api/v1/ontologies, as cognee/api/v1/ontologies/routers/get_ontology_router.py answers it:
 * upload one OWL file under a key (multipart `ontology_key`, `ontology_file`, `description`),
 * list the caller's (a map key → metadata), delete by key. Each profile sees only its own.
 * Kenning stores and lists ontologies and refuses an unknown `ontology_key` in cognify and
 * remember as Cognee does (409); it does not yet type entities by an ontology.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

import type { Core } from '../../core/core';
import type { HostContext } from '../context';
import { sessionToken } from '../session';
import { readUpload, UploadError } from '../uploads';
import { callCore, v1, V1Failure } from './common';

const MAX_ONTOLOGY_BYTES = 10 * 1024 * 1024;
const fail = (status: number, error: string) => new V1Failure({ status, body: { error } });

export function registerOntologyRoutes(app: FastifyInstance, ctx: HostContext): void {
  const { core } = ctx;

  app.post('/api/v1/ontologies', v1(async (req) => {
    await callCore(core, req, 'auth.me', {}); // 401 before the body is read
    const lease = ctx.uploadBudget.lease();
    try {
      const upload = await readOntologyForm(req, ctx, lease);
      if (upload.files.length !== 1) throw fail(400, 'Only one ontology_file is allowed');
      const key = upload.fields.ontology_key ?? '';
      const description = upload.fields.description;
      if (key.trim().startsWith('[') || key.trim().startsWith('{')) throw fail(400, 'ontology_key must be a string');
      if (description !== undefined && /^\s*[[{]/.test(description)) throw fail(400, 'description must be a string');
      const file = upload.files[0]!;
      const r = await core.call({ token: sessionToken(req) }, 'ontologies.upload', {
        key,
        filename: file.name.split(/[\\/]/).pop() ?? file.name,
        content: Buffer.from(file.bytes).toString('utf8'),
        ...(description !== undefined ? { description } : {}),
      });
      if (!r.ok) {
        if (r.error.code === 'conflict') throw fail(400, 'Ontology key already exists.');
        if (r.error.code === 'invalid_input') throw new V1Failure({ status: 400, body: { error: 'Invalid ontology request.', detail: r.error.message } });
        if (r.error.code === 'unauthenticated') throw new V1Failure({ status: 401, body: { detail: 'Unauthorized' } });
        throw fail(500, 'Ontology upload failed.');
      }
      const o = r.value;
      return { uploaded_ontologies: [{ ontology_key: o.key, filename: o.filename, size_bytes: o.sizeBytes, uploaded_at: o.uploadedAt, description: o.description }] };
    } finally {
      lease.release();
    }
  }));

  app.get('/api/v1/ontologies', v1(async (req) => {
    const out: Record<string, unknown> = {};
    for (const o of await callCore(core, req, 'ontologies.list', {})) {
      out[o.key] = { filename: o.filename, size_bytes: o.sizeBytes, uploaded_at: o.uploadedAt, description: o.description };
    }
    return out;
  }));

  app.delete('/api/v1/ontologies/:key', v1(async (req) => {
    const key = (req.params as { key: string }).key;
    const r = await core.call({ token: sessionToken(req) }, 'ontologies.delete', { key });
    if (!r.ok) {
      if (r.error.code === 'unauthenticated') throw new V1Failure({ status: 401, body: { detail: 'Unauthorized' } });
      throw fail(400, 'Ontology key not found or invalid.');
    }
    return { status: 'success', ontology_key: key };
  }));
}

async function readOntologyForm(req: FastifyRequest, ctx: HostContext, lease: ReturnType<HostContext['uploadBudget']['lease']>) {
  try {
    return await readUpload(req, { fileField: 'ontology_file', fields: ['ontology_key', 'description'], maxFileBytes: MAX_ONTOLOGY_BYTES, maxFiles: 10, maxTotalBytes: Math.min(ctx.maxUploadBytes, MAX_ONTOLOGY_BYTES * 2) }, lease);
  } catch (e) {
    if (!(e instanceof UploadError)) throw e;
    throw new V1Failure({ status: e.status, body: { error: 'Invalid ontology request.', detail: e.message } });
  }
}

/** The first of `keys` the caller has no ontology under, or null when all are known. */
export async function unknownOntologyKeys(core: Core, req: FastifyRequest, keys: readonly string[]): Promise<string | null> {
  if (keys.length === 0) return null;
  const known = new Set((await callCore(core, req, 'ontologies.list', {})).map((o) => o.key));
  return keys.find((k) => !known.has(k)) ?? null;
}
