/**
 * kill -9 of the whole host process (`tsx electron/host/cli.ts`, a real child process) while a
 * background cognify runs: its dataset workers exit on their own (no orphans), and after a
 * restart on the same home the run is reported `interrupted`, a new cognify completes it, and
 * the result equals a clean run of the same files (counts, node and edge ids, vector rows).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

import { afterAll, describe, expect, it } from 'vitest';

import type { Output, ProcedureName } from '../../shared/contract/procedures';
import { fromWire } from '../../shared/domain/errors';
import { file } from '../helpers/corpus';
import { rpc } from '../helpers/http-core';
import { tempDir } from '../helpers/temp';
import { mobyDickChapter } from '../fixtures/prose';
import { alive, childPids, report, size, TIMEOUT, waitFor } from './lib';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ROUNDS = size(1, 3);
const FILES = size(6, 10);

type Served = { proc: ChildProcess; url: string; stderr: string[] };

/** Starts the CLI on `home` and resolves with its URL once it prints the ready line. */
function serve(home: string): Promise<Served> {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/host/cli.ts'), '--home', home, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KENNING_WORKER_IDLE_MS: '60000' },
  });
  const stderr: string[] = [];
  readline.createInterface({ input: proc.stderr! }).on('line', (l) => stderr.push(l));
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: proc.stdout! });
    lines.on('line', (l) => {
      const m = /^Kenning listening on (http:\/\/\S+)$/.exec(l);
      if (m) resolve({ proc, url: m[1]!, stderr });
    });
    proc.on('exit', (code) => reject(new Error(`the host exited (${code}) before it was ready:\n${stderr.join('\n')}`)));
  });
}

async function call<N extends ProcedureName>(url: string, token: string | null, name: N, input: unknown = {}): Promise<Output<N>> {
  const r = await rpc(url, token, name, input);
  if (!r.ok) throw fromWire(r.error);
  return r.value as Output<N>;
}

describe('host process killed during ingestion', () => {
  const t = tempDir('kenning-hostkill-');
  const home = path.join(t.dir, 'home');
  const started: ChildProcess[] = [];
  afterAll(async () => {
    for (const p of started) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    t.cleanup();
  });

  it(
    'the run is reported interrupted, a new cognify completes it, and it equals a clean run',
    async () => {
      const files = Array.from({ length: FILES }, (_, i) => file(`chapter-${i + 10}.txt`, mobyDickChapter(i + 10).slice(0, 4000)));
      let s = await serve(home);
      started.push(s.proc);
      await call(s.url, null, 'auth.register', { email: 'host-crash@example.com', password: 'password-123' });
      const signIn = async (url: string) => (await call(url, null, 'auth.signIn', { email: 'host-crash@example.com', password: 'password-123' })).token;
      let token = await signIn(s.url);
      const ds = (await call(s.url, token, 'datasets.create', { name: 'interrupted' })).id;
      const added = await call(s.url, token, 'data.add', { datasetId: ds, files });
      expect(added.items.every((i) => i.status === 'added')).toBe(true);

      let orphans = 0;
      const interruptedRuns: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const [run] = await call(s.url, token, 'cognify.run', { datasetIds: [ds], runInBackground: true });
        // Mid-run: at least one item written, at least one still to do.
        await waitFor('cognify to be mid-run', async () => {
          const [st] = await call(s.url, token, 'datasets.status', { datasetIds: [ds] });
          return st!.latestRun?.id === run!.id && st!.counts.completed >= 1 + round && st!.counts.pending + st!.counts.processing > 0 ? true : undefined;
        }, 120_000, 20);
        const workers = childPids(s.proc.pid!);
        expect(workers.length).toBeGreaterThan(0);
        const exited = new Promise((r) => s.proc.once('exit', r));
        s.proc.kill('SIGKILL');
        await exited;
        // The workers notice the parent is gone and exit: nothing keeps the dataset locked.
        await waitFor('the orphaned workers to exit', () => (workers.every((p) => !alive(p)) ? true : undefined), 30_000);
        orphans += workers.filter((p) => alive(p)).length;

        s = await serve(home);
        started.push(s.proc);
        token = await signIn(s.url);
        const [st] = await call(s.url, token, 'datasets.status', { datasetIds: [ds] });
        expect(st!.latestRun).toMatchObject({ id: run!.id, status: 'interrupted' });
        expect(st!.status).toBe('interrupted');
        expect(st!.counts.processing).toBe(0); // items the dead process held went back to pending
        expect(st!.counts.pending).toBeGreaterThan(0);
        interruptedRuns.push(run!.id);
      }

      const [resumed] = await call(s.url, token, 'cognify.run', { datasetIds: [ds], runInBackground: false });
      expect(resumed).toMatchObject({ status: 'completed', itemsFailed: 0 });
      const items = await call(s.url, token, 'datasets.data', { datasetId: ds });
      expect(items.filter((i) => i.status !== 'completed')).toEqual([]);

      const clean = (await call(s.url, token, 'datasets.create', { name: 'clean' })).id;
      await call(s.url, token, 'data.add', { datasetId: clean, files });
      const [cleanRun] = await call(s.url, token, 'cognify.run', { datasetIds: [clean], runInBackground: false });
      expect(cleanRun).toMatchObject({ status: 'completed', itemsDone: FILES });

      // Catalog rows belong to one dataset, and node ids derive from item ids: compare with each item id written as its name.
      const view = async (datasetId: string) => {
        const names = new Map((await call(s.url, token, 'datasets.data', { datasetId })).map((d) => [d.id as string, d.name]));
        const canon = (x: string) => [...names].reduce((acc, [id, name]) => acc.split(id).join(`<${name}>`), x);
        const g = await call(s.url, token, 'graph.read', { datasetId, nodeLimit: 50_000, edgeLimit: 100_000 });
        const hits = await call(s.url, token, 'search.run', { datasetIds: [datasetId], query: 'whale sea ship captain', searchType: 'CHUNKS', topK: 50 });
        const lexical = await call(s.url, token, 'search.run', { datasetIds: [datasetId], query: 'whale sea ship captain', searchType: 'CHUNKS_LEXICAL', topK: 50 });
        return {
          counts: await call(s.url, token, 'graph.counts', { datasetId }),
          nodes: g.nodes.map((n) => canon(n.id)).sort(),
          edges: g.edges.map((e) => canon(e.id)).sort(),
          vectorHits: hits.results[0]!.hits.map((h) => canon(h.nodeId ?? '')).sort(),
          lexicalHits: lexical.results[0]!.hits.map((h) => canon(h.nodeId ?? '')).sort(),
        };
      };
      const a = await view(ds);
      const b = await view(clean);
      expect(a).toEqual(b);

      const exited = new Promise((r) => s.proc.once('exit', r));
      s.proc.kill('SIGTERM');
      expect(await exited).toBe(0);
      report('host kill -9 during cognify', {
        restarts: ROUNDS,
        files: FILES,
        interruptedRuns: interruptedRuns.length,
        orphanWorkers: orphans,
        nodes: a.nodes.length,
        edges: a.edges.length,
        itemsLost: 0,
        diffVsClean: 0,
      });
    },
    TIMEOUT,
  );
});
