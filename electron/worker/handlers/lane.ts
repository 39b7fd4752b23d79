/**
 * How every dataset kind reaches the stores. Its handler runs outside the engine lane, so
 * parsing and embedding never block reads, while each store call is routed through the lane
 * (Kùzu and Lance calls on one connection must not interleave). The text store is plain
 * files, one per item, and stays outside the lane.
 */
import type { RequestKind, RequestOf, ResultOf } from '../../../shared/worker-protocol';
import type { Handler, HandlerContext } from '../dispatcher';
import { DocTextStore } from '../pipeline/doc-text-store';
import type { GraphStore, VectorStore } from '../stores';

export type DatasetStores = Readonly<{ graph: GraphStore; vectors: VectorStore; docs: DocTextStore }>;

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

/**
 * A handler for a dataset kind: `serial: false`, with the stores laned for this request. With
 * `commitsAfterCancel`, store calls still run after a cancel (the handler decides what to finish).
 */
export function onStores<K extends RequestKind>(
  run: (req: RequestOf<K>, stores: DatasetStores, ctx: HandlerContext) => Promise<ResultOf<K>>,
  opts: Readonly<{ commitsAfterCancel?: boolean }> = {},
): Handler<K> {
  return {
    serial: false,
    run: (req, ctx) =>
      run(req, {
        graph: laned<GraphStore>(ctx.session.graph(), opts.commitsAfterCancel ? ctx.serialEvenIfCancelled : ctx.serial),
        vectors: laned<VectorStore>(ctx.session.vectors(), opts.commitsAfterCancel ? ctx.serialEvenIfCancelled : ctx.serial),
        docs: DocTextStore.besideGraph(ctx.session.graphPath()),
      }, ctx),
  };
}

/**
 * Runs a write to the graph and tells the dataset's layout about it: a background layout stops
 * while the write runs, and once it ends (done or not) the layout is stale and is laid out again
 * when the dataset is quiet. `stores` must be the handler's laned stores: the background run
 * reads the graph through them, in the engine lane.
 */
export async function afterWhichTheLayoutIsStale<T>(ctx: HandlerContext, stores: DatasetStores, write: () => Promise<T>): Promise<T> {
  const layout = ctx.session.layout();
  layout.writeStarting();
  try {
    return await write();
  } finally {
    layout.graphChanged(stores.graph);
  }
}
