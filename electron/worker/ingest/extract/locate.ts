import type { Chunk } from '../types';

/** Maps document offsets to the chunk that holds them (chunks are sorted and may overlap). */
export class ChunkLocator {
  constructor(private readonly chunks: readonly Chunk[]) {}

  /**
   * Index of the first chunk that contains [start, end) entirely; when a span straddles a hard
   * cut, the chunk holding its start. Binary search: chunk ends increase monotonically.
   */
  chunkOf(start: number, end: number): number {
    const cs = this.chunks;
    if (cs.length === 0) return 0;
    let lo = 0;
    let hi = cs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cs[mid]!.end >= end) hi = mid;
      else lo = mid + 1;
    }
    if (cs[lo]!.start <= start && cs[lo]!.end >= end) return cs[lo]!.index;
    // Fallback: the last chunk starting at or before `start`.
    lo = 0;
    hi = cs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (cs[mid]!.start <= start) lo = mid;
      else hi = mid - 1;
    }
    return cs[lo]!.index;
  }
}
