/** Lifecycle: open, close, ping, cancel. (The test-only debug.hold lives in test-hooks.ts.) */
import { AppError } from '../../../shared/domain/errors';
import type { ControlKind } from '../../../shared/worker-protocol';
import type { HandlersOf } from './types';

export const controlHandlers: HandlersOf<ControlKind> = {
  open: {
    serial: true,
    async run(req, ctx) {
      const started = Date.now();
      const { lockWaitMs } = await ctx.session.open(req);
      return { pid: process.pid, openMs: Date.now() - started, lockWaitMs };
    },
  },
  close: {
    serial: true, // waits for engine work already queued, so nothing is cut mid-write
    async run(_req, ctx) {
      await ctx.session.close();
      return null;
    },
  },
  ping: { serial: false, run: async (_req, ctx) => ({ pid: process.pid, open: ctx.session.isOpen }) },
  cancel: {
    serial: false,
    async run(req, ctx) {
      if (!Number.isInteger(req.targetSeq)) throw new AppError('invalid_input', 'targetSeq must be an integer');
      return { found: ctx.cancel(req.targetSeq) };
    },
  },
};
