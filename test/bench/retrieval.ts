/**
 * 6. Retrieval quality (issue 15): the labelled set test/fixtures/retrieval/questions.json
 * (225 questions in the voice of someone who half-remembers, easy / medium / hard, split dev /
 * test by corpus and by question) over four corpora of different kinds (lib/retrieval-corpora.ts),
 * each ingested into its own dataset through the real core API (data.add + cognify, the bundled
 * worker, the default offline embedder). Every offline search type that returns citations is
 * asked every question (topK 10); a plain BM25 over fixed 120-word windows of the same extracted
 * text (lib/bm25-windows.ts), computed in the same run, is the floor.
 *
 * A result is a passage hit when its citation overlaps the answer snippet's character range in
 * the file's extracted text (every occurrence of the snippet counts); a page hit when it comes
 * from the right file. Per question: recall@5 (a passage hit in the top 5), MRR@10 (1 / rank of
 * the first passage hit, 0 beyond 10), nDCG@10 (one relevant passage per question, so
 * 1 / log2(1 + rank) of the first passage hit; further hits on the same passage add nothing),
 * page hit@5. Means over the questions of each slice: split × (all, corpus, difficulty).
 * `--quick`: 8 questions a corpus, over at most 12 files of each (those holding the answers first).
 */
import fs from 'node:fs';
import path from 'node:path';

import type { SearchType } from '../../shared/contract/search';
import { tempDir } from '../helpers/temp';
import { Bm25Windows } from './lib/bm25-windows';
import { openCore } from './lib/core';
import type { BenchCore } from './lib/core';
import type { BenchOptions } from './lib/options';
import type { BenchOutput, Row, Table, Target } from './lib/result';
import { fmt } from './lib/result';
import { CORPUS_IDS, retrievalCorpus } from './lib/retrieval-corpora';
import type { CorpusFile, CorpusId } from './lib/retrieval-corpora';
import { K, locateAll, meanScores, scoreList } from './lib/retrieval-metrics';
import type { Cited, Scores } from './lib/retrieval-metrics';
import { median, now } from './lib/stats';
import { bundleWorker } from './lib/worker-bundle';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/retrieval/questions.json');
const ADD_BATCH = 25;
const QUICK = { questions: 8, files: 12 };
const SPLITS = ['test', 'dev'] as const;
const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

type Split = (typeof SPLITS)[number];
type Difficulty = (typeof DIFFICULTIES)[number];
export type Question = Readonly<{ id: string; corpus: CorpusId; file: string; difficulty: Difficulty; split: Split; question: string; answer: string }>;
type Fixture = Readonly<{ questions: Question[] }>;

/** The rankings compared: the product's search types (undefined: the default, asked without a type) and the floor. */
const RANKERS = [
  { key: 'default', label: 'default (CHUNKS_HYBRID)', searchType: undefined },
  { key: 'CHUNKS', label: 'CHUNKS (vectors)', searchType: 'CHUNKS' },
  { key: 'CHUNKS_LEXICAL', label: 'CHUNKS_LEXICAL (BM25)', searchType: 'CHUNKS_LEXICAL' },
  { key: 'SUMMARIES', label: 'SUMMARIES', searchType: 'SUMMARIES' },
  { key: 'TRIPLET', label: 'TRIPLET (graph)', searchType: 'TRIPLET' },
  { key: 'BM25', label: 'BM25 floor, 120-word windows', searchType: null },
] as const satisfies readonly { key: string; label: string; searchType: SearchType | undefined | null }[];
type RankerKey = (typeof RANKERS)[number]['key'];

/** Quick mode: the first questions of the corpus and the files holding their answers, topped up with others in corpus order. */
function quickSubset(files: readonly CorpusFile[], qs: readonly Question[]): { files: CorpusFile[]; questions: Question[] } {
  const questions = qs.slice(0, QUICK.questions);
  const wanted = new Set(questions.map((q) => q.file));
  const chosen = files.filter((f) => wanted.has(f.name));
  for (const f of files) if (chosen.length < QUICK.files && !wanted.has(f.name)) chosen.push(f);
  return { files: files.filter((f) => chosen.includes(f)), questions };
}

type CorpusRun = {
  id: CorpusId;
  kind: string;
  source: string;
  license: string;
  files: number;
  bytes: number;
  textChars: number;
  chunks: number;
  windows: number;
  ingestS: number;
};

async function ingest(t: BenchCore, token: string, datasetId: string, files: readonly CorpusFile[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < files.length; i += ADD_BATCH) {
    const batch = files.slice(i, i + ADD_BATCH);
    const r = await t.call(token, 'data.add', { datasetId, files: batch.map((f) => ({ name: f.name, bytes: f.read() })) });
    for (const item of r.items) {
      if (item.status !== 'added' || !item.dataId) throw new Error(`data.add ${item.name}: ${item.status} ${item.reason ?? ''}`);
      ids.set(item.name, item.dataId);
    }
  }
  const [run] = await t.call(token, 'cognify.run', { datasetIds: [datasetId], runInBackground: false });
  if (run?.status !== 'completed' || run.itemsFailed > 0) throw new Error(`cognify: ${JSON.stringify(run)}`);
  return ids;
}

export async function run(o: BenchOptions): Promise<BenchOutput> {
  const fx = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Fixture;
  const home = tempDir('kenning-bench-retrieval-');
  const t = await openCore(home.dir, {}, await bundleWorker());
  const corpora: CorpusRun[] = [];
  /** Per question, per ranker: its scores. */
  const scores = new Map<string, Map<RankerKey, Scores>>();
  const asked: Question[] = [];
  const latency = new Map<RankerKey, number[]>(RANKERS.map((r) => [r.key, []]));
  try {
    const u = await t.user('quality@bench.example');
    for (const id of CORPUS_IDS) {
      const corpus = retrievalCorpus(id);
      const all = fx.questions.filter((q) => q.corpus === id);
      const { files, questions } = o.quick ? quickSubset(corpus.files, all) : { files: [...corpus.files], questions: all };
      console.log(`[retrieval] ${id}: ${files.length} files, ${questions.length} questions`);
      const ds = await t.call(u.token, 'datasets.create', { name: `retrieval-${id}` });
      const t0 = now();
      const ids = await ingest(t, u.token, ds.id, files);
      const ingestS = (now() - t0) / 1000;
      const nameOf = new Map([...ids].map(([name, dataId]) => [dataId, name]));
      // The extracted texts: the floor indexes them, and the answers are located in them.
      const floor = new Bm25Windows();
      const texts = new Map<string, string>();
      let textChars = 0;
      for (const f of files) {
        const text = (await t.call(u.token, 'data.text', { datasetId: ds.id, dataId: ids.get(f.name)! })).text;
        floor.add(f.name, text);
        textChars += text.length;
        if (questions.some((q) => q.file === f.name)) texts.set(f.name, text);
      }
      const ranges = new Map<string, [number, number][]>();
      for (const q of questions) {
        const text = texts.get(q.file);
        if (text === undefined) throw new Error(`${q.id}: no file named ${q.file} in corpus ${id}`);
        const at = locateAll(text, q.answer);
        if (at.length === 0) throw new Error(`${q.id}: its answer snippet is not in the extracted text of ${q.file}`);
        ranges.set(q.id, at);
      }
      const counts = await t.call(u.token, 'graph.counts', { datasetId: ds.id });
      corpora.push({ id, kind: corpus.kind, source: corpus.source, license: corpus.license, files: files.length, bytes: files.reduce((a, f) => a + f.size, 0), textChars, chunks: counts.DocumentChunk ?? 0, windows: floor.windows.length, ingestS });
      for (const q of questions) {
        const mine = new Map<RankerKey, Scores>();
        for (const r of RANKERS) {
          const s = now();
          let list: (Cited | null)[];
          if (r.searchType === null) list = floor.search(q.question, K);
          else {
            const res = await t.call(u.token, 'search.run', { query: q.question, datasetIds: [ds.id], topK: K, ...(r.searchType ? { searchType: r.searchType } : {}) });
            if (!r.searchType && res.searchType !== 'CHUNKS_HYBRID') throw new Error(`the default search type is ${res.searchType}, not CHUNKS_HYBRID`);
            list = (res.results[0]?.hits ?? []).map((h) => (h.citation ? { file: nameOf.get(h.citation.dataId) ?? '?', start: h.citation.start, end: h.citation.end } : null));
          }
          latency.get(r.key)!.push(now() - s);
          mine.set(r.key, scoreList(list, q.file, ranges.get(q.id)!));
        }
        scores.set(q.id, mine);
        asked.push(q);
      }
    }
  } finally {
    await t.core.close();
    home.cleanup();
  }
  return report(o, corpora, asked, scores, latency);
}

type Slice = Readonly<{ split: Split; name: string; questions: readonly Question[] }>;

function slices(asked: readonly Question[]): Slice[] {
  const out: Slice[] = [];
  for (const split of SPLITS) {
    const qs = asked.filter((q) => q.split === split);
    out.push({ split, name: 'all corpora', questions: qs });
    for (const c of CORPUS_IDS) out.push({ split, name: c, questions: qs.filter((q) => q.corpus === c) });
    for (const d of DIFFICULTIES) out.push({ split, name: `${d} questions`, questions: qs.filter((q) => q.difficulty === d) });
  }
  return out.filter((s) => s.questions.length > 0);
}

function report(o: BenchOptions, corpora: readonly CorpusRun[], asked: readonly Question[], scores: Map<string, Map<RankerKey, Scores>>, latency: Map<RankerKey, number[]>): BenchOutput {
  const of = (s: Slice, key: RankerKey) => meanScores(s.questions.map((q) => scores.get(q.id)!.get(key)!));
  const all = slices(asked);
  const whole = (split: Split) => all.find((s) => s.split === split && s.name === 'all corpora');
  const total = asked.length;
  const sizes = corpora.map((c) => `${c.id} ${c.files} files, ${(c.textChars / 1e6).toFixed(2)} MB of text, ${c.chunks} chunks`).join('; ');
  const how = `${total} questions (fixture test/fixtures/retrieval/questions.json) over four corpora, each in its own dataset through data.add + cognify (${sizes}); search.run topK ${K} on the corpus's dataset, every hit judged by its citation against the answer snippet's range in the extracted text. recall@5: a passage hit in the top 5; MRR@10: 1/rank of the first passage hit; nDCG@10: 1/log2(1+rank) of the first passage hit (one relevant passage per question). Limit: the BM25 floor (plain BM25 over fixed 120-word windows of the same extracted texts, lib/bm25-windows.ts) on the same questions in the same run. Targets: issue 15, on the test split.`;
  const rows: Row[] = [];
  const METRICS = [
    ['recall5', 'recall@5'],
    ['mrr10', 'MRR@10'],
    ['ndcg10', 'nDCG@10'],
  ] as const;
  for (const split of SPLITS) {
    const s = whole(split);
    if (!s) continue;
    const floor = of(s, 'BM25');
    for (const r of RANKERS) {
      const m = of(s, r.key);
      for (const [key, name] of METRICS) {
        const target: Target | undefined = split === 'test' && r.key === 'default' && key === 'recall5' ? { text: '≥ 0.75', op: '>=', value: 0.75, on: 'value' } : undefined;
        rows.push({
          id: `retrieval.${split}.${r.key}.${key}`,
          benchmark: 'Retrieval quality',
          metric: `${split} split, all corpora: ${r.label} ${name}`,
          unit: '',
          value: m[key],
          samples: m.n,
          ...(r.key !== 'BM25' ? { limit: { name: `BM25 floor ${name}`, value: floor[key] }, ratio: floor[key] > 0 ? m[key] / floor[key] : Number.NaN } : {}),
          ...(target ? { target } : {}),
          how,
        });
      }
    }
  }
  const test = whole('test');
  if (test) {
    const d = of(test, 'default');
    const floor = of(test, 'BM25');
    const hard = all.find((s) => s.split === 'test' && s.name === 'hard questions');
    const hardD = hard ? of(hard, 'default') : undefined;
    rows.push(
      {
        id: 'retrieval.test.default.recall5_over_floor',
        benchmark: 'Retrieval quality',
        metric: 'test split: default recall@5 minus the BM25 floor',
        unit: '',
        value: d.recall5 - floor.recall5,
        samples: d.n,
        target: { text: '≥ 0.15', op: '>=', value: 0.15, on: 'value' },
        how,
      },
      {
        id: 'retrieval.test.default.hard.recall5',
        benchmark: 'Retrieval quality',
        metric: 'test split, hard questions: default recall@5',
        unit: '',
        value: hardD?.recall5 ?? Number.NaN,
        samples: hardD?.n ?? 0,
        ...(hard ? { limit: { name: 'BM25 floor recall@5 (hard, test)', value: of(hard, 'BM25').recall5 }, ratio: hardD!.recall5 / of(hard, 'BM25').recall5 } : {}),
        target: { text: '≥ 0.4', op: '>=', value: 0.4, on: 'value' },
        how,
      },
      {
        id: 'retrieval.test.default.passage_over_page',
        benchmark: 'Retrieval quality',
        metric: 'test split: default passage hit@5 ÷ page hit@5',
        unit: '',
        value: d.page5 > 0 ? d.recall5 / d.page5 : Number.NaN,
        samples: d.n,
        limit: { name: 'default page hit@5 (right file in the top 5)', value: d.page5 },
        target: { text: '≥ 0.85', op: '>=', value: 0.85, on: 'value' },
        how: `${how} Page hit@5: a hit from the right file in the top 5; the row's figure is recall@5 divided by it (how often the right page also shows the right passage).`,
      },
    );
  }
  const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—');
  const tables: Table[] = [
    {
      title: 'Every slice and ranking (means over the slice\'s questions; page hit@5: the right file in the top 5; gap: page hit@5 − recall@5)',
      columns: ['Split', 'Slice', 'Ranking', 'n', 'recall@5', 'MRR@10', 'nDCG@10', 'page hit@5', 'gap'],
      leftColumns: 3,
      rows: all.flatMap((s) =>
        RANKERS.map((r) => {
          const m = of(s, r.key);
          return [s.split, s.name, r.label, String(m.n), f2(m.recall5), f2(m.mrr10), f2(m.ndcg10), f2(m.page5), f2(m.page5 - m.recall5)];
        }),
      ),
    },
    {
      title: 'Corpora',
      columns: ['Corpus', 'Kind', 'Source (licence)', 'Files', 'Bytes', 'Extracted text', 'Chunks', 'BM25 windows', 'add + cognify'],
      leftColumns: 3,
      rows: corpora.map((c) => [c.id, c.kind, `${c.source} (${c.license})`, String(c.files), `${(c.bytes / 1e6).toFixed(2)} MB`, `${(c.textChars / 1e6).toFixed(2)} MB`, String(c.chunks), String(c.windows), `${fmt(c.ingestS)} s`]),
    },
  ];
  const count = (f: (q: Question) => boolean) => asked.filter(f).length;
  const notes = [
    `${o.quick ? 'Quick run: a subset of the questions and files; not comparable with a full run. ' : ''}Questions: ${CORPUS_IDS.map((c) => `${c} ${count((q) => q.corpus === c)} (dev ${count((q) => q.corpus === c && q.split === 'dev')}, test ${count((q) => q.corpus === c && q.split === 'test')})`).join(', ')}; ${DIFFICULTIES.map((d) => `${d} ${count((q) => q.difficulty === d)}`).join(', ')}. The glossary corpus is test-only; tune on dev only.`,
    'INSIGHTS runs the same code as TRIPLET and is not listed. The completion types with onlyContext return TRIPLET\'s hits followed by uncited entities (GRAPH_COMPLETION) or CHUNKS_HYBRID\'s hits (RAG_COMPLETION, and last in HYBRID_COMPLETION), so they add no ranking of their own. TRIPLET hits cite the passage their seed entity came from; several triplets may cite the same passage.',
    `Median time per question (ms, through the API, all corpora): ${RANKERS.map((r) => `${r.label} ${fmt(median(latency.get(r.key)!))}`).join('; ')}.`,
  ];
  return { name: 'retrieval', rows, details: { corpora, questions: total }, notes, tables };
}
