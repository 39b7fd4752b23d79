/**
 * The settings of the default (CHUNKS_HYBRID) ranking, chosen on the DEV split of the retrieval
 * benchmark (issue 15; test/bench/retrieval-tune.ts, figures in the comments below are dev
 * recall@5 over 87 questions, plain RRF 0.66). Not a product setting: the tuning loop overrides
 * them through KENNING_SEARCH_TUNING (a JSON object of the fields to change), read once per
 * worker process.
 *
 * Tried and dropped (dev split, after chunks learned their sections; default 0.74, hard 0.29,
 * p50 32 ms): query expansion of the BM25 half with each query word's 2–3 nearest word-vector
 * neighbours among the 20k most frequent words at boost 0.2–0.5 (a should-clause): recall@5
 * 0.70–0.74, hard 0.21–0.25, p50 57–111 ms; with 40 candidates re-ranked 0.71. The re-rank depth
 * alone at 40: 0.74, hard 0.29, p50 45 ms.
 */
export type HybridTuning = Readonly<{
  /**
   * How the two halves are fused: a weighted sum of scores each scaled by its list's best
   * (0.72 at vector weight 0.25, MRR 0.62), or weighted reciprocal rank (0.71, MRR 0.55).
   */
  fusion: 'rrf' | 'sum';
  /** Weight of the BM25 half. */
  textWeight: number;
  /**
   * Weight of the vector half. The SIF word-vector embedder is far weaker than BM25 (alone 0.37
   * against 0.71): at weight 1 it dragged good BM25 hits down (0.66); 0 lost the paraphrases it
   * does find (0.71, hard 0.21 against 0.29 at 0.25).
   */
  vectorWeight: number;
  /** RRF's k (fusion 'rrf' only). */
  rrfK: number;
  /** Each half fetches this many times the candidates wanted before fusing. */
  depth: number;
  /** Re-rank this many fused candidates by soft word matching (0: none). 15–25 all gave 0.74. */
  rerankDepth: number;
  /** Share of the soft-match score in the re-ranked score (the rest: the fused score scaled by the best). 0.4–0.5: 0.74; 0.6: 0.70. */
  rerankWeight: number;
  /** Word cosine at or below which a soft match counts nothing. */
  softThreshold: number;
}>;

export const DEFAULT_HYBRID_TUNING: HybridTuning = {
  fusion: 'sum',
  textWeight: 1,
  vectorWeight: 0.25,
  rrfK: 60,
  depth: 3,
  rerankDepth: 20,
  rerankWeight: 0.4,
  softThreshold: 0.5,
};

export const SEARCH_TUNING_ENV = 'KENNING_SEARCH_TUNING';

let cached: HybridTuning | undefined;

/** The settings in force: the defaults, overridden field by field from the environment (bench only). */
export function hybridTuning(): HybridTuning {
  if (cached) return cached;
  const raw = process.env[SEARCH_TUNING_ENV];
  cached = raw ? { ...DEFAULT_HYBRID_TUNING, ...(JSON.parse(raw) as Partial<HybridTuning>) } : DEFAULT_HYBRID_TUNING;
  return cached;
}
