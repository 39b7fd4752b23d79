/**
 * The dev loop of issue 15's search tuning (not part of `npm run bench`): ingest the DEV
 * questions' corpora once into a persistent folder through the real core, then ask only the
 * DEV questions again under other search settings. Never looks at the test split.
 *
 *   npx tsx test/bench/retrieval-tune.ts ingest <home>
 *   npx tsx test/bench/retrieval-tune.ts run <home> '<settings JSON>' ['<settings JSON>' …]
 *
 * Settings reach the dataset workers through KENNING_SEARCH_TUNING (read by
 * electron/worker/search/search-tuning.ts), so each setting opens the core afresh.
 */
import fs from 'node:fs';
import path from 'node:path';

import { openCore } from './lib/core';
import { retrievalCorpus } from './lib/retrieval-corpora';
import type { CorpusId } from './lib/retrieval-corpora';
import { K, locateAll, meanScores, scoreList } from './lib/retrieval-metrics';
import type { Cited, Scores } from './lib/retrieval-metrics';
import type { Question } from './retrieval';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/retrieval/questions.json');
const EMAIL = 'tune@bench.example';
const PASSWORD = 'password-123';
const TUNING_ENV = 'KENNING_SEARCH_TUNING';

type State = { datasets: Record<string, string>; names: Record<string, string>; ranges: Record<string, [number, number][]> };

/** TUNE_CORPORA=manual,book limits the loop to some corpora (a faster loop for a change that touches only them). */
const onlyCorpora = process.env.TUNE_CORPORA?.split(',').filter(Boolean);
const devQuestions = (): Question[] =>
  (JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { questions: Question[] }).questions.filter((q) => q.split === 'dev' && (!onlyCorpora || onlyCorpora.includes(q.corpus)));
const statePath = (home: string) => path.join(home, 'tune-state.json');

async function ingest(home: string): Promise<void> {
  fs.mkdirSync(home, { recursive: true });
  const t = await openCore(home);
  const qs = devQuestions();
  const state: State = { datasets: {}, names: {}, ranges: {} };
  try {
    await t.call(null, 'auth.register', { email: EMAIL, password: PASSWORD });
    const { token } = await t.call(null, 'auth.signIn', { email: EMAIL, password: PASSWORD });
    for (const id of [...new Set(qs.map((q) => q.corpus))] as CorpusId[]) {
      const files = retrievalCorpus(id).files;
      const ds = await t.call(token, 'datasets.create', { name: `tune-${id}` });
      state.datasets[id] = ds.id;
      const ids = new Map<string, string>();
      for (let i = 0; i < files.length; i += 25) {
        const r = await t.call(token, 'data.add', { datasetId: ds.id, files: files.slice(i, i + 25).map((f) => ({ name: f.name, bytes: f.read() })) });
        for (const it of r.items) ids.set(it.name, it.dataId!);
      }
      const t0 = Date.now();
      await t.call(token, 'cognify.run', { datasetIds: [ds.id], runInBackground: false });
      console.log(`${id}: ${files.length} files, cognify ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      for (const [name, dataId] of ids) state.names[dataId] = name;
      for (const q of qs.filter((x) => x.corpus === id)) {
        const text = (await t.call(token, 'data.text', { datasetId: ds.id, dataId: ids.get(q.file)! })).text;
        state.ranges[q.id] = locateAll(text, q.answer);
      }
    }
  } finally {
    await t.core.close();
  }
  fs.writeFileSync(statePath(home), JSON.stringify(state));
}

const f2 = (x: number) => x.toFixed(2);

/** Where the answer passage first appears in one search type's top `depth` (diagnostics: what a re-ranker could reach). */
async function depthOf(home: string, searchType: string, depth: number): Promise<void> {
  const state = JSON.parse(fs.readFileSync(statePath(home), 'utf8')) as State;
  const t = await openCore(home);
  const ranks: Record<string, number[]> = { easy: [], medium: [], hard: [] };
  try {
    const { token } = await t.call(null, 'auth.signIn', { email: EMAIL, password: PASSWORD });
    for (const q of devQuestions()) {
      const res = await t.call(token, 'search.run', { query: q.question, datasetIds: [state.datasets[q.corpus]!], topK: depth, searchType });
      const hits = res.results[0]?.hits ?? [];
      const at = hits.findIndex((h) => h.citation && state.names[h.citation.dataId] === q.file && state.ranges[q.id]!.some(([s, e]) => h.citation!.start < e && h.citation!.end > s));
      ranks[q.difficulty]!.push(at);
    }
  } finally {
    await t.core.close();
  }
  for (const [d, r] of Object.entries(ranks)) {
    const within = (n: number) => (r.filter((x) => x >= 0 && x < n).length / r.length).toFixed(2);
    console.log(`${searchType} ${d}: @5 ${within(5)} @10 ${within(10)} @30 ${within(30)} @${depth} ${within(depth)}`);
  }
}

async function runOnce(home: string, settings: string, verbose: boolean): Promise<void> {
  const state = JSON.parse(fs.readFileSync(statePath(home), 'utf8')) as State;
  process.env[TUNING_ENV] = settings;
  const t = await openCore(home);
  const qs = devQuestions();
  const got = new Map<string, Scores>();
  const ms: number[] = [];
  try {
    const { token } = await t.call(null, 'auth.signIn', { email: EMAIL, password: PASSWORD });
    for (const q of qs) {
      const s = performance.now();
      const res = await t.call(token, 'search.run', { query: q.question, datasetIds: [state.datasets[q.corpus]!], topK: K });
      ms.push(performance.now() - s);
      const list: (Cited | null)[] = (res.results[0]?.hits ?? []).map((h) => (h.citation ? { file: state.names[h.citation.dataId] ?? '?', start: h.citation.start, end: h.citation.end } : null));
      const sc = scoreList(list, q.file, state.ranges[q.id]!);
      got.set(q.id, sc);
      if (verbose) console.log(`${sc.recall5 ? 'HIT ' : sc.page5 ? 'page' : '    '} ${q.id} ${q.difficulty} ${q.question.slice(0, 90)}`);
    }
  } finally {
    await t.core.close();
  }
  const slice = (f: (q: Question) => boolean) => meanScores(qs.filter(f).map((q) => got.get(q.id)!));
  const all = slice(() => true);
  const parts = [
    `all r5 ${f2(all.recall5)} mrr ${f2(all.mrr10)} page ${f2(all.page5)}`,
    ...['speeches', 'manual', 'book'].map((c) => `${c} ${f2(slice((q) => q.corpus === c).recall5)}`),
    ...['easy', 'medium', 'hard'].map((d) => `${d} ${f2(slice((q) => q.difficulty === d).recall5)}`),
    `p50 ${ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]!.toFixed(0)} ms`,
  ];
  console.log(`${settings}\n  ${parts.join(' | ')}`);
}

const [cmd, home, ...rest] = process.argv.slice(2);
if (!home) throw new Error('usage: retrieval-tune.ts ingest|run <home> [settings JSON …]');
if (cmd === 'ingest') await ingest(home);
else if (cmd === 'run') {
  const verbose = rest.includes('-v');
  for (const s of rest.filter((x) => x !== '-v')) await runOnce(home, s, verbose);
} else if (cmd === 'depth') await depthOf(home, rest[0]!, Number(rest[1] ?? 100));
else throw new Error(`unknown command ${cmd}`);
