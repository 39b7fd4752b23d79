import { AppError } from '../../../shared/domain/errors';
import { addItems, textItem } from '../pipeline/add';
import type { Handlers } from './types';
import { callerOf, only } from './types';

type EngineHandlers = Pick<
  Handlers,
  'data.add' | 'data.delete' | 'data.text' | 'cognify.run' | 'cognify.cancel' | 'forget' | 'search.run' | 'graph.read' | 'graph.neighbourhood' | 'graph.node' | 'graph.counts' | 'graph.find'
>;

// TEMPORARY during the foundation step: replaced by the ingestion/search handlers in this session.
const pending = async (): Promise<never> => {
  throw new AppError('internal', 'not wired yet');
};

export const engineHandlers: EngineHandlers = {
  'data.add': async (ctx, i) => {
    const a = only(ctx.datasets);
    const items = [...i.files, ...i.texts.map((t, n) => textItem(t, n))];
    const results = await addItems(ctx.services.store, ctx.services.config, ctx.services.home, callerOf(ctx), a.dataset, items);
    return { datasetId: a.dataset.id, datasetName: a.dataset.name, items: results.map((r) => ({ ...r })) };
  },
  'data.delete': pending,
  'data.text': pending,
  'cognify.run': pending,
  'cognify.cancel': pending,
  forget: pending,
  'search.run': pending,
  'graph.read': pending,
  'graph.neighbourhood': pending,
  'graph.node': pending,
  'graph.counts': pending,
  'graph.find': pending,
};
