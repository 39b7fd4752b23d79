/**
 * 1. Ingestion throughput through the full API: data.add + cognify.run (runInBackground false)
 * on a corpus of real prose in five formats, split into 3 equal parts (3 samples, one dataset
 * each). Per-stage times come from the run.progress events main receives from the worker.
 * The limit: the same stages run alone in one process on the same part (lib/stages.ts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import type { PooledEngines } from '../../electron/core/datasets/pooled-engines';
import { tempDir } from '../helpers/temp';
import { openCore } from './lib/core';
import { buildCorpus, bytesOf, splitCorpus } from './lib/corpus';
import type { CorpusFile } from './lib/corpus';
import type { BenchOptions } from './lib/options';
import { PeakSampler } from './lib/proc';
import type { BenchOutput, Row } from './lib/result';
import { STAGES, zeroStages } from './lib/stages';
import type { Stage, StageTimes } from './lib/stages';
import { median, now } from './lib/stats';
import { REPO, bundleWorker } from './lib/worker-bundle';

const PARTS = 3;
const MB = 1024 * 1024;
const perMin = (bytes: number, ms: number) => bytes / MB / (ms / 60_000);

type PipelineSample = { bytes: number; addMs: number; cognifyMs: number; stages: StageTimes; items: number; failed: number };

function stagesAlone(corpusBytes: number, part: number, dir: string): { total: StageTimes; perItem: { bytes: number; ms: number }[] } {
  const out = path.join(dir, `stages-${part}.json`);
  execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'lib/stages-child.ts'), String(corpusBytes), String(PARTS), String(part), out], {
    cwd: REPO,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

async function pipeline(t: Awaited<ReturnType<typeof openCore>>, token: string, files: readonly CorpusFile[], name: string): Promise<PipelineSample> {
  const ds = await t.call(token, 'datasets.create', { name });
  const stamps = new Map<string, Map<string, number>>();
  const off = t.core.subscribe(
    () => ({ token }),
    (ev, payload) => {
      if (ev !== 'run.progress') return;
      const p = payload as { dataId: string | null; stage: string };
      if (!p.dataId) return;
      let m = stamps.get(p.dataId);
      if (!m) stamps.set(p.dataId, (m = new Map()));
      m.set(p.stage, now());
    },
  );
  try {
    const t0 = now();
    for (let i = 0; i < files.length; i += 25) {
      const r = await t.call(token, 'data.add', { datasetId: ds.id, files: files.slice(i, i + 25).map((f) => ({ name: f.name, bytes: f.bytes })) });
      const bad = r.items.filter((x) => x.status !== 'added');
      if (bad.length) throw new Error(`data.add: ${bad.map((b) => `${b.name}: ${b.status} ${b.reason ?? ''}`).join('; ')}`);
    }
    const t1 = now();
    const [run] = await t.call(token, 'cognify.run', { datasetIds: [ds.id], runInBackground: false });
    const t2 = now();
    const stages = zeroStages();
    const order: (Stage | 'done')[] = [...STAGES, 'done'];
    for (const m of stamps.values()) {
      for (let i = 0; i < STAGES.length; i++) {
        const a = m.get(order[i]!);
        const b = m.get(order[i + 1]!);
        if (a !== undefined && b !== undefined) stages[STAGES[i]!] += b - a;
      }
    }
    return { bytes: bytesOf(files), addMs: t1 - t0, cognifyMs: t2 - t1, stages, items: run?.itemsDone ?? 0, failed: run?.itemsFailed ?? 0 };
  } finally {
    off();
  }
}

export async function run(o: BenchOptions): Promise<BenchOutput> {
  const corpusBytes = (o.quick ? 1 : 5) * MB;
  const corpus = buildCorpus(corpusBytes);
  const parts = splitCorpus(corpus, PARTS);
  const formats: Record<string, number> = {};
  for (const f of corpus) formats[f.format] = (formats[f.format] ?? 0) + f.bytes.byteLength;
  const home = tempDir('kenning-bench-ingest-');
  const sampler = new PeakSampler(100);
  const entry = await bundleWorker();
  const t = await openCore(home.dir, {}, entry);
  const pipe: PipelineSample[] = [];
  const alone: { total: StageTimes; perItem: { bytes: number; ms: number }[] }[] = [];
  let workerPid: number | undefined;
  try {
    const u = await t.user('ingest@bench.example');
    for (let k = 0; k < PARTS; k++) {
      // Interleaved, so background load drifts hit both sides alike.
      alone.push(stagesAlone(corpusBytes, k, home.dir));
      pipe.push(await pipeline(t, u.token, parts[k]!, `part-${k}`));
      const ds = (await t.call(u.token, 'datasets.list')).find((d) => d.name === `part-${k}`)!;
      workerPid ??= (t.core.services.engines as PooledEngines).pool.pidOf({ ownerId: ds.ownerId, datasetId: ds.id });
    }
  } finally {
    sampler.stop();
    await t.core.close();
    home.cleanup();
  }
  const failed = pipe.reduce((a, s) => a + s.failed, 0);
  const pipeRate = pipe.map((s) => perMin(s.bytes, s.addMs + s.cognifyMs));
  const aloneRate = alone.map((a, k) => perMin(bytesOf(parts[k]!), STAGES.reduce((x, s) => x + a.total[s], 0)));
  const pr = median(pipeRate);
  const ar = median(aloneRate);
  const mb = (corpusBytes / MB).toFixed(0);
  const rows: Row[] = [
    {
      id: 'ingest.total',
      benchmark: 'Ingestion',
      metric: `add + cognify through the API, ${mb} MB of prose (.txt .md .html .csv .json)`,
      unit: 'MB/min',
      value: pr,
      samples: pipe.length,
      limit: { name: 'the same stages run alone in one process', value: ar },
      ratio: pr / ar,
      target: { text: '≥ 0.7 of the stages alone', op: '>=', value: 0.7, on: 'ratio' },
      how: `The corpus is split into ${PARTS} parts of ~${(corpusBytes / PARTS / MB).toFixed(2)} MB, each a sample: data.add (25 files per call) then cognify.run with runInBackground false on a new dataset, timed from the first add to the run's reply (includes the worker's cold start). Limit: parse → chunk → extract → summarize → embed → write (Kùzu, LanceDB, doc text) on the same files in one fresh process, no core, queue or IPC. Bundled worker, local embedder.`,
    },
  ];
  for (const s of STAGES) {
    const p = median(pipe.map((x) => perMin(x.bytes, x.stages[s])));
    const a = median(alone.map((x, k) => perMin(bytesOf(parts[k]!), x.total[s])));
    rows.push({
      id: `ingest.stage.${s}`,
      benchmark: 'Ingestion',
      metric: `stage ${s}`,
      unit: 'MB/min',
      value: p,
      samples: pipe.length,
      limit: { name: `${s} run alone in one process`, value: a },
      ratio: p / a,
      how: `Pipeline: time between the worker's "${s}" progress event and the next stage's, summed over items${s === 'write' ? ' (ends at "done": includes the reply and the status update in main)' : s === 'summarize' ? ' (includes building the graph and vector rows)' : ''}. No target per stage.`,
    });
  }
  const pipeStageMs = median(pipe.map((x) => STAGES.reduce((a, s) => a + x.stages[s], 0)));
  const pipeWallMs = median(pipe.map((x) => x.addMs + x.cognifyMs));
  return {
    name: 'ingest',
    rows,
    details: {
      corpusBytes: bytesOf(corpus),
      files: corpus.length,
      formats,
      failedItems: failed,
      samples: pipe.map((s, k) => ({ ...s, aloneStages: alone[k]!.total })),
      mainPeakRssMiB: Math.round(sampler.mainPeakMiB),
      workerPeakRssMiB: Math.round(sampler.workerPeakMiB),
      workerPids: [...sampler.workerPids],
      firstWorkerPid: workerPid,
      medianAddMs: median(pipe.map((x) => x.addMs)),
      medianStageSumMs: pipeStageMs,
      medianWallMs: pipeWallMs,
    },
    notes: [
      `Peak RSS (VmHWM sampled every 100 ms from /proc): main ${Math.round(sampler.mainPeakMiB)} MiB, dataset worker ${Math.round(sampler.workerPeakMiB)} MiB (largest of ${sampler.workerPids.size} worker processes, found with ps --ppid).`,
      `Per part: ${((pipeWallMs - pipeStageMs) / 1000).toFixed(1)} s of the ${(pipeWallMs / 1000).toFixed(1)} s wall time is outside the stages (data.add ${median(pipe.map((x) => x.addMs)).toFixed(0)} ms, worker start, per-item orchestration and IPC).`,
      ...(failed ? [`${failed} item(s) failed in cognify; their bytes still count in the throughput.`] : []),
    ],
  };
}
