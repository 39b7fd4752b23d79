/**
 * Permission matrix: every dataset procedure × every way of holding or lacking each
 * permission (owner, direct grant, via role, via tenant, no grant in the same tenant,
 * member of another tenant, signed out) gives exactly the policy's answer.
 *
 * The oracle is written by hand from the policy in README.md ("The permission model"), never
 * read from `procedures[name].access` — the table dispatch.ts enforces — so a procedure declared
 * with the wrong access fails here. Every answer must be exactly the expected code: an allowed
 * call that fails for any other reason (`internal` included) is a failure, not "allowed".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { procedures } from '../../../shared/contract/procedures';
import type { ProcedureName } from '../../../shared/contract/procedures';
import { PERMISSIONS } from '../../../shared/domain/permissions';
import type { Permission } from '../../../shared/domain/permissions';
import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';
import { joinTenant } from '../../helpers/tenants';

/**
 * README.md, "The permission model", as a table — what each dataset procedure requires:
 *   read   → list it, see its data, search it, open its graph
 *   write  → add data, cognify
 *   delete → delete data items, forget, delete the dataset
 *   share  → see who has access; grant and revoke
 * plus `owner` for what only the creator may do ("ownership never moves").
 */
const REQUIRED: Readonly<Record<string, Permission | 'owner'>> = {
  'datasets.get': 'read', // see it
  'datasets.data': 'read', // see its data
  'datasets.status': 'read', // see its data (processing state)
  'data.text': 'read', // see its data (an item's text)
  'data.raw': 'read', // see its data (an item's stored file)
  'runs.recent': 'read', // see its data (its pipeline runs)
  'search.run': 'read', // search it
  'graph.read': 'read', // open its graph
  'graph.neighbourhood': 'read',
  'graph.overview': 'read', // open its graph (the overview of it)
  'graph.node': 'read',
  'graph.counts': 'read',
  'graph.find': 'read',
  'data.add': 'write', // add data
  'cognify.run': 'write', // cognify
  'cognify.cancel': 'write', // stopping a cognify is part of cognify
  'datasets.reembed': 'write', // rebuilding the index is a cognify step
  'data.delete': 'delete', // delete data items
  forget: 'delete', // forget
  'datasets.delete': 'delete', // delete the dataset
  'sharing.list': 'share', // see who has access
  'sharing.grant': 'share', // grant
  'sharing.revoke': 'share', // revoke
  'datasets.rename': 'owner', // the dataset's name is its owner's to choose
};

/**
 * Procedures that act on no existing dataset: sign-in and profiles, tenants and roles, one's own
 * settings, listing (checked below) and creating. A procedure in neither table fails the test:
 * classify it here or in REQUIRED on purpose.
 */
const NOT_ON_A_DATASET = new Set<string>([
  'auth.status', 'auth.signIn', 'auth.autoSignIn', 'auth.register', 'auth.signOut', 'auth.me', 'auth.changePassword',
  'users.lookup',
  'tenants.mine', 'tenants.create', 'tenants.invite', 'tenants.cancelInvitation', 'tenants.invitations',
  'tenants.acceptInvitation', 'tenants.declineInvitation', 'tenants.leave', 'tenants.removeMember', 'tenants.delete',
  'roles.create', 'roles.delete', 'roles.addMember', 'roles.removeMember',
  'datasets.list', 'datasets.create',
  'settings.get', 'settings.set',
  // one's own search history, ontologies and named configurations (per profile, never a dataset's)
  'search.history', 'ontologies.list', 'ontologies.upload', 'ontologies.delete', 'configurations.list', 'configurations.store',
]);

/** What an allowed call answers with the inputs below: `ok`, or not_found for the item or node that does not exist. */
const ALLOWED_CODE: Readonly<Record<string, string>> = { 'data.text': 'not_found', 'data.raw': 'not_found', 'data.delete': 'not_found', 'graph.node': 'not_found' };

type Path = 'direct' | 'role' | 'tenant';
type Actor = 'owner' | 'direct' | 'roleMember' | 'tenantMember' | 'noGrant' | 'otherTenant' | 'signedOut';
const ACTORS: Actor[] = ['signedOut', 'otherTenant', 'noGrant', 'tenantMember', 'roleMember', 'direct', 'owner'];
const PATHS: Path[] = ['direct', 'role', 'tenant'];
const MISSING = '11111111-2222-4333-8444-555555555555';

/** The policy, as a model: which permissions `actor` holds on a dataset whose one extra grant is `q` via `path`. */
function holds(actor: Actor, path: Path, q: Permission): ReadonlySet<Permission> {
  if (actor === 'owner') return new Set(PERMISSIONS);
  const gets =
    (path === 'direct' && actor === 'direct') ||
    (path === 'role' && actor === 'roleMember') ||
    (path === 'tenant' && (actor === 'tenantMember' || actor === 'roleMember' || actor === 'noGrant'));
  return new Set(gets ? [q] : []);
}

/** Inputs for each dataset procedure; `sink` is a user outside the matrix used as a grant target. */
function inputFor(name: ProcedureName, datasetId: string, sink: string): unknown {
  switch (name) {
    case 'datasets.get':
    case 'datasets.reembed':
    case 'datasets.data':
    case 'datasets.delete':
    case 'graph.read':
    case 'graph.overview':
    case 'graph.counts':
    case 'sharing.list':
    case 'cognify.cancel':
      return { datasetId };
    case 'datasets.status':
    case 'runs.recent':
      return { datasetIds: [datasetId] };
    case 'datasets.rename':
      return { datasetId, name: `renamed-${datasetId.slice(0, 8)}` };
    case 'data.text':
    case 'data.raw':
    case 'data.delete':
      return { datasetId, dataId: MISSING };
    case 'search.run':
      return { datasetIds: [datasetId], query: 'anything', searchType: 'CHUNKS' };
    case 'graph.neighbourhood':
    case 'graph.node':
      return { datasetId, nodeId: 'no-such-node' };
    case 'graph.find':
      return { datasetId, query: 'x' };
    case 'data.add':
      return { datasetId, texts: ['matrix text'] };
    case 'cognify.run':
      return { datasetIds: [datasetId], runInBackground: true };
    case 'forget':
      return { datasetId, memoryOnly: true };
    case 'sharing.grant':
    case 'sharing.revoke':
      return { datasetId, principalId: sink, permissions: ['read'] };
    default:
      throw new Error(`no matrix input for ${name}`);
  }
}

const DATASET_PROCS = Object.keys(REQUIRED) as ProcedureName[];
// Destructive procedures run last so earlier rows see intact datasets.
const ORDER = [...DATASET_PROCS.filter((n) => n !== 'forget' && n !== 'datasets.delete'), 'forget', 'datasets.delete'] as ProcedureName[];

describe('permission matrix', () => {
  let t: TestCore;
  const tokens = new Map<Actor, string | null>();
  let sink: string;
  const datasets: { path: Path; q: Permission; id: string }[] = [];

  beforeAll(async () => {
    t = await openTestCore({ maxLiveWorkers: 16 });
    const mk = async (email: string) => t.user(email);
    const owner = await mk('owner@m.test');
    const direct = await mk('direct@m.test');
    const roleMember = await mk('role@m.test');
    const tenantMember = await mk('tenant@m.test');
    const noGrant = await mk('nogrant@m.test');
    const other = await mk('other@m.test');
    sink = (await mk('sink@m.test')).id;
    const tenant = await t.call(owner.token, 'tenants.create', { name: 'T' });
    for (const u of [roleMember, tenantMember, noGrant]) await joinTenant(t, owner.token, tenant.id, u);
    const role = await t.call(owner.token, 'roles.create', { name: 'R' });
    await t.call(owner.token, 'roles.addMember', { roleId: role.id, userId: roleMember.id });
    // "other tenant" holds a tenant of its own with a grant on its own data, never on ours
    await t.call(other.token, 'tenants.create', { name: 'T2' });
    tokens.set('owner', owner.token).set('direct', direct.token).set('roleMember', roleMember.token).set('tenantMember', tenantMember.token);
    tokens.set('noGrant', noGrant.token).set('otherTenant', other.token).set('signedOut', null);
    const principal: Record<Path, string> = { direct: direct.id, role: role.id, tenant: tenant.id };
    for (const path of PATHS)
      for (const q of PERMISSIONS) {
        const ds = await t.call(owner.token, 'datasets.create', { name: `${path}-${q}` });
        await t.call(owner.token, 'sharing.grant', { datasetId: ds.id, principalId: principal[path], permissions: [q] });
        datasets.push({ path, q, id: ds.id });
      }
  });
  afterAll(async () => t.close());

  it('every procedure is classified: on a dataset (with the permission it needs) or not', () => {
    const names = Object.keys(procedures);
    expect(names.filter((n) => !(n in REQUIRED) && !NOT_ON_A_DATASET.has(n))).toEqual([]);
    expect(Object.keys(REQUIRED).filter((n) => !names.includes(n))).toEqual([]); // no stale rows
    expect(Object.keys(REQUIRED).filter((n) => NOT_ON_A_DATASET.has(n))).toEqual([]);
  });

  it('a dataset one may not use answers exactly as one that does not exist', async () => {
    // README: "A dataset you may not read is indistinguishable from one that does not exist."
    const stranger = tokens.get('otherTenant')!; // holds nothing on any of these datasets
    const differ: string[] = [];
    for (const name of DATASET_PROCS) {
      const real = await t.code(stranger, name, inputFor(name, datasets[0]!.id, sink));
      const missing = await t.code(stranger, name, inputFor(name, MISSING, sink));
      if (real !== 'permission_denied' || missing !== real) differ.push(`${name}: theirs → ${real}, missing → ${missing}`);
    }
    expect(differ).toEqual([]);
  });

  it('every procedure × holder × permission gives the policy’s answer', { timeout: 300_000 }, async () => {
    const mismatches: string[] = [];
    let checks = 0;
    for (const name of ORDER) {
      const required = REQUIRED[name]!;
      for (const ds of datasets) {
        let destroyed = false;
        for (const actor of ACTORS) {
          const allowed = required === 'owner' ? actor === 'owner' : holds(actor, ds.path, ds.q).has(required);
          if (destroyed) continue; // after a successful delete the dataset is gone for everyone
          const code = await t.code(tokens.get(actor)!, name, inputFor(name, ds.id, sink));
          checks++;
          const expected = actor === 'signedOut' ? 'unauthenticated' : allowed ? (ALLOWED_CODE[name] ?? 'ok') : 'permission_denied';
          if (code !== expected) mismatches.push(`${name} on ${ds.path}/${ds.q} as ${actor}: expected ${expected}, got ${code}`);
          if (name === 'datasets.delete' && code === 'ok') destroyed = true;
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checks).toBeGreaterThan(ORDER.length * datasets.length * 5);
    console.log(`permission matrix: ${checks} checks over ${ORDER.length} procedures, ${datasets.length} datasets, ${ACTORS.length} holders`);
  });

  it('listing returns exactly the datasets each holder may read, marked with their permissions', async () => {
    // after the matrix every dataset is deleted; rebuild a small case
    const t2 = t;
    const owner = tokens.get('owner')!;
    const ds = await t2.call(owner, 'datasets.create', { name: 'list-check' });
    const direct = await t2.call(tokens.get('direct')!, 'auth.me');
    await t2.call(owner, 'sharing.grant', { datasetId: ds.id, principalId: direct.id, permissions: ['read', 'share'] });
    const seen = (await t2.call(tokens.get('direct')!, 'datasets.list')).find((d) => d.id === ds.id)!;
    expect(seen.permissions).toEqual({ read: true, write: false, delete: false, share: true });
    expect((await t2.call(tokens.get('otherTenant')!, 'datasets.list')).map((d) => d.id)).not.toContain(ds.id);
    // write-only holders do not see the dataset in the (read) listing
    const other = await t2.call(tokens.get('otherTenant')!, 'auth.me');
    await t2.call(owner, 'sharing.grant', { datasetId: ds.id, principalId: other.id, permissions: ['write'] });
    expect((await t2.call(tokens.get('otherTenant')!, 'datasets.list')).map((d) => d.id)).not.toContain(ds.id);
  });
});
