import Papa from 'papaparse';
import { invalidInput } from './errors';

/**
 * CSV/TSV to one line per row, "header: value; header: value", so every chunk carries its
 * column names and a cited row reads on its own. Empty cells are skipped.
 */
export function parseCsv(source: string, fileName: string): { text: string } {
  const result = Papa.parse<string[]>(source.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimiter: '' });
  const rows = result.data;
  if (rows.length === 0) throw invalidInput(`${fileName} contains no CSV rows`);
  const header = rows[0]!.map((h, i) => h.trim() || `column ${i + 1}`);
  if (rows.length === 1) return { text: header.join('; ') };
  const lines: string[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const cells: string[] = [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c]!.replace(/\s+/g, ' ').trim();
      if (v) cells.push(`${header[c] ?? `column ${c + 1}`}: ${v}`);
    }
    if (cells.length) lines.push(cells.join('; '));
  }
  return { text: lines.join('\n') };
}
