import { invalidInput } from './errors';

/** Depth beyond which nesting is cut off: deeper JSON is machine data, not prose. */
const MAX_DEPTH = 64;

/**
 * JSON to readable "path: value" lines (e.g. `authors[0].name: Marie Curie`), one per leaf.
 * JSON Lines (one value per line) is accepted too.
 */
export function parseJson(source: string, fileName: string): { text: string } {
  const trimmed = source.replace(/^\uFEFF/, '');
  let values: unknown[];
  try {
    values = [JSON.parse(trimmed)];
  } catch (e) {
    values = tryJsonLines(trimmed) ?? [];
    if (values.length === 0) {
      const why = e instanceof Error ? e.message.slice(0, 120) : 'syntax error';
      throw invalidInput(`${fileName} is not valid JSON (${why})`);
    }
  }
  const lines: string[] = [];
  values.forEach((v, i) => flatten(v, values.length > 1 ? `[${i}]` : '', lines, 0));
  return { text: lines.join('\n') };
}

function tryJsonLines(s: string): unknown[] | undefined {
  const rows = s.split('\n').filter((l) => l.trim());
  if (rows.length < 2) return undefined;
  try {
    return rows.map((l) => JSON.parse(l) as unknown);
  } catch {
    return undefined;
  }
}

function flatten(v: unknown, path: string, out: string[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(v)) {
    v.forEach((item, i) => flatten(item, `${path}[${i}]`, out, depth + 1));
    return;
  }
  if (v !== null && typeof v === 'object') {
    for (const [k, child] of Object.entries(v)) flatten(child, path ? `${path}.${k}` : k, out, depth + 1);
    return;
  }
  const value = typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : String(v);
  if (value === '') return;
  out.push(path ? `${path}: ${value}` : value);
}
