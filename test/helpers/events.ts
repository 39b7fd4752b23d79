import type { Core } from '../../electron/core/core';
import type { RunView } from '../../shared/domain/types';

/** Resolves with the next `run.finished` event for `datasetId` seen by `token` (no sleeping). */
export function nextRunFinished(core: Core, token: string, datasetId: string): Promise<RunView> {
  return new Promise((resolve) => {
    const off = core.subscribe(() => ({ token }), (name, payload) => {
      if (name !== 'run.finished') return;
      const run = payload as RunView;
      if (run.datasetId !== datasetId) return;
      off();
      resolve(run);
    });
  });
}
