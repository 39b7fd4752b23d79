/**
 * What every browser test stands on: a temporary home, the renderer built for tests, the real
 * host over it on a free port, and Debian's Chromium. `close` tears all of it down.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Browser } from 'playwright-core';

import { silentLog } from '../../electron/core/log';
import { startHost } from '../../electron/host/server';
import type { HostOptions, RunningHost } from '../../electron/host/server';
import { buildRenderer } from './build-renderer';
import { launchBrowser } from './driver';

export type E2eHost = Readonly<{ host: RunningHost; browser: Browser; close: () => Promise<void> }>;

export async function openE2eHost(prefix: string, opts: Partial<HostOptions> = {}): Promise<E2eHost> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const rendererDir = await buildRenderer(path.join(home, 'renderer-build'));
  const host = await startHost({ home: path.join(home, 'data'), port: 0, log: silentLog, rendererDir, ...opts });
  const browser = await launchBrowser();
  return {
    host,
    browser,
    close: async () => {
      await browser.close();
      await host.close();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
