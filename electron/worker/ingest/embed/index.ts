/**
 * Embedder factory. Everything the rest of the app needs from embed/ is re-exported here.
 */
import { z } from 'zod';
import { AppError } from '../../../../shared/domain/errors';
import type { Embedder } from '../types';
import { EmbedderConfigSchema, type EmbedderConfig } from './config';
import { HashingEmbedder } from './hashing-embedder';
import { OpenAiEmbedder } from './openai-embedder';
import { createWordVectorEmbedder } from './word-vector-embedder';

export { DEFAULT_EMBEDDER_CONFIG, EmbedderConfigSchema, type EmbedderConfig } from './config';
export { HashingEmbedder, HASHING_DIMENSION } from './hashing-embedder';
export { OpenAiEmbedder, type OpenAiEmbedderOptions } from './openai-embedder';
export { WordVectorEmbedder, createWordVectorEmbedder, type WordVectorEmbedderOptions } from './word-vector-embedder';
export { loadWordVectorTable, resolveWordVectorsDir, WORD_VECTORS_ENV, type WordVectorTable } from './word-vector-table';
export { cosine } from './vector-math';

/** An embedder plus why it is not the one configured (set only when 'local' fell back to hashing). */
export type CreatedEmbedder = Embedder & { readonly fallbackReason?: string };

export type CreateEmbedderOptions = Readonly<{
  /** Word-vector table folder (packaged apps pass their resources path); see resolveWordVectorsDir. */
  wordVectorsDir?: string;
  /** Where the fallback warning goes (default console.warn). */
  warn?: (message: string) => void;
}>;

/**
 * Builds the configured embedder. `config` may be unvalidated input: it is parsed with
 * {@link EmbedderConfigSchema} and rejected with AppError 'invalid_input'.
 * 'local' falls back to hashing — with a warning and `fallbackReason` — only when the word-vector
 * table was never built; a damaged table is an error ('corrupt'), not a silent downgrade.
 */
export async function createEmbedder(config: EmbedderConfig | unknown, options: CreateEmbedderOptions = {}): Promise<CreatedEmbedder> {
  const parsed = EmbedderConfigSchema.safeParse(config);
  if (!parsed.success) throw new AppError('invalid_input', `Invalid embedder settings: ${z.prettifyError(parsed.error)}`);
  const c = parsed.data;
  switch (c.provider) {
    case 'hashing':
      return new HashingEmbedder();
    case 'openai':
      return new OpenAiEmbedder(c);
    case 'local':
      try {
        return await createWordVectorEmbedder({ dir: options.wordVectorsDir });
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'not_found') throw e;
        const fallbackReason = `${e.message}. Using the hashing embedder instead (no synonyms).`;
        (options.warn ?? console.warn)(`[embed] ${fallbackReason}`);
        return Object.assign(new HashingEmbedder(), { fallbackReason });
      }
  }
}
