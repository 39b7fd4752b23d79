/**
 * Procedures that reach a dataset's engines (ingestion, search, graph reads). The dispatcher
 * has already authorized `ctx.datasets`; these only translate to worker requests.
 */
import type { Output } from '../../../shared/contract/procedures';
import { AppError } from '../../../shared/domain/errors';
import { dataNames } from '../catalog/data-names';
import { dropIfOrphan, deleteDatasetEverywhere } from '../catalog/delete-dataset';
import type { DatasetRef } from '../engines';
import { addItems, textItem } from '../pipeline/add';
import { isImage } from '../pipeline/file-types';
import { runSearch } from '../search/search-service';
import type { DatasetRow } from '../store/repos/datasets-repo';
import type { Handlers } from './types';
import { callerOf, only } from './types';

type EngineHandlers = Pick<
  Handlers,
  'data.add' | 'data.delete' | 'data.text' | 'cognify.run' | 'datasets.reembed' | 'cognify.cancel' | 'forget' | 'search.run' | 'graph.read' | 'graph.neighbourhood' | 'graph.overview' | 'graph.node' | 'graph.counts' | 'graph.find'
>;

/** What a history entry keeps of an answer: the answer, or the first passages, within a bound. */
function answerDigest(results: Output<'search.run'>['results']): string {
  const parts = results.flatMap((r) => (r.answer !== undefined ? [r.answer] : (r.hits ?? []).slice(0, 5).map((h) => h.text)));
  return parts.join('\n\n').slice(0, HISTORY_DIGEST_CHARS);
}
const HISTORY_DIGEST_CHARS = 4000;

const refOf = (d: DatasetRow): DatasetRef => ({ ownerId: d.owner_id, datasetId: d.id });

export const engineHandlers: EngineHandlers = {
  'data.add': async (ctx, i) => {
    const a = only(ctx.datasets);
    const items = [...i.files, ...i.texts.map((t, n) => textItem(t, n))];
    const results = await addItems(ctx.services.store, ctx.services.config, ctx.services.home, a.dataset, callerOf(ctx).userId, items);
    if (results.some((r) => r.status === 'added')) ctx.services.bus.toReaders(a.dataset.id, 'datasets.changed', { reason: 'data' });
    // A caller who may write but not read must not learn what the dataset holds: "duplicate" and
    // the existing item's id would confirm a guessed document (red team, issue 19). It is told
    // only that its files were taken, without ids, whether they were new or not.
    const answer = a.permissions.read ? results : results.map(({ dataId: _id, ...r }) => (r.status === 'duplicate' ? { name: r.name, status: 'added' as const } : r));
    return { datasetId: a.dataset.id, datasetName: a.dataset.name, items: answer.map((r) => ({ ...r })) };
  },
  'data.delete': async (ctx, i) => {
    const { dataset } = only(ctx.datasets);
    const { store, engines } = ctx.services;
    const item = await store.data.linked(dataset.id, i.dataId);
    if (!item) throw new AppError('not_found', 'No such data item in this dataset');
    // Engines first: if this fails, the item is still listed and the delete can be retried.
    await engines.request(refOf(dataset), 'write', { kind: 'data.forget', dataId: i.dataId });
    await store.data.unlink(dataset.id, item.id);
    await dropIfOrphan(ctx.services, item.id);
    await store.audit.record({ actorId: callerOf(ctx).userId, action: 'data.delete', datasetId: dataset.id, detail: { dataId: i.dataId } });
    ctx.services.bus.toReaders(dataset.id, 'datasets.changed', { reason: 'data' });
    return { ok: true };
  },
  'data.text': async (ctx, i) => {
    const { dataset } = only(ctx.datasets);
    const row = await ctx.services.store.data.linked(dataset.id, i.dataId);
    if (!row) throw new AppError('not_found', 'No such data item in this dataset');
    if (isImage(row.mime_type)) throw new AppError('not_found', `${row.name} is an image: it is stored, but no text was extracted from it (no OCR engine is installed)`);
    const r = await ctx.services.engines.request(refOf(dataset), 'read', { kind: 'data.text', dataId: i.dataId });
    if (r.text === null) throw new AppError('not_found', `${row.name} has not been processed yet; run cognify first`);
    return { dataId: row.id, name: row.name, text: r.text };
  },
  // The caller is recorded as who started the run; the content is processed with each dataset owner's providers.
  'cognify.run': async (ctx, i) => ctx.services.cognify.run(callerOf(ctx).userId, ctx.datasets.map((a) => a.dataset), !i.runInBackground),
  'datasets.reembed': async (ctx) => {
    const { dataset } = only(ctx.datasets);
    const { store, engines, cognify } = ctx.services;
    // A re-embed rebuilds the index from the raw data: the old vectors cannot be mixed with new ones.
    // It runs with the dataset OWNER's embedder and LLM (cognify.run resolves them), so a grantee
    // with write cannot have the owner's text sent to, or the index rebuilt by, a server it chose.
    await cognify.cancelAndWait(dataset.id);
    await engines.request(refOf(dataset), 'write', { kind: 'dataset.wipe' });
    await store.data.resetStatuses(dataset.id);
    await store.datasets.setEmbedder(dataset.id, null, null);
    await store.audit.record({ actorId: callerOf(ctx).userId, action: 'reembed', datasetId: dataset.id });
    const fresh = (await store.datasets.byId(dataset.id))!;
    return cognify.run(callerOf(ctx).userId, [fresh], false, 'reembed');
  },
  'cognify.cancel': async (ctx) => {
    ctx.services.cognify.cancel(only(ctx.datasets).dataset.id);
    return { ok: true };
  },
  forget: async (ctx, i) => {
    const { dataset } = only(ctx.datasets);
    const { store, engines, cognify, bus } = ctx.services;
    const readers = await bus.readersOf(dataset.id); // a full forget deletes the dataset: take its readers first
    if (!i.memoryOnly) {
      await deleteDatasetEverywhere(ctx.services, callerOf(ctx), dataset);
    } else {
      await cognify.cancelAndWait(dataset.id);
      await engines.request(refOf(dataset), 'write', { kind: 'dataset.wipe' });
      await store.data.resetStatuses(dataset.id);
      await store.datasets.setEmbedder(dataset.id, null, null);
      await store.audit.record({ actorId: callerOf(ctx).userId, action: 'forget', datasetId: dataset.id, detail: { memoryOnly: true } });
    }
    bus.deliver(readers, 'datasets.changed', { reason: 'forget' });
    return { ok: true };
  },
  'search.run': async (ctx, i) => {
    const userId = callerOf(ctx).userId;
    const response = await runSearch(ctx.services, userId, ctx.datasets, i);
    // Cognee keeps every search in the searcher's own history (GET /search, GET /recall).
    if (i.record) await ctx.services.store.searchHistory.record(userId, i.query, answerDigest(response.results), ctx.datasets.length === 1 ? only(ctx.datasets).dataset.id : null);
    return response;
  },
  'graph.read': async (ctx, i) =>
    ctx.services.engines.request(refOf(only(ctx.datasets).dataset), 'read', { kind: 'graph.read', nodeLimit: i.nodeLimit, edgeLimit: i.edgeLimit, offset: i.offset, ...(i.types ? { types: i.types } : {}) }),
  'graph.neighbourhood': async (ctx, i) =>
    ctx.services.engines.request(refOf(only(ctx.datasets).dataset), 'read', { kind: 'graph.neighbourhood', nodeId: i.nodeId, depth: i.depth, nodeLimit: i.nodeLimit }),
  'graph.overview': async (ctx, i) =>
    ctx.services.engines.request(refOf(only(ctx.datasets).dataset), 'read', {
      kind: 'graph.overview',
      nodeLimit: i.nodeLimit,
      edgeLimit: i.edgeLimit,
      communityLimit: i.communityLimit,
      ...(i.community !== undefined ? { community: i.community } : {}),
    }),
  'graph.node': async (ctx, i) => {
    const r = await ctx.services.engines.request(refOf(only(ctx.datasets).dataset), 'read', { kind: 'graph.node', nodeId: i.nodeId });
    if (!r) throw new AppError('not_found', 'No such node in this dataset');
    const names = await dataNames(ctx.services.store, r.sources.map((s) => s.dataId));
    return { ...r, sources: r.sources.map((s) => ({ ...s, dataName: names.get(s.dataId) ?? '' })) };
  },
  'graph.counts': async (ctx) => ctx.services.engines.request(refOf(only(ctx.datasets).dataset), 'read', { kind: 'graph.counts' }),
  'graph.find': async (ctx, i) =>
    ctx.services.engines.request(refOf(only(ctx.datasets).dataset), 'read', { kind: 'graph.find', query: i.query, limit: i.limit, ...(i.types ? { types: i.types } : {}) }),
};
