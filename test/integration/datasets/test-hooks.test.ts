/**
 * Test hooks stay out of the product: a dataset worker started the way the host starts it
 * (nodeCoreOptions, the host's and the tests' core wiring) refuses `debug.hold` as an unknown kind,
 * while one started by a test launcher answers it — the control that shows the refusal is the
 * flag's doing and not a broken request.
 */
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { PooledEngines } from '../../../electron/core/datasets/pooled-engines';
import { AppError } from '../../../shared/domain/errors';
import { TEST_HOOKS_ARG } from '../../../shared/worker-protocol';
import { openTestCore } from '../../helpers/core';
import type { TestCore } from '../../helpers/core';
import { code, newPool, ref, tempHome } from './helpers';

/** The worker's command line, as the kernel has it. */
const cmdline = (pid: number) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');

describe('test-only worker kinds', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await openTestCore();
  });
  afterAll(async () => t.close());

  it('a worker launched the production way refuses debug.hold with invalid_input "Unknown request kind"', async () => {
    const pool = (t.core.services.engines as PooledEngines).pool;
    await pool.withWorker(ref(), async (w) => {
      expect(cmdline(w.pid!)).not.toContain(TEST_HOOKS_ARG);
      const err = await w.call({ kind: 'debug.hold', ms: 0, serial: false }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'invalid_input', message: 'Unknown request kind "debug.hold"' });
      expect((await w.call({ kind: 'ping' })).open).toBe(true); // refused, not crashed
    });
  });

  it('a worker launched by the test launcher answers it', async () => {
    const home = await tempHome();
    const pool = newPool(home);
    try {
      await pool.withWorker(ref(), async (w) => {
        expect(cmdline(w.pid!)).toContain(TEST_HOOKS_ARG);
        expect(await code(w.call({ kind: 'debug.hold', ms: 0, serial: false }))).toBe('ok');
      });
    } finally {
      await pool.close();
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  // The Electron launcher cannot run here (no Electron binary); this keeps it from ever asking for hooks.
  it('the Electron shell’s launcher never passes the test-hook flag', () => {
    const src = fs.readFileSync(path.resolve(import.meta.dirname, '../../../electron/shell/launcher-electron.ts'), 'utf8');
    expect(src).toMatch(/utilityProcess\.fork\(entry, \['--kenning-dataset-worker', label\]/);
    expect(src).not.toMatch(/TEST_HOOKS_ARG|testHooks|kenning-test-hooks/);
  });
});
