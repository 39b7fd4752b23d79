import { authHandlers } from './auth-handlers';
import { datasetHandlers } from './dataset-handlers';
import { engineHandlers } from './engine-handlers';
import { memoryHandlers } from './memory-handlers';
import { settingsHandlers } from './settings-handlers';
import { tenantHandlers } from './tenant-handlers';
import type { Handlers } from './types';

/** Every procedure's handler; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...authHandlers,
  ...tenantHandlers,
  ...datasetHandlers,
  ...settingsHandlers,
  ...engineHandlers,
  ...memoryHandlers,
};
