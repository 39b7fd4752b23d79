/**
 * The shape every benchmark reports: each figure with the limit it is measured against in the
 * same run (as a ratio) and its target (pass / miss and by how much).
 */
import type { Summary } from './stats';

export type Target = Readonly<{
  /** Human form, e.g. "≤ 20 ms" or "≥ 0.7". */
  text: string;
  op: '<=' | '>=';
  value: number;
  /** Which number the target applies to: the figure itself or its ratio to the limit. */
  on: 'value' | 'ratio';
}>;

export type Row = Readonly<{
  /** Stable key, e.g. "search.p50". */
  id: string;
  benchmark: string;
  metric: string;
  unit: string;
  /** The figure: a median over `samples` runs unless said otherwise. */
  value: number;
  p95?: number;
  p99?: number;
  samples: number;
  limit?: Readonly<{ name: string; value: number }>;
  /** value / limit.value */
  ratio?: number;
  target?: Target;
  /** Filled by the runner from target: pass, and how far from the target (signed, in the target's unit). */
  pass?: boolean;
  margin?: string;
  how: string;
}>;

export type BenchOutput = Readonly<{
  name: string;
  rows: Row[];
  /** Facts about the run (sizes, counts, peak memory) for results.json and the notes. */
  details: Record<string, unknown>;
  notes: string[];
  /** Breakdowns too wide for rows (e.g. every metric per slice), rendered as tables after them. */
  tables?: readonly Table[];
}>;

/** A table: its first `leftColumns` columns (default 1) are text, the rest right-aligned figures. */
export type Table = Readonly<{ title: string; columns: readonly string[]; rows: readonly (readonly string[])[]; leftColumns?: number }>;

export function evaluate(row: Row): Row {
  const t = row.target;
  if (!t) return row;
  const x = t.on === 'ratio' ? row.ratio : row.value;
  if (x === undefined || !Number.isFinite(x)) return { ...row, pass: false, margin: 'not measured' };
  const pass = t.op === '<=' ? x <= t.value : x >= t.value;
  const diff = t.op === '<=' ? t.value - x : x - t.value;
  const rel = t.value !== 0 ? Math.abs(diff / t.value) * 100 : 0;
  const unit = t.on === 'ratio' ? '×' : ` ${row.unit}`;
  const margin = pass ? `met with ${fmt(Math.abs(diff))}${unit} to spare` : `missed by ${fmt(Math.abs(diff))}${unit} (${rel.toFixed(0)} %)`;
  return { ...row, pass, margin };
}

export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1000) return Math.round(x).toLocaleString('en');
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  return x.toPrecision(2);
}

/** The figure fields of a row: the median of `s` beside the limit it is measured against, and their ratio. */
export function figure(s: Summary, limit: Readonly<{ name: string; value: number }>, opts: Readonly<{ p99?: boolean }> = {}): Pick<Row, 'value' | 'p95' | 'p99' | 'samples' | 'limit' | 'ratio'> {
  return {
    value: s.median,
    p95: s.p95,
    ...(opts.p99 === false ? {} : { p99: s.p99 }),
    samples: s.n,
    limit,
    ratio: s.median / limit.value,
  };
}
