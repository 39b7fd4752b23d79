/**
 * Which embedder to use: the settings UI and the contract validate with this schema too.
 */
import { z } from 'zod';

const LocalSchema = z.object({ provider: z.literal('local') });
const HashingSchema = z.object({ provider: z.literal('hashing') });
const OpenAiSchema = z.object({
  provider: z.literal('openai'),
  baseUrl: z.url({ protocol: /^https?$/, error: 'Base URL must be an http(s) URL' }),
  model: z.string().trim().min(1, 'Model name is required'),
  apiKey: z.string().optional(),
  dimension: z.number().int().positive().max(65_536).optional(),
  batchSize: z.number().int().min(1).max(2_048).optional(),
  timeoutMs: z.number().int().min(100).max(600_000).optional(),
});

/**
 * `local`: GloVe word vectors built at install time (default; no network).
 * `hashing`: feature hashing, no files at all (fallback; no synonyms).
 * `openai`: any OpenAI-compatible /v1/embeddings server.
 */
export const EmbedderConfigSchema = z.discriminatedUnion('provider', [LocalSchema, HashingSchema, OpenAiSchema]);
export type EmbedderConfig = z.infer<typeof EmbedderConfigSchema>;

export const DEFAULT_EMBEDDER_CONFIG: EmbedderConfig = { provider: 'local' };
