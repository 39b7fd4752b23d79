/**
 * The `app` kind: ingestion, search and graph views over this worker's stores. It runs
 * outside the engine lane so parsing and embedding never block reads; every store call is
 * routed through the lane instead (Kùzu and Lance calls on one connection must not interleave).
 */
import type { AppProgress } from '../../../shared/worker-app-protocol';
import { handleAppRequest } from '../app/app-handlers';
import type { HandlerContext } from '../dispatcher';
import { DocTextStore } from '../pipeline/doc-text-store';
import type { GraphStore, VectorStore } from '../stores';
import type { HandlersFor } from './types';

/** Wraps every method of a store so it runs inside the engine lane. */
function laned<T extends object>(store: T, serial: HandlerContext['serial']): T {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => serial(() => (v as (...a: unknown[]) => Promise<unknown>).apply(target, args));
    },
  });
}

export const appHandlers: HandlersFor<'app'> = {
  app: {
    serial: false,
    run: async (req, ctx) => {
      const graph = laned<GraphStore>(ctx.session.graph(), ctx.serial);
      const vectors = laned<VectorStore>(ctx.session.vectors(), ctx.serial);
      const docs = DocTextStore.besideGraph(ctx.session.graphPath());
      return handleAppRequest(req.request, { graph, vectors, docs }, {
        signal: ctx.signal,
        progress: (p: AppProgress) => ctx.progress({ stage: p.stage, done: p.bytes }),
      });
    },
  },
};
