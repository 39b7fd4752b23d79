/**
 * Settings for the optional LLM (any OpenAI-compatible chat endpoint). Off by default: Kenning
 * must work fully offline, so every caller checks {@link requireLlm} and has a non-LLM path.
 */
import { z } from 'zod';
import { AppError } from '../../../../shared/domain/errors';

/**
 * `{ enabled, baseUrl, model, apiKey?, timeoutMs? }`. When disabled, baseUrl and model may be
 * blank (the UI keeps what was typed); when enabled they must be a valid http(s) URL and a name.
 */
export const LlmConfigSchema = z
  .object({
    enabled: z.boolean().default(false),
    baseUrl: z.string().trim().default(''),
    model: z.string().trim().default(''),
    apiKey: z.string().optional(),
    timeoutMs: z.number().int().min(100).max(600_000).optional(),
  })
  .superRefine((c, ctx) => {
    if (!c.enabled) return;
    if (!z.url({ protocol: /^https?$/ }).safeParse(c.baseUrl).success) {
      ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: 'Base URL must be an http(s) URL, e.g. http://127.0.0.1:11434/v1' });
    }
    if (!c.model) ctx.addIssue({ code: 'custom', path: ['model'], message: 'Model name is required' });
  });

export type LlmConfig = z.infer<typeof LlmConfigSchema>;
/** A config that passed {@link requireLlm}. */
export type EnabledLlmConfig = LlmConfig & { readonly enabled: true };

export const DEFAULT_LLM_CONFIG: LlmConfig = { enabled: false, baseUrl: '', model: '' };

/**
 * Returns the config if an LLM is enabled and complete; otherwise throws
 * AppError('llm_not_configured') so features that need one can say so instead of failing oddly.
 */
export function requireLlm(config: LlmConfig | null | undefined): EnabledLlmConfig {
  if (!config?.enabled) {
    throw new AppError('llm_not_configured', 'No LLM is configured; enable an OpenAI-compatible endpoint (e.g. Ollama or LM Studio) in Settings, or use the built-in extractor');
  }
  const parsed = LlmConfigSchema.safeParse(config);
  if (!parsed.success) {
    throw new AppError('llm_not_configured', `The LLM settings are incomplete: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data as EnabledLlmConfig;
}
