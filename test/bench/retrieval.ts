/**
 * 6. Retrieval quality of the offline search types on a labelled set of paraphrased questions
 * (test/fixtures/retrieval/questions.json) over five public-domain documents ingested through
 * the API (data.add + cognify). A hit counts when its citation overlaps the answer passage's
 * character range in the document's extracted text. recall@5 and MRR (over the top 10).
 * The limit: the same search type queried with the answer passage itself (verbatim).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { SearchType } from '../../shared/contract/search';
import { tempDir } from '../helpers/temp';
import { openCore } from './lib/core';
import type { BenchCore } from './lib/core';
import type { BenchOptions } from './lib/options';
import type { BenchOutput, Row } from './lib/result';
import { bundleWorker } from './lib/worker-bundle';

const require = createRequire(import.meta.url);
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/retrieval/questions.json');
const TYPES: SearchType[] = ['CHUNKS', 'CHUNKS_LEXICAL', 'CHUNKS_HYBRID', 'SUMMARIES'];
const K = 10;

type Fixture = {
  sources: Record<string, { package: string; file: string; name: string }>;
  questions: { id: string; source: string; question: string; passage: string }[];
};

type Located = { id: string; question: string; passage: string; dataId: string; start: number; end: number };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The passage's range in the extracted text, matching words across any whitespace. */
function locate(text: string, passage: string): [number, number] | null {
  const re = new RegExp(passage.trim().split(/\s+/).map(escapeRe).join('\\s+'));
  const m = re.exec(text);
  return m ? [m.index, m.index + m[0].length] : null;
}

async function score(t: BenchCore, token: string, datasetId: string, qs: readonly Located[], type: SearchType, verbatim: boolean) {
  let hits5 = 0;
  let rr = 0;
  for (const q of qs) {
    const r = await t.call(token, 'search.run', { query: verbatim ? q.passage : q.question, searchType: type, datasetIds: [datasetId], topK: K });
    const list = r.results[0]?.hits ?? [];
    const rank = list.findIndex((h) => h.citation && h.citation.dataId === q.dataId && h.citation.start < q.end && h.citation.end > q.start);
    if (rank >= 0 && rank < 5) hits5++;
    if (rank >= 0) rr += 1 / (rank + 1);
  }
  return { recall5: hits5 / qs.length, mrr: rr / qs.length };
}

export async function run(_o: BenchOptions): Promise<BenchOutput> {
  const fx = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Fixture;
  const home = tempDir('kenning-bench-retrieval-');
  const t = await openCore(home.dir, {}, await bundleWorker());
  try {
    const u = await t.user('quality@bench.example');
    const ds = await t.call(u.token, 'datasets.create', { name: 'retrieval' });
    const files = Object.values(fx.sources).map((s) => ({
      name: s.name,
      bytes: fs.readFileSync(path.join(path.dirname(require.resolve(`${s.package}/package.json`)), 'data', s.file)),
    }));
    const added = await t.call(u.token, 'data.add', { datasetId: ds.id, files: files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) })) });
    const [run] = await t.call(u.token, 'cognify.run', { datasetIds: [ds.id], runInBackground: false });
    if (run?.status !== 'completed' || run.itemsFailed > 0) throw new Error(`cognify: ${JSON.stringify(run)}`);
    const idByName = new Map(added.items.map((i) => [i.name, i.dataId!]));
    const texts = new Map<string, string>();
    for (const [, dataId] of idByName) texts.set(dataId, (await t.call(u.token, 'data.text', { datasetId: ds.id, dataId })).text);
    const located: Located[] = [];
    for (const q of fx.questions) {
      const dataId = idByName.get(fx.sources[q.source]!.name)!;
      const at = locate(texts.get(dataId)!, q.passage);
      if (!at) throw new Error(`${q.id}: passage not found in the extracted text of ${fx.sources[q.source]!.name}`);
      located.push({ id: q.id, question: q.question, passage: q.passage, dataId, start: at[0], end: at[1] });
    }
    const counts = await t.call(u.token, 'graph.counts', { datasetId: ds.id });
    const rows: Row[] = [];
    const details: Record<string, unknown> = { questions: located.length, documents: files.length, chunks: counts.DocumentChunk ?? 0, graphCounts: counts };
    for (const type of TYPES) {
      const p = await score(t, u.token, ds.id, located, type, false);
      const v = await score(t, u.token, ds.id, located, type, true);
      details[type] = { paraphrased: p, verbatim: v };
      for (const [metric, key] of [['recall@5', 'recall5'], ['MRR (top 10)', 'mrr']] as const) {
        rows.push({
          id: `retrieval.${type}.${key}`,
          benchmark: 'Retrieval quality',
          metric: `${type} ${metric}`,
          unit: '',
          value: p[key],
          samples: located.length,
          limit: { name: `${type} queried with the answer passage itself`, value: v[key] },
          ratio: v[key] > 0 ? p[key] / v[key] : Number.NaN,
          how: `${located.length} questions written in paraphrase (avoiding the passage's distinctive words) over ${files.length} public-domain documents (3 SOTU addresses, 2 Moby Dick chapters, ${counts.DocumentChunk ?? '?'} chunks), ingested through data.add + cognify; search.run topK ${K} on that dataset; a hit is a result whose citation overlaps the answer passage's range. Limit: the same type queried with the answer passage's own text (verbatim), i.e. how much the paraphrase costs. No target set.`,
        });
      }
    }
    return { name: 'retrieval', rows, details, notes: [] };
  } finally {
    await t.core.close();
    home.cleanup();
  }
}
