/**
 * 8. Entities and relations worth looking at (issue 16): the offline extractor scored against the
 * hand-labelled gold set test/fixtures/entity-gold (lib/entity-gold.ts, rules in its README):
 * excerpts of speeches, a novel, a manual and a glossary, split dev / test by document.
 * Each excerpt goes through the code path cognify uses (prepare-item.ts): the product's parser,
 * chunkText with cognify's default sizes, extractEntities. Scoring is lib/entity-score.ts.
 * `--quick` changes nothing: the set is small and the run takes seconds.
 */
import { chunkText } from '../../electron/worker/ingest/chunk';
import { extractEntities } from '../../electron/worker/ingest/extract';
import { GOLD_SPLITS, goldText, loadGold } from './lib/entity-gold';
import type { GoldSplit } from './lib/entity-gold';
import { addCounts, emptyCounts, scoreDocument, summarise } from './lib/entity-score';
import type { DocScore, EntityCounts } from './lib/entity-score';
import type { BenchOptions } from './lib/options';
import type { BenchOutput, Row, Table } from './lib/result';

/** cognify's chunk sizes when a dataset sets none (pipeline/prepare-item.ts). */
const CHUNK = { maxChars: 1200, overlapChars: 150 };

const HOW =
  'Hand-labelled gold set (test/fixtures/entity-gold): each excerpt parsed, chunked and extracted as cognify does; entities match by normalised name or alias, one predicted entity per gold entity; micro averages over the split\'s documents.';

/** The figures reported per split: [key in summarise(), label]. */
const FIGURES = [
  ['entityF1', 'entity F1'],
  ['entityP', 'entity precision'],
  ['entityR', 'entity recall'],
  ['kindAccuracy', 'kind accuracy (matched entities)'],
  ['mergeRecall', 'alias merges found (recall)'],
  ['mergePrecision', 'alias merges right (precision)'],
  ['relationF1', 'relation F1 (unordered pairs)'],
  ['relationP', 'relation precision'],
  ['relationR', 'relation recall'],
  ['verbDirection', 'gold verb relations found with a verb in the right direction'],
] as const;

export async function run(_o: BenchOptions): Promise<BenchOutput> {
  const docs = loadGold();
  const perDoc: Array<{ id: string; split: GoldSplit; kind: string; chars: number; score: DocScore; relations: number }> = [];
  for (const d of docs) {
    const { text, format } = await goldText(d);
    const ex = extractEntities({ text, format }, chunkText(text, CHUNK));
    perDoc.push({ id: d.id, split: d.split, kind: d.kind, chars: text.length, score: scoreDocument(d, text, ex), relations: ex.relations.length });
  }
  const bySplit = new Map<GoldSplit, EntityCounts>();
  for (const s of GOLD_SPLITS) {
    const c = emptyCounts();
    for (const p of perDoc) if (p.split === s) addCounts(c, p.score.counts);
    bySplit.set(s, c);
  }

  const rows: Row[] = [];
  for (const s of ['test', 'dev'] as const) {
    const c = bySplit.get(s)!;
    const m = summarise(c);
    for (const [key, label] of FIGURES) {
      rows.push({
        id: `entities.${s}.${key}`,
        benchmark: 'Entities and relations',
        metric: `${s} split: ${label}`,
        unit: '',
        value: m[key]!,
        samples: key.startsWith('relation') || key === 'verbDirection' ? c.goldRelations : key.startsWith('merge') ? c.goldMerges : c.gold,
        ...(s === 'test' && key === 'entityF1' ? { target: { text: '≥ 0.75', op: '>=' as const, value: 0.75, on: 'value' as const } } : {}),
        how: HOW,
      });
    }
  }

  const f2 = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x.toFixed(2) : '—');
  const tables: Table[] = [
    {
      title: 'Per document (entity P / R / F1, kind accuracy, merges found / gold, relation P / R; pairs: predicted relation pairs, of them co-occurrence only)',
      columns: ['Document', 'Split', 'Kind', 'Chars', 'Gold', 'Predicted', 'P', 'R', 'F1', 'Kind acc.', 'Merges', 'Rel. P', 'Rel. R', 'Pairs', 'Co-occ.'],
      leftColumns: 3,
      rows: perDoc.map((p) => {
        const c = p.score.counts;
        const m = summarise(c);
        return [p.id, p.split, p.kind, String(p.chars), String(c.gold), String(c.predicted), f2(m.entityP), f2(m.entityR), f2(m.entityF1), f2(m.kindAccuracy), `${c.mergesFound}/${c.goldMerges}`, f2(m.relationP), f2(m.relationR), String(c.predictedPairs), String(c.coOccurrencePairs)];
      }),
    },
  ];
  const total = (s: GoldSplit, k: keyof EntityCounts) => bySplit.get(s)![k];
  const notes = [
    `Gold set: ${docs.length} documents (dev ${docs.filter((d) => d.split === 'dev').length}, test ${docs.filter((d) => d.split === 'test').length}); gold entities dev ${total('dev', 'gold')}, test ${total('test', 'gold')}; gold relations dev ${total('dev', 'goldRelations')}, test ${total('test', 'goldRelations')}. The extractor is tuned on dev only.`,
    'Predicted entities that match a name the labels list as acceptable (a reasonable node that is not required) count neither for nor against precision; relations with such an end likewise.',
  ];
  const details = Object.fromEntries(
    perDoc.map((p) => [p.id, { wrong: p.score.wrong, missed: p.score.missed, wrongKind: p.score.wrongKind, relations: p.relations }]),
  );
  return { name: 'entities', rows, details, notes, tables };
}
