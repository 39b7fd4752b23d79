/**
 * Storage faults, on real file systems:
 * - full disk (a small tmpfs filled to the last byte): adds, catalogue writes and cognify fail
 *   with `storage_full` / "The disk is full" — never `internal` — and after space is freed
 *   system.db passes `PRAGMA integrity_check`, earlier data is still readable and the pending
 *   work completes;
 * - read-only data folder (read-only bind mounts over databases/ and data_storage/ while the app
 *   runs; the whole home remounted read-only before start): `storage_readonly` with words a user
 *   understands, nothing corrupted, everything works again once writable;
 * - a corrupted dataset store (bytes overwritten in one dataset's .kuzu file, or in one lance
 *   data file, while its worker is closed): reported as `corrupt` on that dataset, other
 *   datasets still searchable.
 * The mount cases need CAP_SYS_ADMIN (we run as root in CI). Where `mount` is not permitted the
 * capability probe says why, and those cases are reported as skipped with that reason in their
 * names (never silently left out); the corruption case needs no privilege and always runs.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Core } from '../../electron/core/core';
import type { CoreConfig } from '../../electron/core/config';
import type { PooledEngines } from '../../electron/core/datasets/pooled-engines';
import { silentLog } from '../../electron/core/log';
import { nodeCoreOptions } from '../../electron/core/node-core';
import type { Output, ProcedureName } from '../../shared/contract/procedures';
import { AppError, fromWire } from '../../shared/domain/errors';
import { FAST_HASHES, openTestCore } from '../helpers/core';
import type { TestCore } from '../helpers/core';
import { tempDir } from '../helpers/temp';
import { listFiles, report, sentinel, sentinelDoc, sentinelsIn, waitFor } from './lib';

const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();

/** Can this process mount a tmpfs and remount it read-only? (Needs CAP_SYS_ADMIN.) */
function probeMount(): { ok: true } | { ok: false; why: string } {
  const t = tempDir('kenning-mount-probe-');
  try {
    sh('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', t.dir]);
    try {
      sh('mount', ['-o', 'remount,ro', t.dir]);
      try {
        fs.writeFileSync(path.join(t.dir, 'x'), 'x');
        return { ok: false, why: 'a read-only remount still accepted writes' };
      } catch {
        return { ok: true };
      }
    } finally {
      sh('umount', [t.dir]);
    }
  } catch (e) {
    return { ok: false, why: `mount is not permitted here: ${(e as { stderr?: Buffer }).stderr?.toString().trim() || (e as Error).message}` };
  } finally {
    t.cleanup();
  }
}

const MOUNT = probeMount();
/** Appended to the names of the mount cases: a skipped run says why in the report. */
const NO_MOUNT = MOUNT.ok ? '' : ` — SKIPPED: ${MOUNT.why}`;
if (!MOUNT.ok) console.log(`[reliability] storage faults: full-disk and read-only cases skipped — ${MOUNT.why}`);

type Opened = { core: Core; call<N extends ProcedureName>(token: string | null, name: N, input?: unknown): Promise<Output<N>>; code(token: string | null, name: ProcedureName, input?: unknown): Promise<string> };

async function openAt(home: string, config: Partial<CoreConfig> = {}): Promise<Opened> {
  const core = await Core.open(nodeCoreOptions({ home, config: { workerIdleMs: 60_000, ...FAST_HASHES, ...config }, log: silentLog }));
  const call = async <N extends ProcedureName>(token: string | null, name: N, input: unknown = {}) => {
    const r = await core.call({ token }, name, input);
    if (!r.ok) throw fromWire(r.error);
    return r.value as Output<N>;
  };
  return {
    core,
    call,
    code: async (token, name, input = {}) => {
      const r = await core.call({ token }, name, input);
      return r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`;
    },
  };
}

/** Fills the file system holding `dir` to the last byte; returns the filler's path. */
function fillDisk(dir: string): string {
  const filler = path.join(dir, 'filler.bin');
  const fd = fs.openSync(filler, 'w');
  try {
    for (const size of [1024 * 1024, 64 * 1024, 4096, 512, 1]) {
      const buf = Buffer.alloc(size, 0x5a);
      for (;;) {
        try {
          fs.writeSync(fd, buf);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw e;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}

function integrity(home: string): string {
  const db = new Database(path.join(home, 'system.db'), { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

const found = async (o: Opened, token: string, datasetId: string, query: string): Promise<string[]> => {
  const r = await o.call(token, 'search.run', { query, searchType: 'CHUNKS_LEXICAL', datasetIds: [datasetId], topK: 20 });
  return [...new Set(sentinelsIn(r.results.flatMap((x) => x.hits.map((h) => h.text)).join(' ')))].sort();
};

/** A profile with one cognified dataset (two sentinels) and one pending item (sentinel X). */
async function seed(o: Opened, tag: string) {
  const { token } = await (async () => {
    await o.call(null, 'auth.register', { email: `${tag}@example.com`, password: 'password-123' });
    return o.call(null, 'auth.signIn', { email: `${tag}@example.com`, password: 'password-123' });
  })();
  const ds = (await o.call(token, 'datasets.create', { name: 'before-fault' })).id;
  const s = [sentinel(1, tag, 0), sentinel(1, tag, 1)];
  await o.call(token, 'data.add', { datasetId: ds, texts: s.map((x) => sentinelDoc(x, 'salt mining')) });
  const [run] = await o.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
  expect(run).toMatchObject({ status: 'completed' });
  const x = sentinel(1, tag, 'x');
  await o.call(token, 'data.add', { datasetId: ds, texts: [sentinelDoc(x, 'late additions')] });
  const counts = await o.call(token, 'graph.counts', { datasetId: ds });
  expect(await found(o, token, ds, 'archive letters')).toEqual([...s].sort());
  return { token, ds, s, x, counts };
}

describe.skipIf(!MOUNT.ok)(`full disk${NO_MOUNT}`, () => {
  // Made in beforeAll, not here: a skipped describe still runs its body to collect the tests.
  let t: ReturnType<typeof tempDir>;
  let home: string;
  let o: Opened | undefined;
  beforeAll(() => {
    t = tempDir('kenning-full-');
    home = path.join(t.dir, 'home');
    sh('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', t.dir]);
    fs.mkdirSync(home);
  });
  afterAll(async () => {
    await o?.core.close();
    sh('umount', ['-l', t.dir]);
    t.cleanup();
  });

  it('adds, catalogue writes and cognify say the disk is full; nothing is corrupted; all resumes once space is freed', async () => {
    o = await openAt(home);
    const { token, ds, s, x, counts } = await seed(o, 'full');
    const filler = fillDisk(t.dir);
    const faults: string[] = [];

    // A new file cannot be stored: that item is refused with words a user understands.
    const add = await o.call(token, 'data.add', { datasetId: ds, texts: ['A brand new text about lamp oil that needs disk space to be stored.'] });
    expect(add.items[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/disk is full/i) });
    faults.push('add');

    // Catalogue writes: the first one SQLite cannot place fails with storage_full (never internal).
    let catalogue = 'ok';
    for (let i = 0; i < 5000 && catalogue === 'ok'; i++) catalogue = await o.code(token, 'datasets.create', { name: `filler dataset ${i} ${'x'.repeat(150)}` });
    expect(catalogue).toMatch(/^storage_full: .*disk is full/i);
    faults.push('catalogue');

    // Cognify of the pending item: the run ends errored, saying the disk is full.
    const [run] = await o.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false }).catch((e: unknown) => {
      if (e instanceof AppError) return [{ status: 'call-failed', error: `${e.code}: ${e.message}` }];
      throw e;
    });
    expect(run!.status).toMatch(/errored|call-failed/);
    expect(run!.error).toMatch(/disk is full/i);
    faults.push('cognify');

    // Free the space: nothing was corrupted, earlier data is intact, pending work completes.
    fs.rmSync(filler);
    expect(integrity(home)).toBe('ok');
    expect(await o.call(token, 'graph.counts', { datasetId: ds })).toEqual(counts);
    expect(await found(o, token, ds, 'archive letters')).toEqual([...s].sort());
    const [again] = await o.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
    expect(again).toMatchObject({ status: 'completed', itemsFailed: 0 });
    expect(await found(o, token, ds, 'archive letters')).toEqual([...s, x].sort());
    const items = await o.call(token, 'datasets.data', { datasetId: ds });
    expect(items.every((i) => i.status === 'completed')).toBe(true);
    await o.core.close();
    o = undefined;
    expect(integrity(home)).toBe('ok');
    report('storage: full disk', { tmpfsMB: 64, faultsInjected: faults.length, clearErrors: faults.length, integrity: 'ok', itemsLost: 0 });
  }, 180_000);
});

describe.skipIf(!MOUNT.ok)(`read-only data folder${NO_MOUNT}`, () => {
  let t: ReturnType<typeof tempDir>;
  let home: string;
  const binds: string[] = [];
  let o: Opened | undefined;
  beforeAll(() => {
    t = tempDir('kenning-ro-');
    home = path.join(t.dir, 'home');
    sh('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', t.dir]);
    fs.mkdirSync(home);
  });
  afterAll(async () => {
    await o?.core.close();
    for (const b of binds.reverse()) sh('umount', ['-l', b]);
    sh('umount', ['-l', t.dir]);
    t.cleanup();
  });
  const readOnly = (dir: string) => {
    sh('mount', ['--bind', dir, dir]);
    binds.push(dir);
    sh('mount', ['-o', 'remount,ro,bind', dir]);
  };

  it('while running: engine folders read-only → storage_readonly; writable again → everything works', async () => {
    o = await openAt(home, { workerIdleMs: 0 });
    const { token, ds, s, x, counts } = await seed(o, 'ro');
    const pool = (o.core.services.engines as PooledEngines).pool;
    await waitFor('idle workers to close', () => (pool.liveCount === 0 ? true : undefined), 30_000);
    readOnly(path.join(home, 'databases'));
    readOnly(path.join(home, 'data_storage'));
    const faults: string[] = [];

    const add = await o.call(token, 'data.add', { datasetId: ds, texts: ['Fresh content that cannot be stored on a read-only folder.'] });
    expect(add.items[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/not writable|read-only/i) });
    faults.push('add');
    const search = await o.code(token, 'search.run', { query: 'archive', datasetIds: [ds] });
    expect(search).toMatch(/^storage_readonly: .*read-only/i);
    faults.push('search');
    const [run] = await o.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
    expect(run).toMatchObject({ status: 'errored', error: expect.stringMatching(/read-only/i) });
    faults.push('cognify');
    const fresh = (await o.call(token, 'datasets.create', { name: 'made while read-only' })).id;
    expect(await o.code(token, 'graph.counts', { datasetId: fresh })).toMatch(/^storage_readonly: .*read-only/i);
    faults.push('new dataset');

    for (const b of binds.splice(0).reverse()) sh('umount', [b]);
    expect(integrity(home)).toBe('ok');
    expect(await o.call(token, 'graph.counts', { datasetId: ds })).toEqual(counts);
    expect(await found(o, token, ds, 'archive letters')).toEqual([...s].sort());
    const [again] = await o.call(token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
    expect(again).toMatchObject({ status: 'completed', itemsFailed: 0 });
    expect(await found(o, token, ds, 'archive letters')).toEqual([...s, x].sort());
    await o.core.close();
    o = undefined;

    // The whole home read-only before start: opening says so instead of failing obscurely.
    sh('mount', ['-o', 'remount,ro', t.dir]);
    let opened: Core | undefined;
    const err = await Core.open(nodeCoreOptions({ home, log: silentLog }))
      .then((c) => {
        opened = c;
        return null;
      })
      .catch((e: unknown) => e);
    await opened?.close();
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'storage_readonly', message: expect.stringMatching(/read-only/i) });
    faults.push('open');
    sh('mount', ['-o', 'remount,rw', t.dir]);
    o = await openAt(home);
    const again2 = await o.call(null, 'auth.signIn', { email: 'ro@example.com', password: 'password-123' });
    expect(await found(o, again2.token, ds, 'archive letters')).toEqual([...s, x].sort());
    expect(integrity(home)).toBe('ok');
    report('storage: read-only folder', { faultsInjected: faults.length, clearErrors: faults.length, integrity: 'ok', itemsLost: 0 });
  }, 180_000);
});

describe('corrupted dataset store', () => {
  let t: TestCore;
  let token: string;
  let userId: string;
  beforeAll(async () => {
    t = await openTestCore();
    const u = await t.user('corrupt@example.com');
    token = u.token;
    userId = u.id;
  });
  afterAll(async () => t.close());

  async function dataset(name: string, tag: string): Promise<{ id: string; s: string[] }> {
    const id = (await t.call(token, 'datasets.create', { name })).id;
    const s = [sentinel(2, tag, 0), sentinel(2, tag, 1)];
    await t.call(token, 'data.add', { datasetId: id, texts: s.map((x) => sentinelDoc(x, 'clock repair')) });
    await t.call(token, 'cognify.run', { datasetIds: [id], runInBackground: false });
    return { id, s };
  }
  const closeWorker = async (datasetId: string) => {
    const pool = (t.core.services.engines as PooledEngines).pool;
    await pool.teardown({ ownerId: userId, datasetId });
    await pool.whenStopped({ ownerId: userId, datasetId });
    expect(pool.pidOf({ ownerId: userId, datasetId })).toBeUndefined();
  };
  const scribble = (file: string, offsets: number[]) => {
    const fd = fs.openSync(file, 'r+');
    const size = fs.fstatSync(fd).size;
    for (const at of offsets) fs.writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, Math.min(at, Math.max(0, size - 4096)));
    fs.closeSync(fd);
  };
  const searchOf = async (datasetId: string) => t.core.call({ token }, 'search.run', { query: 'archive letters', searchType: 'CHUNKS_LEXICAL', datasetIds: [datasetId], topK: 10 });
  const sentinelsOf = async (datasetId: string) => {
    const r = await searchOf(datasetId);
    if (!r.ok) throw fromWire(r.error);
    return [...new Set(sentinelsIn(r.value.results.flatMap((x) => x.hits.map((h) => h.text)).join(' ')))].sort();
  };

  it('a damaged graph file or vector file is reported as corrupt on that dataset; the others still work', async () => {
    const healthy = await dataset('healthy', 'h');
    const graphBroken = await dataset('graph-broken', 'g');
    const vectorsBroken = await dataset('vectors-broken', 'v');
    const dir = path.join(t.home, 'databases', userId);

    await closeWorker(graphBroken.id);
    const kuzu = path.join(dir, `${graphBroken.id}.kuzu`);
    scribble(kuzu, [0, 4096, 8192, 65536]);
    const g1 = await searchOf(graphBroken.id);
    const g2 = await t.core.call({ token }, 'graph.counts', { datasetId: graphBroken.id });
    for (const r of [g1, g2]) expect(r).toMatchObject({ ok: false, error: { code: 'corrupt', message: expect.stringMatching(/damaged|corrupt/i) } });

    await closeWorker(vectorsBroken.id);
    const lanceFiles = listFiles(path.join(dir, `${vectorsBroken.id}.lance.db`)).filter((f) => /\/data\/.*\.lance$/.test(f));
    expect(lanceFiles.length).toBeGreaterThan(0);
    for (const f of lanceFiles) scribble(path.join(dir, `${vectorsBroken.id}.lance.db`, f), [0, 1 << 20]);
    const v1 = await searchOf(vectorsBroken.id);
    expect(v1).toMatchObject({ ok: false, error: { code: 'corrupt', message: expect.stringMatching(/damaged|corrupt/i) } });

    // The healthy dataset is unaffected, and so is the catalogue.
    expect(await sentinelsOf(healthy.id)).toEqual([...healthy.s].sort());
    expect((await t.call(token, 'datasets.list', {})).map((d) => d.name).sort()).toEqual(['graph-broken', 'healthy', 'vectors-broken']);
    expect(integrity(t.home)).toBe('ok');
    // The damaged dataset can be dropped and rebuilt from its raw data (forget keeps it).
    await t.call(token, 'datasets.delete', { datasetId: graphBroken.id });
    expect(await sentinelsOf(healthy.id)).toEqual([...healthy.s].sort());
    report('storage: corrupted store', { corruptedStores: 2, clearErrors: 3, otherDatasetsAffected: 0, integrity: 'ok' });
  }, 180_000);
});
