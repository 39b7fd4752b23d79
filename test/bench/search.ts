/**
 * 2. Search latency of the default search type (CHUNKS_HYBRID) through the full API (token →
 * caller → permission resolution over every readable dataset → dataset queue → one worker
 * round trip per dataset → merge), with DEFAULT settings (the worker cap follows memory), over
 * 10 datasets of 10,000 chunks shared with one reader and 20 such datasets shared with another.
 *
 * Each is measured against its floor in the same run: the same hybrid answer computed in ONE
 * process by a plain Float32 scan of the same vectors (one thread per core) while LanceDB's
 * BM25 runs on the same tables (lib/search-floor.ts, independent of the product's code). Tables
 * are seeded through the vector store adapter before any worker opens them.
 */
import os from 'node:os';

import { configFromEnv } from '../../electron/core/config';
import { datasetPaths } from '../../electron/core/datasets/paths';
import type { PooledEngines } from '../../electron/core/datasets/pooled-engines';
import { createEmbedder } from '../../electron/worker/ingest/embed';
import type { Embedder } from '../../electron/worker/ingest/types';
import { reciprocalRankFusion } from '../../shared/rank-fusion';
import { tempDir } from '../helpers/temp';
import { openCore } from './lib/core';
import type { BenchCore } from './lib/core';
import type { BenchOptions } from './lib/options';
import { memOf } from './lib/proc';
import type { BenchOutput, Row } from './lib/result';
import { figure } from './lib/result';
import { SearchFloor } from './lib/search-floor';
import type { FloorHit } from './lib/search-floor';
import { seedChunks } from './lib/seed-vectors';
import { corpusSentences } from './lib/sentences';
import { bundleWorker } from './lib/worker-bundle';
import { cpuMsOf, datasetWorkerPids, selfCpuMs } from './lib/worker-pids';
import { now, rng, summarize } from './lib/stats';

const medianOf = (xs: readonly number[]) => summarize(xs).median;

const FEW = 10;
const MANY = 20;
const ITEMS_PER_DATASET = 10;
const TOP_K = 10;
const WARM = 10;
/**
 * Warm-up calls through the API. Each worker is its own process, so each warms its own JIT: over
 * 10 datasets the workers' CPU per search fell from ~86 ms (calls 11–110) to ~50 ms (after 300).
 */
const WARM_API = 100;

/** Chunks of two consecutive sentences (~250 characters), cycling through the corpus. */
function chunkTexts(count: number, offset: number): string[] {
  const s = corpusSentences();
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const j = (offset + i * 2) % (s.length - 1);
    out.push(`${s[j]} ${s[j + 1]}`);
  }
  return out;
}

function queries(n: number): string[] {
  const s = corpusSentences();
  const r = rng(42);
  const out: string[] = [];
  while (out.length < n) {
    const words = s[Math.floor(r() * s.length)]!.split(' ');
    const len = 4 + Math.floor(r() * 6);
    const from = Math.floor(r() * Math.max(1, words.length - len));
    out.push(words.slice(from, from + len).join(' ').replace(/[^\p{L}\p{N}' -]/gu, ''));
  }
  return out.filter((q) => q.trim().length > 0);
}

type User = { token: string; id: string };
type Dataset = { datasetId: string; dir: string };
type Seeded = { owner: User; few: User; many: User; datasets: Dataset[] };

/** MANY datasets of `perDataset` chunks; `few` may read the first FEW, `many` all of them. */
async function seed(t: BenchCore, embedder: Embedder, perDataset: number): Promise<Seeded> {
  const owner = await t.user('owner@search.bench');
  const few = await t.user('reader10@search.bench');
  const many = await t.user('reader20@search.bench');
  const datasets: Dataset[] = [];
  for (let d = 0; d < MANY; d++) {
    const ds = await t.call(owner.token, 'datasets.create', { name: `corpus-${d}` });
    const added = await t.call(owner.token, 'data.add', {
      datasetId: ds.id,
      texts: Array.from({ length: ITEMS_PER_DATASET }, (_, i) => `Placeholder item ${i} of dataset ${d}; its chunks are seeded directly.`),
    });
    const dataIds = added.items.map((i) => i.dataId!).filter(Boolean);
    for (const reader of d < FEW ? [few, many] : [many]) await t.call(owner.token, 'sharing.grant', { datasetId: ds.id, principalId: reader.id, permissions: ['read'] });
    const dir = datasetPaths(t.home, owner.id, ds.id).vectors;
    await seedChunks(dir, embedder, dataIds, chunkTexts(perDataset, d * 7919));
    datasets.push({ datasetId: ds.id, dir });
  }
  return { owner, few, many, datasets };
}

/**
 * Picks the floor's BM25 setting: 1, 2 or all queries in flight, each timed on `n` queries after
 * WARM warm-up calls; the lowest median wins.
 */
async function calibrate(f: SearchFloor, embedder: Embedder, qs: readonly string[], n: number): Promise<Record<number, number>> {
  const byConcurrency: Record<number, number> = {};
  for (const c of [1, 2, f.tables.length]) {
    f.bm25Concurrency = c;
    for (const q of qs.slice(0, WARM)) await f.search(q, (await embedder.embed([q]))[0]!, TOP_K);
    const ms: number[] = [];
    for (const q of qs.slice(WARM, WARM + n)) {
      const t0 = now();
      await f.search(q, (await embedder.embed([q]))[0]!, TOP_K);
      ms.push(now() - t0);
    }
    byConcurrency[c] = medianOf(ms);
  }
  f.bm25Concurrency = Number(Object.entries(byConcurrency).sort((a, b) => a[1] - b[1])[0]![0]);
  return byConcurrency;
}

/** LanceDB's own hybrid (flat vectorSearch and FTS with their columns, both at once per table), in one process: for context. */
async function lanceNative(embedder: Embedder, datasets: readonly Dataset[], qs: readonly string[]): Promise<number[]> {
  const lancedb = await import('@lancedb/lancedb');
  const conns = await Promise.all(datasets.map((d) => lancedb.connect(d.dir)));
  const tables = await Promise.all(conns.map((c) => c.openTable('DocumentChunk_text')));
  const cols = ['id', 'node_id', 'data_id', 'chunk_id', 'text', 'start_pos', 'end_pos'];
  try {
    const one = async (q: string) => {
      const [v] = await embedder.embed([q]);
      const lists = await Promise.all(
        tables.map(async (t) => {
          const [byVector, byText] = await Promise.all([
            t.vectorSearch(v!).distanceType('cosine').select([...cols, '_distance']).limit(TOP_K * 3).toArray() as Promise<{ id: string }[]>,
            t.query().fullTextSearch(q, { columns: ['text'] }).select([...cols, '_score']).limit(TOP_K * 3).toArray() as Promise<{ id: string }[]>,
          ]);
          return reciprocalRankFusion([byVector, byText], (r) => r.id).slice(0, TOP_K);
        }),
      );
      // Across tables by score, as the product merges datasets (electron/core/search/merge-hits.ts).
      return lists
        .flat()
        .sort((a, b) => b.score - a.score)
        .slice(0, TOP_K);
    };
    for (const q of qs.slice(0, WARM)) await one(q);
    const ms: number[] = [];
    for (const q of qs) {
      const t0 = now();
      await one(q);
      ms.push(now() - t0);
    }
    return ms;
  } finally {
    for (const t of tables) t.close();
    for (const c of conns) c.close();
  }
}

type Answer = { datasetId: string; nodeId: string };

type Run = {
  api: number[];
  floor: number[];
  firstMs: number;
  apiAnswers: Answer[][];
  floorAnswers: FloorHit[][];
  restarts: number;
  workers: number;
  workerRssMiB: number[];
  /** CPU time per measured call: main (this process, during the API calls), the datasets' workers, and the floor (this process, during its calls). */
  cpuMsPerSearch: { main: number; workers: number; floor: number };
  byConcurrency: Record<number, number>;
};

/** The pids of the datasets' workers now, from the engine pool (in memory: listing processes between calls slowed the calls). */
function poolPids(t: BenchCore, ownerId: string, datasets: readonly Dataset[]): number[] {
  const pool = (t.core.services.engines as PooledEngines).pool;
  return datasets.flatMap((d) => pool.pidOf({ ownerId, datasetId: d.datasetId }) ?? []);
}

/**
 * The product and its floor on the same queries, one call of each in turn (which goes first
 * alternates), so both meet the same machine: what else runs on it changes by the minute.
 *
 * Product: sequential search.run calls after WARM_API warm-up calls (the first starts the workers
 * and reads the tables into memory; the rest warm each worker's JIT). The pool's worker pids are
 * noted after every call, outside the timing: a pid not seen after the warm-up is a worker
 * started during the measured calls. Floor: lib/search-floor.ts at its calibrated setting.
 */
async function interleaved(t: BenchCore, embedder: Embedder, token: string, qs: readonly string[], ownerId: string, datasets: readonly Dataset[], calibrationQueries: number): Promise<Run> {
  const call = async (q: string) => {
    const r = await t.core.call({ token }, 'search.run', { query: q, searchType: 'CHUNKS_HYBRID', topK: TOP_K });
    if (!r.ok) throw new Error(`search.run: ${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  const c0 = now();
  await call(qs[0]!); // cold: starts the workers that are not running yet, reads their tables
  const firstMs = now() - c0;
  for (let i = 1; i < WARM_API; i++) await call(qs[i % qs.length]!);
  const f = await SearchFloor.open(datasets);
  f.softMatch = embedder.softMatch?.bind(embedder);
  try {
    const byConcurrency = await calibrate(f, embedder, qs, calibrationQueries);
    const floorCall = async (q: string) => f.search(q, (await embedder.embed([q]))[0]!, TOP_K);
    const seen = new Set(poolPids(t, ownerId, datasets));
    const before = seen.size;
    const workerCpu = () => [...seen].reduce((sum, pid) => sum + cpuMsOf(pid), 0);
    const workers0 = workerCpu();
    const out = { api: [] as number[], floor: [] as number[], apiAnswers: [] as Answer[][], floorAnswers: [] as FloorHit[][], mainCpu: 0, floorCpu: 0 };
    const timeApi = async (q: string) => {
      const cpu = selfCpuMs();
      const t0 = now();
      const r = await call(q);
      out.api.push(now() - t0);
      out.mainCpu += selfCpuMs() - cpu;
      out.apiAnswers.push(r.merged.map((h) => ({ datasetId: h.datasetId, nodeId: h.nodeId ?? '' })));
      for (const pid of poolPids(t, ownerId, datasets)) seen.add(pid);
    };
    const timeFloor = async (q: string) => {
      const cpu = selfCpuMs();
      const t0 = now();
      const a = await floorCall(q);
      out.floor.push(now() - t0);
      out.floorCpu += selfCpuMs() - cpu;
      out.floorAnswers.push(a);
    };
    for (const [i, q] of qs.entries()) {
      if (i % 2 === 0) {
        await timeApi(q);
        await timeFloor(q);
      } else {
        await timeFloor(q);
        await timeApi(q);
      }
    }
    const n = qs.length;
    const cpuMsPerSearch = { main: out.mainCpu / n, workers: (workerCpu() - workers0) / n, floor: out.floorCpu / n };
    const live = datasetWorkerPids();
    return {
      api: out.api,
      floor: out.floor,
      firstMs,
      apiAnswers: out.apiAnswers,
      floorAnswers: out.floorAnswers,
      restarts: seen.size - before,
      workers: live.length,
      workerRssMiB: live.map((p) => memOf(p)?.rssMiB ?? 0),
      cpuMsPerSearch,
      byConcurrency,
    };
  } finally {
    await f.close();
  }
}

const same = (a: readonly Answer[], b: readonly Answer[]) => a.length === b.length && a.every((x, i) => x.datasetId === b[i]!.datasetId && x.nodeId === b[i]!.nodeId);

/** Queries whose merged top k is the floor's: same datasets and chunks in the same order. */
const agreement = (r: Run): number => r.apiAnswers.filter((a, i) => same(a, r.floorAnswers[i]!)).length;


export async function run(o: BenchOptions): Promise<BenchOutput> {
  const perDataset = o.quick ? 1_000 : 10_000;
  const nQueries = o.quick ? 60 : 200;
  const qs = queries(nQueries);
  const home = tempDir('kenning-bench-search-');
  const defaults = configFromEnv({});
  try {
    const embedder = await createEmbedder({ provider: 'local' });
    const entry = await bundleWorker();
    // Default settings throughout (openCore's own default keeps idle workers 10 min; not here).
    const t = await openCore(home.dir, { workerIdleMs: defaults.workerIdleMs }, entry);
    let seedMs: number;
    let few: Run;
    let many: Run;
    let native: number[];
    try {
      const seed0 = Date.now();
      const s = await seed(t, embedder, perDataset);
      seedMs = Date.now() - seed0;
      native = await lanceNative(embedder, s.datasets.slice(0, FEW), qs.slice(0, o.quick ? 20 : 50));
      const calibration = o.quick ? 20 : 40;
      few = await interleaved(t, embedder, s.few.token, qs, s.owner.id, s.datasets.slice(0, FEW), calibration);
      many = await interleaved(t, embedder, s.many.token, qs, s.owner.id, s.datasets, calibration);
    } finally {
      await t.core.close();
    }
    const a10 = summarize(few.api);
    const a20 = summarize(many.api);
    const f10 = summarize(few.floor);
    const f20 = summarize(many.floor);
    const n10 = summarize(native);
    const totalFew = perDataset * FEW;
    const totalMany = perDataset * MANY;
    const cap = defaults.maxLiveWorkers;
    const cpu = (r: Run) => r.cpuMsPerSearch.main + r.cpuMsPerSearch.workers;
    const how = (n: number, total: number, reader: string) =>
      `${a10.n} search.run calls (topK ${TOP_K}, no datasetIds: every dataset the reader may read) by ${reader}, with default settings (KENNING_MAX_WORKERS unset: the cap derived from memory is ${cap} here; ${defaults.queueMaxConcurrent} dataset operations at once), after ${WARM_API} warm-up calls (the first starts the workers and reads each table into memory; the rest warm each worker's JIT). Each call: session → caller → grants → dataset queue → ${n} workers each embed the query and run a Float32 scan (vector top-30) while LanceDB's BM25 (top-30) runs, fuse them as the default search does (weighted scores, then the best 20 re-ranked by soft word match; electron/worker/search/search-tuning.ts) → item names from the catalog → one list by score. ${total.toLocaleString('en')} chunks (~250-character pairs of real SOTU / Moby Dick sentences embedded by the local embedder, 100-d) written with LanceVectorStore.writeItem into each dataset's <owner>/<dataset>.lance.db before any worker opens it. Floor: lib/search-floor.ts on the same tables in this one process (the query embedded once; a plain Float32 dot-product scan of the same vectors on ${Math.min(n, os.cpus().length)} threads while LanceDB's BM25 runs on each table, 1, 2 or all queries in flight, whichever was fastest on ${o.quick ? 20 : 40} calibration queries; the same fusion and re-ranking per table, then one list by score across tables; fields from memory). Each product call and each floor call alternate, query by query, so both meet the same machine load.`;
    const rows: Row[] = [
      {
        id: 'search.p50',
        benchmark: 'Search',
        metric: `CHUNKS_HYBRID through the full API, ${totalFew.toLocaleString('en')} chunks in ${FEW} shared datasets, default settings`,
        unit: 'ms',
        ...figure(a10, { name: `Float32 scan + LanceDB BM25 of the same rows, one process, all cores (${FEW} tables)`, value: f10.median }),
        target: { text: '≤ 25 ms', op: '<=', value: 25, on: 'value' },
        how: how(FEW, totalFew, `a user the ${FEW} datasets are shared with`),
      },
      {
        id: 'search.ratio',
        benchmark: 'Search',
        metric: `p50 through the API ÷ p50 of the floor (${FEW} datasets)`,
        unit: '×',
        value: a10.median / f10.median,
        samples: a10.n,
        limit: { name: 'floor p50 (ms)', value: f10.median },
        ratio: a10.median / f10.median,
        target: { text: '≤ 1.5× the floor', op: '<=', value: 1.5, on: 'ratio' },
        how: 'Ratio of the two medians above: same queries, same tables, same run.',
      },
      {
        id: 'search.p50-20',
        benchmark: 'Search',
        metric: `same search over ${MANY} shared datasets (${totalMany.toLocaleString('en')} chunks), default settings`,
        unit: 'ms',
        ...figure(a20, { name: `Float32 scan + LanceDB BM25 of the same rows, one process, all cores (${MANY} tables)`, value: f20.median }),
        target: { text: '≤ 100 ms', op: '<=', value: 100, on: 'value' },
        how: how(MANY, totalMany, `a user all ${MANY} datasets are shared with`),
      },
      {
        id: 'search.restarts-20',
        benchmark: 'Search',
        metric: `worker processes started during the ${MANY}-dataset calls (evictions and cold starts), default cap ${cap}`,
        unit: 'workers',
        value: many.restarts,
        samples: a20.n,
        target: { text: '0 (no worker restarts)', op: '<=', value: 0, on: 'value' },
        how: `The engine pool's worker pid of every dataset noted after each measured call; a pid not seen after the warm-up is a worker started during the calls (an eviction and a cold start). ${many.workers} workers alive at the end, RSS median ${medianOf(many.workerRssMiB).toFixed(0)} MiB, max ${Math.max(...many.workerRssMiB).toFixed(0)} MiB each (search-only workers).`,
      },
      {
        id: 'search.cpu',
        benchmark: 'Search',
        metric: `CPU time per search over ${FEW} datasets, all processes (main ${few.cpuMsPerSearch.main.toFixed(1)} ms + workers ${few.cpuMsPerSearch.workers.toFixed(1)} ms); over ${MANY}: ${cpu(many).toFixed(1)} ms against the floor's ${many.cpuMsPerSearch.floor.toFixed(1)} ms`,
        unit: 'ms',
        value: cpu(few),
        samples: a10.n,
        limit: { name: `floor CPU per search (${FEW} tables)`, value: few.cpuMsPerSearch.floor },
        ratio: cpu(few) / few.cpuMsPerSearch.floor,
        how: 'User + system time of the bench process during the API calls (main) plus that of every dataset worker over the measured calls (/proc/<pid>/stat, 10 ms ticks), divided by the calls; the floor\'s is the bench process (every thread) during its calls. Unlike latency, this hardly depends on what else the machine runs.',
      },
      {
        id: 'search.lance-native',
        benchmark: 'Search',
        metric: `for context: LanceDB's own hybrid in one process (flat vectorSearch and FTS returning their columns, both at once on each of ${FEW} tables, RRF)`,
        unit: 'ms',
        ...figure(n10, { name: `floor (${FEW} tables)`, value: f10.median }, { p99: false }),
        how: `${n10.n} queries after ${WARM} warm-up calls; the same tables, the query embedded once. What the search cost before issue #14 without its IPC (the old "direct" limit ran these two halves one after the other).`,
      },
    ];
    const agree10 = agreement(few);
    const agree20 = agreement(many);
    return {
      name: 'search',
      rows,
      details: {
        perDataset,
        datasets: { few: FEW, many: MANY },
        seedMs,
        defaultWorkerCap: cap,
        api10: a10,
        api20: a20,
        floor10: f10,
        floor20: f20,
        floorCalibrationMedianByBm25Concurrency: { few: few.byConcurrency, many: many.byConcurrency },
        cpuMsPerSearch: { few: few.cpuMsPerSearch, many: many.cpuMsPerSearch },
        lanceNative10: n10,
        firstCallMs: { few: few.firstMs, many: many.firstMs },
        restarts10: few.restarts,
        restarts20: many.restarts,
        workerRssMiB: many.workerRssMiB,
        sameTop10AsFloor: { few: `${agree10}/${few.apiAnswers.length}`, many: `${agree20}/${many.apiAnswers.length}` },
      },
      notes: [
        `The product's merged top ${TOP_K} equals the floor's (same datasets and chunks in the same order) for ${agree10} of ${few.apiAnswers.length} queries over ${FEW} datasets and ${agree20} of ${many.apiAnswers.length} over ${MANY}.`,
      ],
    };
  } finally {
    home.cleanup();
  }
}
