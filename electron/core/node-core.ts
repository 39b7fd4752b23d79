/**
 * Core options for plain Node (the host and the tests): workers via child_process.fork.
 * The Electron shell builds the same options with its utilityProcess launcher.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

import type { CoreOptions } from './core';
import type { CoreConfig } from './config';
import type { Log } from './log';

export function nodeCoreOptions(o: { home: string; config?: Partial<CoreConfig>; log?: Log }): CoreOptions {
  return {
    home: o.home,
    ...(o.config ? { config: o.config } : {}),
    ...(o.log ? { log: o.log } : {}),
    // TEMPORARY until the engine pool lands (this session): removes a dataset's files only.
    engines: ({ home }) => ({
      deleteDataset: async (ref) => {
        await fs.rm(path.join(home, 'databases', ref.ownerId, `${ref.datasetId}.kuzu`), { recursive: true, force: true });
      },
      close: async () => undefined,
    }),
    cognify: () => ({ cancelAndWait: async () => undefined, close: async () => undefined }),
  };
}
