/**
 * Embedder selection inside a worker. Ingestion uses the configured embedder; search uses
 * the one the dataset's vectors were written with, and refuses to mix two.
 */
import { AppError } from '../../../shared/domain/errors';
import type { EmbedderSettings } from '../../../shared/worker-protocol';
import { createEmbedder } from '../ingest/embed';
import type { Embedder } from '../ingest/types';

const cache = new Map<string, Promise<Embedder>>();

/** One instance per distinct setting (the word-vector table is loaded once per worker). */
export function embedderFor(settings: EmbedderSettings): Promise<Embedder> {
  const key = JSON.stringify(settings);
  let e = cache.get(key);
  if (!e) {
    e = createEmbedder(settings, { warn: (m) => console.warn(m) });
    e.catch(() => cache.delete(key));
    cache.set(key, e);
  }
  return e;
}

/**
 * The embedder matching a dataset's recorded vectors: the configured one if its id matches,
 * otherwise a built-in one recognised by id, otherwise a clear error asking for a re-embed.
 */
export async function embedderForRecorded(configured: EmbedderSettings, recorded: { embedderId: string; dimension: number } | null): Promise<Embedder | null> {
  if (!recorded) return null;
  const mine = await embedderFor(configured).catch(() => null);
  if (mine && mine.id === recorded.embedderId) return mine;
  for (const builtin of [{ provider: 'local' }, { provider: 'hashing' }] as const) {
    const e = await embedderFor(builtin).catch(() => null);
    if (e && e.id === recorded.embedderId) return e;
  }
  throw new AppError(
    'conflict',
    `This dataset's vectors were made with the embedder "${recorded.embedderId}" (${recorded.dimension} dimensions), not the one configured now; re-embed the dataset to switch`,
  );
}
