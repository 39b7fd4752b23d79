/** Per-profile provider settings. Everything is off by default: nothing leaves the machine. */
import { z } from 'zod';

const url = z.url({ message: 'baseUrl must be a URL' }).max(500);

export const LlmSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  baseUrl: url.default('http://127.0.0.1:11434/v1'),
  model: z.string().max(200).default(''),
  apiKey: z.string().max(500).optional(),
});

export const EmbeddingSettingsSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('local') }),
  z.object({ provider: z.literal('hashing') }),
  z.object({ provider: z.literal('openai'), baseUrl: url, model: z.string().min(1).max(200), apiKey: z.string().max(500).optional(), dimension: z.number().int().min(1).max(8192).optional() }),
]);

export const SettingsSchema = z.object({
  llm: LlmSettingsSchema.default({ enabled: false, baseUrl: 'http://127.0.0.1:11434/v1', model: '' }),
  embedding: EmbeddingSettingsSchema.default({ provider: 'local' }),
});
export type Settings = z.infer<typeof SettingsSchema>;
