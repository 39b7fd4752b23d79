/**
 * `npm run serve -- [--home DIR] [--port N] [--listen HOST] [--list-profiles] [--cors-origin ORIGIN]...`: Kenning in a browser.
 * `--list-profiles` lets the sign-in page list the profiles (loopback only; see HostOptions.listProfiles).
 * `--cors-origin` (repeatable) and CORS_ALLOWED_ORIGINS (comma-separated, Cognee's variable) list
 * the web origins that may call /api/v1 from a browser, e.g. Cognee's frontend (docs/cognee.md).
 * Prints exactly one line on stdout when ready (`Kenning listening on http://127.0.0.1:N`);
 * everything else goes to stderr. SIGINT / SIGTERM shut down gracefully and exit 0.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import type { Log } from '../core/log';
import { splitOriginList } from './cors';
import { defaultHome } from './home';
import { startHost } from './server';

/** Logs to stderr so stdout carries only the ready line (scripts read it). */
const stderrLog: Log = {
  info: (m, ...r) => console.error(m, ...r),
  warn: (m, ...r) => console.error(m, ...r),
  error: (m, ...r) => console.error(m, ...r),
};

/**
 * Bundled as dist/host/cli.mjs, the worker is dist/electron/worker.cjs; from source the
 * core's default (electron/worker/main.ts through tsx) applies.
 */
function bundledWorkerEntry(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const entry = path.resolve(here, '../electron/worker.cjs');
  return import.meta.url.endsWith('.mjs') && fs.existsSync(entry) ? entry : undefined;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      home: { type: 'string' },
      port: { type: 'string' },
      listen: { type: 'string' },
      'list-profiles': { type: 'boolean' },
      'cors-origin': { type: 'string', multiple: true },
    },
    strict: true,
  });
  const home = values.home ?? defaultHome();
  const portText = values.port ?? process.env.KENNING_PORT ?? '4123';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got "${portText}"`);
  const host = values.listen ?? '127.0.0.1';
  const workerEntry = bundledWorkerEntry();
  const listProfiles = values['list-profiles'] === true;
  // Both sources add up: the flag for one run, the variable for a deployment (as Cognee reads it).
  const corsOrigins = [...splitOriginList(process.env.CORS_ALLOWED_ORIGINS), ...(values['cors-origin'] ?? [])];
  const running = await startHost({ home, port, host, log: stderrLog, listProfiles, corsOrigins, ...(workerEntry ? { workerEntry } : {}) });
  process.stdout.write(`Kenning listening on ${running.url}\n`);
  if (corsOrigins.length > 0) stderrLog.info(`[host] CORS: ${corsOrigins.join(', ')} may call /api/v1 with credentials`);
  if (host !== '127.0.0.1' && host !== '::1' && host !== 'localhost') {
    stderrLog.warn(`[host] listening on ${host}: other machines can reach this server; every call still needs a session`);
    if (listProfiles) stderrLog.warn('[host] --list-profiles is ignored: profiles are listed only on a loopback address');
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    stderrLog.info(`[host] ${signal}: shutting down`);
    running.close().then(
      () => process.exit(0),
      (e: unknown) => {
        stderrLog.error('[host] shutdown failed', e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  stderrLog.error(`Kenning could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
