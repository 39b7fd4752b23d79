/**
 * Scores one extraction against one gold document (lib/entity-gold.ts): which predicted entity
 * is which gold entity, and from that precision / recall for entities, kinds, alias merges and
 * relations. Pure: the benchmark sums the counts over a split (micro averages).
 *
 * - Entities: a predicted entity matches the gold entity whose name or an alias equals its display
 *   name or key after normalisation (case, punctuation, "the", possessive, a plural "s").
 *   Each gold entity is matched once; a second predicted entity for it is a split node and counts
 *   as wrong. One matching an `acceptable` name counts neither way.
 * - Kinds: of the matched entities, how many have the gold kind.
 * - Alias merges: a gold entity of which two or more names occur in the text is merged when one
 *   predicted entity's mentions cover all of them. A predicted entity whose mentions carry two or
 *   more different names is a merge; it is right when all those names are names of one gold entity,
 *   wrong when they belong to different gold entities (or gold and nothing), neutral otherwise.
 * - Relations: unordered entity pairs. A predicted pair is right when the gold links the two gold
 *   entities (either way), neutral when an end is only `acceptable`, wrong otherwise. Gold verb
 *   relations also count whether a verb relation (not co-occurrence) ran in the gold direction.
 */
import type { EntityKind } from '../../../shared/domain/graph';
import type { GoldDocument } from './entity-gold';

/** What the scorer needs of an extraction: the product's ExtractedEntity / ExtractedRelation shape. */
export type ScoredExtraction = Readonly<{
  entities: ReadonlyArray<Readonly<{ key: string; name: string; kind: EntityKind; mentions: ReadonlyArray<Readonly<{ start: number; end: number }>> }>>;
  relations: ReadonlyArray<Readonly<{ sourceKey: string; targetKey: string; relation: string }>>;
}>;

export type EntityCounts = {
  gold: number;
  predicted: number;
  /** Predicted entities matching an acceptable name: left out of precision. */
  neutral: number;
  matched: number;
  /** Predicted entities matching a gold entity already matched (a split node). */
  duplicates: number;
  kindRight: number;
  goldMerges: number;
  mergesFound: number;
  predictedMerges: number;
  mergesRight: number;
  mergesWrong: number;
  goldRelations: number;
  relationsFound: number;
  predictedPairs: number;
  pairsRight: number;
  pairsWrong: number;
  goldVerbFound: number;
  verbDirectionRight: number;
  coOccurrencePairs: number;
};

export type DocScore = Readonly<{
  counts: EntityCounts;
  /** For reading a run: predicted names that counted as wrong, and gold names not found. */
  wrong: readonly string[];
  missed: readonly string[];
  wrongKind: readonly string[];
}>;

export const CO_OCCURRENCE_RELATION = 'co_occurs_with';

/** Case, punctuation, a leading "the", a possessive, "()" and one plural "s" do not distinguish names. */
export function normName(s: string): string {
  let n = s
    .toLowerCase()
    .replace(/\(\)$/, '')
    .replace(/[\u2019']s$/u, '')
    .replace(/[^\p{L}\p{N}&+]+/gu, ' ')
    .trim()
    .replace(/^the\s+/, '');
  if (/[a-z]{3}s$/.test(n) && !/ss$/.test(n)) n = n.slice(0, -1);
  return n;
}

export function emptyCounts(): EntityCounts {
  return {
    gold: 0, predicted: 0, neutral: 0, matched: 0, duplicates: 0, kindRight: 0,
    goldMerges: 0, mergesFound: 0, predictedMerges: 0, mergesRight: 0, mergesWrong: 0,
    goldRelations: 0, relationsFound: 0, predictedPairs: 0, pairsRight: 0, pairsWrong: 0,
    goldVerbFound: 0, verbDirectionRight: 0, coOccurrencePairs: 0,
  };
}

export function addCounts(into: EntityCounts, c: EntityCounts): void {
  for (const k of Object.keys(c) as (keyof EntityCounts)[]) into[k] += c[k];
}

/** Names of a gold entity that occur in the text as whole words (case-insensitive). */
function presentNames(text: string, names: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return names.filter((n) => {
    const re = new RegExp(`(^|[^\\p{L}\\p{N}])${n.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
    return re.test(lower);
  });
}

export function scoreDocument(gold: GoldDocument, text: string, ex: ScoredExtraction): DocScore {
  const c = emptyCounts();
  const goldIndex = new Map<string, number>();
  gold.entities.forEach((g, i) => {
    for (const n of [g.name, ...(g.aliases ?? [])]) goldIndex.set(normName(n), i);
  });
  const acceptable = new Set(gold.acceptable.map(normName));
  const goldOf = (name: string, key: string): number | undefined => goldIndex.get(normName(name)) ?? goldIndex.get(normName(key));

  // Entities: most-mentioned predicted entities claim their gold entity first.
  const order = [...ex.entities.keys()].sort((a, b) => ex.entities[b]!.mentions.length - ex.entities[a]!.mentions.length || a - b);
  const matchedBy = new Map<number, number>(); // gold → predicted
  const status = new Map<string, 'gold' | 'neutral' | 'wrong'>(); // predicted key → status
  const goldOfKey = new Map<string, number>();
  const wrong: string[] = [];
  const wrongKind: string[] = [];
  c.gold = gold.entities.length;
  c.predicted = ex.entities.length;
  for (const p of order) {
    const e = ex.entities[p]!;
    const g = goldOf(e.name, e.key);
    if (g !== undefined && !matchedBy.has(g)) {
      matchedBy.set(g, p);
      goldOfKey.set(e.key, g);
      status.set(e.key, 'gold');
      c.matched++;
      if (e.kind === gold.entities[g]!.kind) c.kindRight++;
      else wrongKind.push(`${e.name} (${e.kind}, gold ${gold.entities[g]!.kind})`);
    } else if (g !== undefined) {
      c.duplicates++;
      status.set(e.key, 'wrong');
      wrong.push(`${e.name} (split from ${gold.entities[g]!.name})`);
    } else if (acceptable.has(normName(e.name)) || acceptable.has(normName(e.key))) {
      c.neutral++;
      status.set(e.key, 'neutral');
    } else {
      status.set(e.key, 'wrong');
      wrong.push(`${e.name} (${e.kind})`);
    }
  }
  const missed = gold.entities.filter((_, i) => !matchedBy.has(i)).map((g) => g.name);

  // Alias merges.
  const surfaces = ex.entities.map((e) => new Set(e.mentions.map((m) => normName(text.slice(m.start, m.end)))));
  for (const g of gold.entities) {
    const present = [...new Set(presentNames(text, [g.name, ...(g.aliases ?? [])]).map(normName))];
    if (present.length < 2) continue;
    c.goldMerges++;
    if (surfaces.some((s) => present.every((n) => s.has(n)))) c.mergesFound++;
  }
  for (const s of surfaces) {
    if (s.size < 2) continue;
    c.predictedMerges++;
    const owners = new Set([...s].map((n) => goldIndex.get(n) ?? (acceptable.has(n) ? 'acceptable' : 'none')));
    const goldOwners = [...owners].filter((o) => typeof o === 'number');
    if (goldOwners.length === 0) continue; // neutral: nothing labelled
    if (owners.size === 1) c.mergesRight++;
    else c.mergesWrong++;
  }

  // Relations, as unordered pairs of predicted keys.
  const goldPairs = new Map<string, GoldDocument['relations'][number]>();
  const nameIndex = new Map(gold.entities.map((g, i) => [g.name, i]));
  const pairId = (a: number, b: number): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
  for (const r of gold.relations) goldPairs.set(pairId(nameIndex.get(r.source)!, nameIndex.get(r.target)!), r);
  c.goldRelations = goldPairs.size;
  const predicted = new Map<string, { keys: [string, string]; verbs: Array<[string, string]>; co: boolean }>();
  for (const r of ex.relations) {
    const [a, b] = r.sourceKey < r.targetKey ? [r.sourceKey, r.targetKey] : [r.targetKey, r.sourceKey];
    const id = `${a}\u0000${b}`;
    const p = predicted.get(id) ?? { keys: [a, b] as [string, string], verbs: [], co: false };
    if (r.relation === CO_OCCURRENCE_RELATION) p.co = true;
    else p.verbs.push([r.sourceKey, r.targetKey]);
    predicted.set(id, p);
  }
  const found = new Set<string>();
  for (const p of predicted.values()) {
    c.predictedPairs++;
    if (p.co && p.verbs.length === 0) c.coOccurrencePairs++;
    const [sa, sb] = [status.get(p.keys[0]), status.get(p.keys[1])];
    if (sa === 'neutral' || sb === 'neutral') continue;
    const [ga, gb] = [goldOfKey.get(p.keys[0]), goldOfKey.get(p.keys[1])];
    const g = ga !== undefined && gb !== undefined ? goldPairs.get(pairId(ga, gb)) : undefined;
    if (!g) {
      c.pairsWrong++;
      continue;
    }
    c.pairsRight++;
    found.add(pairId(ga!, gb!));
    if (g.type === 'verb') {
      c.goldVerbFound++;
      const src = nameIndex.get(g.source)!;
      if (p.verbs.some(([s]) => goldOfKey.get(s) === src)) c.verbDirectionRight++;
    }
  }
  c.relationsFound = found.size;
  return { counts: c, wrong, missed, wrongKind };
}

/** Precision, recall and F1 from counts; NaN where a denominator is 0. */
export function prf(right: number, predicted: number, goldFound: number, gold: number): { p: number; r: number; f1: number } {
  const p = predicted ? right / predicted : NaN;
  const r = gold ? goldFound / gold : NaN;
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

/** The headline figures of summed counts. */
export function summarise(c: EntityCounts): Record<string, number> {
  const ent = prf(c.matched, c.predicted - c.neutral, c.matched, c.gold);
  const rel = prf(c.pairsRight, c.pairsRight + c.pairsWrong, c.relationsFound, c.goldRelations);
  return {
    entityP: ent.p,
    entityR: ent.r,
    entityF1: ent.f1,
    kindAccuracy: c.matched ? c.kindRight / c.matched : NaN,
    mergeRecall: c.goldMerges ? c.mergesFound / c.goldMerges : NaN,
    mergePrecision: c.mergesRight + c.mergesWrong ? c.mergesRight / (c.mergesRight + c.mergesWrong) : NaN,
    relationP: rel.p,
    relationR: rel.r,
    relationF1: rel.f1,
    verbDirection: c.goldVerbFound ? c.verbDirectionRight / c.goldVerbFound : NaN,
  };
}
