import type { HandlerTable } from '../../../electron/worker/dispatcher';
import { handlerTable } from '../../../electron/worker/handlers/table';
import type { ResultOf } from '../../../shared/worker-protocol';

/** The real control and test-hook handlers, with `graph.counts` replaced by an engine-free, serial stand-in. */
export const HANDLERS_FOR_TEST: HandlerTable = {
  ...handlerTable({ testHooks: true }),
  'graph.counts': {
    serial: true,
    async run(req, ctx) {
      ctx.progress({ stage: 'counting', done: 1, total: 1 });
      // A marker value, not counts: the dispatcher passes results through untouched.
      return { echo: req.kind } as unknown as ResultOf<'graph.counts'>;
    },
  },
};
