/**
 * Loading of the word-vector table written by scripts/build-word-vectors.mjs
 * (vocab.txt + vectors.f32 + meta.json in build-cache/word-vectors/).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '../../../../shared/domain/errors';

/** Environment variable that points at a table folder (packaged apps, tests, CI caches). */
export const WORD_VECTORS_ENV = 'KENNING_WORD_VECTORS';
const RELATIVE_DIR = join('build-cache', 'word-vectors');

const MetaSchema = z.object({
  format: z.literal(1),
  dimension: z.number().int().positive(),
  count: z.number().int().positive(),
  source: z.string(),
  version: z.string(),
  sourceVocabularySize: z.number().int().positive(),
});
export type WordVectorMeta = z.infer<typeof MetaSchema>;

/** The table in memory: `vectors` holds `count` rows of `dimension` floats, row i is `words[i]`. */
export type WordVectorTable = Readonly<{
  dir: string;
  meta: WordVectorMeta;
  words: readonly string[];
  /** word → row; rows are in corpus-frequency order, so the row number is the frequency rank. */
  index: ReadonlyMap<string, number>;
  vectors: Float32Array;
}>;

/**
 * Where the table lives: explicit option, then $KENNING_WORD_VECTORS, then the nearest
 * `build-cache/word-vectors` with a meta.json above this module or the working directory.
 * Walking up (rather than a fixed `../../../..`) keeps this working after bundling, when the
 * module no longer sits at its source path.
 */
export function resolveWordVectorsDir(explicit?: string): string {
  if (explicit) return resolve(explicit);
  const fromEnv = process.env[WORD_VECTORS_ENV];
  if (fromEnv) return resolve(fromEnv);
  const starts = [moduleDir(), process.cwd()].filter((d): d is string => !!d);
  for (const start of starts) {
    for (let d = start; ; d = dirname(d)) {
      if (existsSync(join(d, RELATIVE_DIR, 'meta.json'))) return join(d, RELATIVE_DIR);
      if (dirname(d) === d) break;
    }
  }
  // Not built: name the conventional place in the error message.
  for (const start of starts) {
    for (let d = start; ; d = dirname(d)) {
      if (existsSync(join(d, 'package.json'))) return join(d, RELATIVE_DIR);
      if (dirname(d) === d) break;
    }
  }
  return resolve(RELATIVE_DIR);
}

function moduleDir(): string | undefined {
  try {
    // Undefined when bundled to CommonJS; the cwd walk covers that case.
    const url = import.meta.url;
    return url ? dirname(fileURLToPath(url)) : undefined;
  } catch {
    return undefined;
  }
}

const cache = new Map<string, Promise<WordVectorTable>>();

/**
 * Loads (once per folder and process) the table. Throws AppError 'not_found' when the table was
 * never built — the signal for the hashing fallback — and 'corrupt' when it is inconsistent.
 */
export function loadWordVectorTable(dir?: string): Promise<WordVectorTable> {
  const folder = resolveWordVectorsDir(dir);
  let p = cache.get(folder);
  if (!p) {
    p = readTable(folder);
    cache.set(folder, p);
    // A failed load must not be cached: the table may be built later in the same process.
    p.catch(() => cache.delete(folder));
  }
  return p;
}

async function readTable(dir: string): Promise<WordVectorTable> {
  const metaPath = join(dir, 'meta.json');
  if (!existsSync(metaPath)) {
    throw new AppError('not_found', `Word-vector table not found in ${dir}; run \`node scripts/build-word-vectors.mjs\` (the npm postinstall step)`, { dir });
  }
  let meta: WordVectorMeta;
  try {
    meta = MetaSchema.parse(JSON.parse(await readFile(metaPath, 'utf8')));
  } catch (e) {
    throw corrupt(dir, `meta.json is invalid (${e instanceof Error ? e.message.slice(0, 200) : String(e)})`);
  }
  // One read per file: 20 MB of vectors is far faster in one go than any streaming.
  const [vocabText, raw] = await Promise.all([readFile(join(dir, 'vocab.txt'), 'utf8'), readFile(join(dir, 'vectors.f32'))]).catch((e: unknown) => {
    throw corrupt(dir, `cannot read table files (${e instanceof Error ? e.message : String(e)})`);
  });
  const expectedBytes = meta.count * meta.dimension * 4;
  if (raw.byteLength !== expectedBytes) throw corrupt(dir, `vectors.f32 has ${raw.byteLength} bytes, expected ${expectedBytes}`);
  const words = vocabText.split('\n');
  if (words[words.length - 1] === '') words.pop();
  if (words.length !== meta.count) throw corrupt(dir, `vocab.txt has ${words.length} words, expected ${meta.count}`);

  // A Float32Array view needs 4-byte alignment; large reads are normally aligned, copy if not.
  const vectors =
    raw.byteOffset % 4 === 0
      ? new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4)
      : new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  const index = new Map<string, number>();
  for (let i = 0; i < words.length; i++) if (!index.has(words[i]!)) index.set(words[i]!, i);
  return { dir, meta, words, index, vectors };
}

function corrupt(dir: string, why: string): AppError {
  return new AppError('corrupt', `Word-vector table in ${dir} is damaged: ${why}; delete the folder and run \`node scripts/build-word-vectors.mjs\``, { dir });
}
