/** Lifecycle and diagnostics: open, close, ping, cancel, debug.hold. */
import { AppError } from '../../../shared/domain/errors';
import type { Handler } from '../dispatcher';

const abortable = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(new AppError('cancelled', 'Cancelled'));
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new AppError('cancelled', 'Cancelled'));
    }, { once: true });
  });

export const controlHandlers: {
  readonly open: Handler<'open'>;
  readonly close: Handler<'close'>;
  readonly ping: Handler<'ping'>;
  readonly cancel: Handler<'cancel'>;
  readonly 'debug.hold': Handler<'debug.hold'>;
} = {
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
  'debug.hold': {
    serial: false,
    async run(req, ctx) {
      if (!Number.isInteger(req.ms) || req.ms < 0 || req.ms > 600_000) throw new AppError('invalid_input', 'ms is out of range');
      const hold = () => abortable(req.ms, ctx.signal);
      await (req.serial ? ctx.serial(hold) : hold());
      return null;
    },
  },
};
