import { appHandlers } from '../../../electron/worker/handlers/app';
import { controlHandlers } from '../../../electron/worker/handlers/control';
import { graphHandlers } from '../../../electron/worker/handlers/graph';
import { vectorHandlers } from '../../../electron/worker/handlers/vectors';
import type { HandlerTable } from '../../../electron/worker/dispatcher';

/** The real control handlers, with two graph kinds replaced by engine-free stand-ins. */
export const HANDLERS_FOR_TEST: HandlerTable = {
  ...controlHandlers,
  ...graphHandlers,
  ...vectorHandlers,
  ...appHandlers,
  'graph.counts': {
    serial: true,
    async run(_req, ctx) {
      ctx.progress({ stage: 'counting', done: 1, total: 1 });
      return { Entity: 1 };
    },
  },
  'graph.wipe': { serial: true, run: async () => null },
};
