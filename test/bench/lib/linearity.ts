/**
 * Linearity of one long ingestion: time per MB over the last 10 % of the bytes ÷ over the
 * first 10 %, from the times items finished.
 *
 * Completions are grouped into bursts: a batched writer finishes a whole batch at once, and main
 * then reports its items one by one (a catalog update each, tens of ms apart on a busy machine);
 * counting a batch's items as finished "in no time" after its first would flatter whichever
 * window starts there. The gap that splits bursts comes from the data: gaps between
 * completions, sorted, are bimodal when a writer batches (within a batch vs between batches), so
 * the split is at the largest jump (≥ 4×) among gaps of at least MIN_GAP_MS; when there is no
 * such jump (one item at a time), any gap of MIN_GAP_MS splits. Both windows run from one burst
 * to another:
 * - first: from the first burst (so the worker's cold start and the pipeline filling up, which
 *   would make the start look slow and the ratio look good, are left out) to the first burst
 *   where at least 10 % of the bytes more are done;
 * - last: from the last burst with at most 90 % of the bytes done to the final burst.
 * Each window's bytes are what finished inside it, so a window that had to be stretched to a
 * burst edge is still divided by its own bytes.
 */
export type Finish = Readonly<{ at: number; bytes: number }>;
export type Window = Readonly<{ ms: number; bytes: number; msPerMB: number }>;
export type Linearity = Readonly<{ first: Window; last: Window; ratio: number; bursts: number }>;

const MIN_GAP_MS = 50;
const MIN_JUMP = 4;
const MB = 1024 * 1024;

/** The gap above which two completions belong to different bursts. */
export function splitGap(times: readonly number[]): number {
  const gaps = times
    .slice(1)
    .map((t, i) => t - times[i]!)
    .filter((g) => g >= MIN_GAP_MS)
    .sort((a, b) => a - b);
  let best = { jump: MIN_JUMP, at: MIN_GAP_MS };
  for (let i = 1; i < gaps.length; i++) {
    const jump = gaps[i]! / gaps[i - 1]!;
    if (jump >= best.jump) best = { jump, at: Math.sqrt(gaps[i]! * gaps[i - 1]!) };
  }
  return best.at;
}

function bursts(finishes: readonly Finish[]): { at: number; cum: number }[] {
  const sorted = [...finishes].sort((a, b) => a.at - b.at);
  const split = splitGap(sorted.map((f) => f.at));
  const out: { at: number; cum: number }[] = [];
  let cum = 0;
  for (const f of sorted) {
    cum += f.bytes;
    const last = out.at(-1);
    if (!last || f.at - last.at > split) out.push({ at: f.at, cum });
    else {
      last.at = f.at;
      last.cum = cum;
    }
  }
  return out;
}

const window = (ms: number, bytes: number): Window => ({ ms, bytes, msPerMB: bytes > 0 ? ms / (bytes / MB) : Number.NaN });

/** NaN ratio when there are too few bursts to form two windows. */
export function linearity(finishes: readonly Finish[], share = 0.1): Linearity {
  const b = bursts(finishes);
  const total = b.at(-1)?.cum ?? 0;
  const nan = window(Number.NaN, 0);
  if (b.length < 3 || total === 0) return { first: nan, last: nan, ratio: Number.NaN, bursts: b.length };
  const start = b[0]!;
  const k = b.findIndex((x) => x.cum - start.cum >= share * total);
  const first = k > 0 ? window(b[k]!.at - start.at, b[k]!.cum - start.cum) : nan;
  let j = -1;
  for (let i = 0; i < b.length - 1; i++) if (b[i]!.cum <= (1 - share) * total) j = i;
  const end = b.at(-1)!;
  const last = j >= 0 ? window(end.at - b[j]!.at, end.cum - b[j]!.cum) : nan;
  return { first, last, ratio: last.msPerMB / first.msPerMB, bursts: b.length };
}
