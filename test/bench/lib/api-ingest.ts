/**
 * add + cognify of a list of files into one dataset through the real core API (data.add 25
 * files per call, then cognify.run with runInBackground false), with the time main saw each
 * item's run.progress events: per dataId, per stage. Bytes are read per call, so the files
 * are never all in memory at once.
 */
import type { BenchCore } from './core';
import type { LargeFile } from './large-corpus';
import { readBytes } from './large-corpus';
import { now } from './stats';

/** The stages the worker reports, in order, then the terminal ones main reports. */
export const ITEM_STAGES = ['classify', 'parse', 'chunk', 'extract', 'summarize', 'embed', 'write'] as const;
export type ItemStage = (typeof ITEM_STAGES)[number];

export type IngestedItem = Readonly<{ dataId: string; file: LargeFile; stamps: ReadonlyMap<string, number>; error?: string }>;

export type IngestResult = Readonly<{
  addMs: number;
  cognifyMs: number;
  /** When cognify.run was called (the `now()` clock the stamps use). */
  cognifyStart: number;
  items: readonly IngestedItem[];
  itemsDone: number;
  itemsFailed: number;
  runStatus: string;
}>;

const ADD_BATCH = 25;

export async function ingestFiles(t: BenchCore, token: string, datasetId: string, files: readonly LargeFile[]): Promise<IngestResult> {
  const stamps = new Map<string, Map<string, number>>();
  const errors = new Map<string, string>();
  const off = t.core.subscribe(
    () => ({ token }),
    (ev, payload) => {
      if (ev !== 'run.progress') return;
      const p = payload as { dataId: string | null; stage: string; message?: string };
      if (!p.dataId) return;
      let m = stamps.get(p.dataId);
      if (!m) stamps.set(p.dataId, (m = new Map()));
      m.set(p.stage, now());
      if (p.stage === 'error') errors.set(p.dataId, p.message ?? '(no message)');
    },
  );
  try {
    const ids: { dataId: string; file: LargeFile }[] = [];
    const t0 = now();
    for (let i = 0; i < files.length; i += ADD_BATCH) {
      const batch = files.slice(i, i + ADD_BATCH);
      const r = await t.call(token, 'data.add', { datasetId, files: batch.map((f) => ({ name: f.name, bytes: readBytes(f) })) });
      const bad = r.items.filter((x) => x.status !== 'added');
      if (bad.length) throw new Error(`data.add: ${bad.map((b) => `${b.name}: ${b.status} ${b.reason ?? ''}`).join('; ')}`);
      r.items.forEach((x, k) => ids.push({ dataId: x.dataId!, file: batch[k]! }));
    }
    const t1 = now();
    const [run] = await t.call(token, 'cognify.run', { datasetIds: [datasetId], runInBackground: false });
    const t2 = now();
    return {
      addMs: t1 - t0,
      cognifyMs: t2 - t1,
      cognifyStart: t1,
      items: ids.map(({ dataId, file }) => {
        const error = errors.get(dataId);
        return { dataId, file, stamps: stamps.get(dataId) ?? new Map(), ...(error !== undefined ? { error } : {}) };
      }),
      itemsDone: run?.itemsDone ?? 0,
      itemsFailed: run?.itemsFailed ?? 0,
      runStatus: run?.status ?? 'no run',
    };
  } finally {
    off();
  }
}

/** Sum over items of the time from each stage's event to the next one's (the last stage ends at 'done'). */
export function stageTimes(items: readonly IngestedItem[]): Record<ItemStage, number> {
  const out = Object.fromEntries(ITEM_STAGES.map((s) => [s, 0])) as Record<ItemStage, number>;
  const order = [...ITEM_STAGES, 'done'] as const;
  for (const it of items)
    for (let i = 0; i < ITEM_STAGES.length; i++) {
      const a = it.stamps.get(order[i]!);
      const b = it.stamps.get(order[i + 1]!);
      if (a !== undefined && b !== undefined) out[ITEM_STAGES[i]!] += b - a;
    }
  return out;
}

/** When the item finished, done or errored (undefined if main never said). */
export const endOf = (it: IngestedItem): number | undefined => it.stamps.get('done') ?? it.stamps.get('error');
