/**
 * The dispatcher: (session, procedure, raw input) → Reply. The single place where input is
 * validated, the caller authenticated and dataset permissions checked, before any handler,
 * database or worker call. It never throws: every failure becomes a coded WireError.
 */
import { procedures, isProcedureName } from '../../shared/contract/procedures';
import type { Output, ProcedureName } from '../../shared/contract/procedures';
import { parseInput } from '../../shared/contract/validate';
import { AppError, toWire } from '../../shared/domain/errors';
import type { Reply } from '../../shared/domain/errors';
import { isPermission } from '../../shared/domain/permissions';
import type { Caller } from './access/caller';
import { callerFor } from './access/caller';
import { authorizedDatasets, denied, requireDataset, requireDatasets, resolveDatasetRef } from './access/dataset-gate';
import type { AuthorizedDataset } from './access/dataset-gate';
import { classifySqliteError } from './store/db';
import { handlers } from './handlers';
import type { CallContext } from './handlers/types';
import type { Services } from './services';

export type Session = Readonly<{ token: string | null }>;

export async function dispatch<N extends ProcedureName>(services: Services, session: Session, name: N | string, raw: unknown): Promise<Reply<Output<N>>> {
  try {
    if (!isProcedureName(name)) throw new AppError('invalid_input', `Unknown procedure "${String(name).slice(0, 100)}"`);
    const def = procedures[name];
    const input = parseInput(def.input, raw, name) as Record<string, unknown>;
    const caller = await authenticate(services, session, def.access !== 'public');
    const datasets = caller ? await authorize(services, caller, name, def.access, input) : [];
    const ctx: CallContext = { services, caller, token: session.token, datasets };
    const handler = handlers[name] as unknown as (c: CallContext, i: unknown) => Promise<Output<N>>;
    const value = await handler(ctx, input);
    return { ok: true, value };
  } catch (e) {
    const err = normalize(e);
    if (err.code === 'internal') services.log.error(`[core] ${String(name).slice(0, 100)} failed`, e);
    return { ok: false, error: toWire(err) };
  }
}

/** Resolves the session to a caller. Without authentication required, anonymous calls act as the default profile. */
export async function authenticate(services: Services, session: Session, required: boolean): Promise<Caller | null> {
  if (session.token) {
    const user = await services.auth.userForToken(session.token);
    if (user) return callerFor(services.store, user.id);
    if (required) throw new AppError('unauthenticated', 'Your session has ended; sign in again');
    return null;
  }
  if (!services.config.requireAuthentication) {
    const def = await services.auth.ensureDefaultUser();
    return callerFor(services.store, def.id);
  }
  if (required) throw new AppError('unauthenticated', 'Sign in first');
  return null;
}

/** Checks the procedure's declared dataset access on every dataset its input names. */
async function authorize(services: Services, caller: Caller, name: ProcedureName, access: string, input: Record<string, unknown>): Promise<AuthorizedDataset[]> {
  const { store } = services;
  if (access === 'dataset-owner') {
    const a = await requireDataset(store, caller, String(input.datasetId), 'read');
    if (a.dataset.owner_id !== caller.userId) throw new AppError('permission_denied', 'Only the dataset owner can do this');
    return [a];
  }
  if (!isPermission(access)) return [];
  if (name === 'data.add') {
    const r = await resolveDatasetRef(store, caller, { datasetId: input.datasetId as string | undefined, datasetName: input.datasetName as string | undefined }, 'write', true);
    if (r.created) services.bus.toReaders(r.dataset.id, 'datasets.changed', { reason: 'created' });
    return [r];
  }
  if (typeof input.datasetId === 'string') return [await requireDataset(store, caller, input.datasetId, access)];
  if (Array.isArray(input.datasetIds) && input.datasetIds.length > 0) return requireDatasets(store, caller, input.datasetIds as string[], access);
  if (name === 'cognify.run') {
    const names = (input.datasetNames as string[] | undefined) ?? ['main_dataset'];
    const out: AuthorizedDataset[] = [];
    for (const n of names) out.push(await resolveDatasetRef(store, caller, { datasetName: n }, 'write'));
    return out;
  }
  if (name === 'search.run') return authorizedDatasets(store, caller, 'read');
  throw denied(access);
}

function normalize(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return classifySqliteError(e, 'system database');
  return new AppError('internal', 'Unexpected error');
}
