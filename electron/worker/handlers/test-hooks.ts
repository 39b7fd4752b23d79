/**
 * Handlers that exist only for tests (shared/worker-protocol.ts TestHookKind). handlers/table.ts
 * adds them only to a worker started with TEST_HOOKS_ARG; a production worker never has them.
 */
import { AppError } from '../../../shared/domain/errors';
import type { TestHookKind } from '../../../shared/worker-protocol';
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

export const testHookHandlers: { readonly [K in TestHookKind]: Handler<K> } = {
  /** Holds for `ms` (abortable), inside the engine lane when `serial`: a stand-in for a stuck or slow call. */
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
