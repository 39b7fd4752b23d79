/**
 * A table's vectors as row-major Float32Array blocks of unit vectors, searched by a plain dot
 * product (cosine similarity) with a bounded heap for the top k. Pure: no engine, no I/O.
 *
 * Why not the engine's own flat search: on 10k × 100-d rows LanceDB's `vectorSearch` costs
 * ~11 ms a query (it reads and decodes the vector column each time); this scan ~0.6 ms.
 */

/** One scored row: its index in the matrix and its cosine similarity to the query. */
export type Scored = { index: number; score: number };

/** Normalises `v` to unit length in place (a zero vector stays zero); returns it. */
export function normalizeInPlace(v: Float32Array, from = 0, length = v.length - from): Float32Array {
  let s = 0;
  for (let i = from; i < from + length; i++) s += v[i]! * v[i]!;
  if (s > 0 && s !== 1) {
    const inv = 1 / Math.sqrt(s);
    for (let i = from; i < from + length; i++) v[i] = v[i]! * inv;
  }
  return v;
}

export class VectorMatrix {
  /** Row-major blocks of `dimension`-wide rows, each row unit length (or zero); row numbers run on across blocks. */
  readonly blocks: readonly Float32Array[];
  readonly rows: number;

  /**
   * `blocks` are taken as they are (rows must already be unit length: see {@link normalizeInPlace});
   * several blocks let the rows stay in the buffers they were read into. `key(i)` is row i's
   * stable id, which breaks ties so equal scores rank the same every time.
   */
  constructor(
    blocks: readonly Float32Array[],
    readonly dimension: number,
    readonly key: (index: number) => string,
  ) {
    if (!Number.isInteger(dimension) || dimension < 1) throw new RangeError('dimension must be a positive integer');
    let rows = 0;
    for (const b of blocks) {
      if (b.length % dimension !== 0) throw new RangeError(`a block of ${b.length} values is not a whole number of ${dimension}-wide rows`);
      rows += b.length / dimension;
    }
    this.blocks = blocks;
    this.rows = rows;
  }

  get bytes(): number {
    let n = 0;
    for (const b of this.blocks) n += b.byteLength;
    return n;
  }

  /** Cosine similarity of every row to `query` (any length ≠ 0), best `k` first, ties by key. */
  topK(query: Float32Array, k: number): Scored[] {
    const dim = this.dimension;
    if (query.length !== dim) throw new RangeError(`query must have ${dim} values`);
    if (k <= 0 || this.rows === 0) return [];
    const q = normalizeInPlace(Float32Array.from(query));
    const heap = new TopK(Math.min(k, this.rows), this.key);
    let row = 0;
    for (const m of this.blocks) row = scanBlock(m, dim, q, row, heap);
    return heap.sorted();
  }
}

/**
 * Scores the rows of one block (the first is row `first`) into `heap`; returns the next row
 * number. Two rows at a time share each load of the query (the scan is bound by memory reads:
 * ~0.59 ms for 10k × 100-d rows against ~0.77 ms one row at a time); each row sums its even and
 * odd dimensions apart, in the same order whether it is paired or not, so its score never
 * depends on its neighbour.
 */
function scanBlock(m: Float32Array, dim: number, q: Float32Array, first: number, heap: TopK): number {
  const rows = m.length / dim;
  const pairs = dim & ~1;
  let i = 0;
  for (; i + 1 < rows; i += 2) {
    const a = i * dim;
    const b = a + dim;
    let ae = 0;
    let ao = 0;
    let be = 0;
    let bo = 0;
    for (let j = 0; j < pairs; j += 2) {
      const q0 = q[j]!;
      const q1 = q[j + 1]!;
      ae += m[a + j]! * q0;
      ao += m[a + j + 1]! * q1;
      be += m[b + j]! * q0;
      bo += m[b + j + 1]! * q1;
    }
    if (pairs < dim) {
      ae += m[a + pairs]! * q[pairs]!;
      be += m[b + pairs]! * q[pairs]!;
    }
    heap.offer(first + i, ae + ao);
    heap.offer(first + i + 1, be + bo);
  }
  if (i < rows) {
    const a = i * dim;
    let ae = 0;
    let ao = 0;
    for (let j = 0; j < pairs; j += 2) {
      ae += m[a + j]! * q[j]!;
      ao += m[a + j + 1]! * q[j + 1]!;
    }
    if (pairs < dim) ae += m[a + pairs]! * q[pairs]!;
    heap.offer(first + i, ae + ao);
  }
  return first + rows;
}

/**
 * The best `k` of a stream of scored rows: a min-heap whose root is the worst kept row
 * (lowest score; among equal scores the greatest key), so the result never depends on the
 * order rows arrive in.
 */
export class TopK {
  readonly #idx: Int32Array;
  readonly #score: Float64Array;
  #size = 0;

  constructor(
    readonly k: number,
    readonly key: (index: number) => string,
  ) {
    this.#idx = new Int32Array(k);
    this.#score = new Float64Array(k);
  }

  /** Is (a, sa) worse than (b, sb)? */
  #worse(a: number, sa: number, b: number, sb: number): boolean {
    if (sa !== sb) return sa < sb;
    return this.key(a) > this.key(b);
  }

  offer(index: number, score: number): void {
    if (Number.isNaN(score)) return;
    if (this.#size < this.k) {
      let i = this.#size++;
      // sift up
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.#worse(index, score, this.#idx[p]!, this.#score[p]!)) break;
        this.#idx[i] = this.#idx[p]!;
        this.#score[i] = this.#score[p]!;
        i = p;
      }
      this.#idx[i] = index;
      this.#score[i] = score;
      return;
    }
    // Most rows lose to the root on score alone; only an exact tie needs the keys.
    const rootScore = this.#score[0]!;
    if (score < rootScore || (score === rootScore && !this.#worse(this.#idx[0]!, rootScore, index, score))) return;
    this.#replaceRoot(index, score);
  }

  #replaceRoot(index: number, score: number): void {
    const n = this.#size;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && this.#worse(this.#idx[r]!, this.#score[r]!, this.#idx[l]!, this.#score[l]!) ? r : l;
      if (!this.#worse(this.#idx[c]!, this.#score[c]!, index, score)) break;
      this.#idx[i] = this.#idx[c]!;
      this.#score[i] = this.#score[c]!;
      i = c;
    }
    this.#idx[i] = index;
    this.#score[i] = score;
  }

  /** The kept rows, best first (score descending, then key ascending). */
  sorted(): Scored[] {
    const out: Scored[] = [];
    for (let i = 0; i < this.#size; i++) out.push({ index: this.#idx[i]!, score: this.#score[i]! });
    const keys = new Map(out.map((s) => [s.index, this.key(s.index)]));
    return out.sort((a, b) => b.score - a.score || (keys.get(a.index)! < keys.get(b.index)! ? -1 : keys.get(a.index)! > keys.get(b.index)! ? 1 : 0));
  }
}
