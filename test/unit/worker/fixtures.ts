import type { HandlerTable } from '../../../electron/worker/dispatcher';
import { handlerTable } from '../../../electron/worker/handlers/table';

/** The real control and test-hook handlers, with `app` replaced by an engine-free stand-in. */
export const HANDLERS_FOR_TEST: HandlerTable = {
  ...handlerTable({ testHooks: true }),
  app: {
    serial: true,
    async run(req, ctx) {
      ctx.progress({ stage: 'counting', done: 1, total: 1 });
      return { echo: req.request.kind };
    },
  },
};
