import { AppError } from '../../../shared/domain/errors';
import { authorizedDatasets, permissionsOn } from '../access/dataset-gate';
import { datasetStatus, toDatasetView } from '../catalog/dataset-views';
import { deleteDatasetEverywhere } from '../catalog/delete-dataset';
import type { Handlers } from './types';
import { callerOf, only } from './types';

type DatasetHandlers = Pick<
  Handlers,
  'datasets.list' | 'datasets.create' | 'datasets.get' | 'datasets.rename' | 'datasets.delete' | 'datasets.data' | 'datasets.status' | 'sharing.list' | 'sharing.grant' | 'sharing.revoke'
>;

export const datasetHandlers: DatasetHandlers = {
  'datasets.list': async (ctx) => {
    const caller = callerOf(ctx);
    const list = await authorizedDatasets(ctx.services.store, caller, 'read');
    return Promise.all(list.map((a) => toDatasetView(ctx.services.store, caller, a.dataset, a.permissions)));
  },
  'datasets.create': async (ctx, i) => {
    const caller = callerOf(ctx);
    const { store } = ctx.services;
    if (await store.datasets.byOwnerAndName(caller.userId, i.name)) throw new AppError('conflict', `You already have a dataset named "${i.name}"`, { field: 'name' });
    const row = await store.datasets.create(i.name, caller.userId, caller.tenantId);
    ctx.services.bus.toReaders(row.id, 'datasets.changed', { reason: 'created' });
    return toDatasetView(store, caller, row, await permissionsOn(store, caller, row.id));
  },
  'datasets.get': async (ctx) => {
    const a = only(ctx.datasets);
    return toDatasetView(ctx.services.store, callerOf(ctx), a.dataset, a.permissions);
  },
  'datasets.rename': async (ctx, i) => {
    const caller = callerOf(ctx);
    const { store } = ctx.services;
    const a = only(ctx.datasets);
    const clash = await store.datasets.byOwnerAndName(caller.userId, i.name);
    if (clash && clash.id !== a.dataset.id) throw new AppError('conflict', `You already have a dataset named "${i.name}"`, { field: 'name' });
    await store.datasets.rename(a.dataset.id, i.name);
    ctx.services.bus.toReaders(a.dataset.id, 'datasets.changed', { reason: 'renamed' });
    return toDatasetView(store, caller, (await store.datasets.byId(a.dataset.id))!, a.permissions);
  },
  'datasets.delete': async (ctx) => {
    const a = only(ctx.datasets);
    const readers = await ctx.services.bus.readersOf(a.dataset.id); // once deleted, nobody "may read" it
    await deleteDatasetEverywhere(ctx.services, callerOf(ctx), a.dataset);
    ctx.services.bus.deliver(readers, 'datasets.changed', { reason: 'deleted' });
    return { ok: true };
  },
  'datasets.data': async (ctx) => ctx.services.store.data.inDataset(only(ctx.datasets).dataset.id),
  'datasets.status': async (ctx) => {
    const { store } = ctx.services;
    return Promise.all(
      ctx.datasets.map(async (a) => {
        const { status } = await datasetStatus(store, a.dataset.id);
        return { datasetId: a.dataset.id, status, counts: await store.data.statusCounts(a.dataset.id), latestRun: (await store.runs.latest(a.dataset.id)) ?? null };
      }),
    );
  },
  'sharing.list': async (ctx) => ctx.services.grants.list(callerOf(ctx), only(ctx.datasets).dataset.id),
  'sharing.grant': async (ctx, i) => {
    const id = only(ctx.datasets).dataset.id;
    await ctx.services.grants.grant(callerOf(ctx), id, i.principalId, i.permissions);
    ctx.services.bus.toReaders(id, 'datasets.changed', { reason: 'granted' }); // the new grantee included
    return { ok: true };
  },
  'sharing.revoke': async (ctx, i) => {
    const id = only(ctx.datasets).dataset.id;
    // Taken before: whoever loses read access is told to re-list (and learns nothing more).
    const readers = await ctx.services.bus.readersOf(id);
    await ctx.services.grants.revoke(callerOf(ctx), id, i.principalId, i.permissions);
    ctx.services.bus.deliver(readers, 'datasets.changed', { reason: 'revoked' });
    return { ok: true };
  },
};
