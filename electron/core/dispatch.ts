/**
 * The dispatcher: (session, procedure, raw input) → Reply. The single place where input is
 * validated, the caller authenticated and dataset permissions checked, before any handler,
 * database or worker call. It never throws: every failure becomes a coded WireError.
 */
import { procedures, isProcedureName } from '../../shared/contract/procedures';
import type { Access, DatasetSource, Output, ProcedureName, Procedures, SessionRule } from '../../shared/contract/procedures';
import { parseInput } from '../../shared/contract/validate';
import { AppError, toWire } from '../../shared/domain/errors';
import { isPermission } from '../../shared/domain/permissions';
import type { Permission } from '../../shared/domain/permissions';
import type { Caller } from './access/caller';
import { callerFor } from './access/caller';
import { authorizedDatasets, denied, requireDatasets, resolveDatasetRef } from './access/dataset-gate';
import type { AuthorizedDataset } from './access/dataset-gate';
import { classifySqliteError } from './store/db';
import { handlers } from './handlers';
import type { CallContext } from './handlers/types';
import type { Services } from './services';
import type { CoreReply, SessionEffect } from './session-effect';

/** A contract entry as the dispatcher reads it. */
type Def = Readonly<{ input: Procedures[ProcedureName]['input']; access: Access; datasets?: DatasetSource; session?: SessionRule }>;

export type Session = Readonly<{ token: string | null }>;

export async function dispatch<N extends ProcedureName>(services: Services, session: Session, name: N | string, raw: unknown): Promise<CoreReply<Output<N>>> {
  try {
    if (!isProcedureName(name)) throw new AppError('invalid_input', `Unknown procedure "${String(name).slice(0, 100)}"`);
    const def: Def = procedures[name];
    const input = parseInput(def.input, raw, name) as Record<string, unknown>;
    const caller = await authenticate(services, session, def.access !== 'public');
    const datasets = caller && def.datasets ? await authorize(services, caller, def.access, def.datasets, input) : [];
    const ctx: CallContext = { services, caller, token: session.token, datasets };
    const handler = handlers[name] as unknown as (c: CallContext, i: unknown) => Promise<Output<N>>;
    const value = await handler(ctx, input);
    // A read over every readable dataset (search with no ids) drops the ones lost meanwhile itself.
    const implicit = def.datasets?.whenNone === 'all-readable' && strings(input[def.datasets.ids]).length === 0;
    if (caller && def.access === 'read' && datasets.length > 0 && !implicit) await stillReadable(services, caller, datasets);
    const effect = await sessionEffect(services, session, def.session, value);
    return effect ? { ok: true, value, session: effect } : { ok: true, value };
  } catch (e) {
    const err = normalize(e);
    if (err.code === 'internal') services.log.error(`[core] ${String(name).slice(0, 100)} failed`, e);
    return { ok: false, error: toWire(err) };
  }
}

/**
 * Revocation is immediate, also for a read already running: a search or graph read can take
 * seconds in a worker, and a grant revoked (or a role or tenant left) meanwhile must not let its
 * answer through. So a read's datasets are checked again, against the caller's principals as
 * they are now, before the answer leaves; a dataset no longer readable (or deleted) gets the
 * same denial as one that never existed. (Red team: a reader got every node name 5 s after the
 * owner revoked.)
 */
async function stillReadable(services: Services, caller: Caller, datasets: readonly AuthorizedDataset[]): Promise<void> {
  const now = await callerFor(services.store, caller.userId);
  await requireDatasets(services.store, now, datasets.map((a) => a.dataset.id), 'read');
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

/**
 * Checks the procedure's declared dataset access on the dataset(s) its contract entry says
 * the input names. `dataset-owner` needs read, then ownership.
 */
async function authorize(services: Services, caller: Caller, access: Access, source: DatasetSource, input: Record<string, unknown>): Promise<AuthorizedDataset[]> {
  if (access === 'dataset-owner') {
    const list = await resolveDatasets(services, caller, source, 'read', input);
    if (list.some((a) => a.dataset.owner_id !== caller.userId)) throw new AppError('permission_denied', 'Only the dataset owner can do this');
    return list;
  }
  if (!isPermission(access)) return []; // the contract gives `datasets` only to dataset accesses
  return resolveDatasets(services, caller, source, access, input);
}

/**
 * The datasets the input names, each checked for `need`: by id if any are given; else by own
 * name (the default name when the field is absent; created when the contract says so); else,
 * where the contract allows, every dataset the caller may read. Anything else is denied,
 * exactly as a dataset that does not exist.
 */
async function resolveDatasets(services: Services, caller: Caller, source: DatasetSource, need: Permission, input: Record<string, unknown>): Promise<AuthorizedDataset[]> {
  const { store } = services;
  const ids = strings(input[source.ids]);
  if (ids.length > 0) return requireDatasets(store, caller, ids, need);
  if (source.names) {
    const given = input[source.names.field];
    const names = given === undefined ? [source.names.default] : strings(given);
    const out: AuthorizedDataset[] = [];
    for (const datasetName of names) {
      const r = await resolveDatasetRef(store, caller, { datasetName }, need, source.names.create);
      if (r.created) services.bus.toReaders(r.dataset.id, 'datasets.changed', { reason: 'created' });
      out.push(r);
    }
    return out;
  }
  if (source.whenNone === 'all-readable') return authorizedDatasets(store, caller, 'read');
  throw denied(need);
}

/** A field that holds one value or a list, as a list (the contract has already validated it). */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * The session effect the contract declares, for the shell to apply. A sign-in replaces the
 * session it was made in: that one ends here, in the core, so every shell behaves the same.
 */
async function sessionEffect(services: Services, session: Session, rule: SessionRule | undefined, value: unknown): Promise<SessionEffect | undefined> {
  if (rule === 'signs-out') return { kind: 'signed-out' };
  if (rule !== 'signs-in') return undefined;
  const token = typeof value === 'object' && value !== null && 'token' in value ? value.token : undefined;
  if (typeof token !== 'string') throw new Error('contract invariant: a sign-in returns its token');
  if (session.token && session.token !== token) await services.auth.signOut(session.token);
  return { kind: 'signed-in', token };
}

function normalize(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) return classifySqliteError(e, 'system database');
  return new AppError('internal', 'Unexpected error');
}
