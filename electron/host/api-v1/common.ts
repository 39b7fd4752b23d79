/**
 * The small toolkit every /api/v1 route uses: parse a Cognee-style input (camelCase, with
 * Cognee's snake_case aliases accepted) into FastAPI-style validation errors, call the core
 * as the request's session, and turn a core failure into Cognee's error shape. Routes stay
 * thin mappings: permissions are decided by the core, never here.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

import type { Output, ProcedureName } from '../../../shared/contract/procedures';
import type { WireError } from '../../../shared/domain/errors';
import type { Core } from '../../core/core';
import { sessionToken } from '../session';
import type { CogneeError, ValidationItem } from './cognee-errors';
import { cogneeError, validationError } from './cognee-errors';

/** Thrown inside a route to answer with a Cognee-shaped error. */
export class V1Failure extends Error {
  constructor(readonly failure: CogneeError) {
    super('v1 failure');
  }
}

/** A core failure as a throwable Cognee-shaped error. */
export function coreFailure(e: WireError, loc: 'body' | 'query' | 'path' = 'body'): V1Failure {
  return new V1Failure(cogneeError(e, loc));
}

/** Calls the core as the request's session; a failure becomes a V1Failure in Cognee's shape. */
export async function callCore<N extends ProcedureName>(core: Core, req: FastifyRequest, name: N, input: unknown, loc: 'body' | 'query' | 'path' = 'body'): Promise<Output<N>> {
  const r = await core.call({ token: sessionToken(req) }, name, input);
  if (!r.ok) throw coreFailure(r.error, loc);
  return r.value as Output<N>;
}

/** Wraps a route handler so a V1Failure becomes its response; anything else reaches the error handler. */
export function v1<R extends FastifyRequest>(handler: (req: R, reply: FastifyReply) => Promise<unknown>) {
  return async (req: R, reply: FastifyReply): Promise<unknown> => {
    try {
      return await handler(req, reply);
    } catch (e) {
      if (e instanceof V1Failure) {
        for (const [k, v] of Object.entries(e.failure.headers ?? {})) reply.header(k, v);
        return reply.code(e.failure.status).send(e.failure.body);
      }
      throw e;
    }
  };
}

/** Cognee's DTOs accept snake_case too (pydantic populate_by_name): `dataset_ids` → `datasetIds`. */
export function camelKeys(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const camel = k.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
    if (!(camel in out) || camel === k) out[camel] = v;
  }
  return out;
}

/** Parses `raw` or throws a V1Failure listing every bad field as FastAPI would. */
export function parse<S extends z.ZodType>(schema: S, raw: unknown, where: 'body' | 'query' | 'path'): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const items: ValidationItem[] = r.error.issues.slice(0, 20).map((i) => {
    const missing = i.path.length > 0 && valueAt(raw, i.path) === undefined;
    return {
      type: missing ? 'missing' : i.code === 'invalid_format' ? `${(i as { format?: string }).format ?? 'string'}_parsing` : i.code,
      loc: [where, ...i.path.map((p) => (typeof p === 'number' ? p : String(p)))],
      msg: missing ? 'Field required' : i.message,
    };
  });
  throw new V1Failure(validationError(items));
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** A query value that may be repeated (`?dataset=a&dataset=b`) as a list. */
export function queryList(v: unknown): string[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}
