import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/domain/errors';
import { DEFAULT_LLM_CONFIG, LlmConfigSchema, requireLlm } from '../../../../electron/worker/ingest/llm/config';
import { createChatClient } from '../../../../electron/worker/ingest/llm/openai-chat';

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a throw');
}

describe('LLM config', () => {
  it('is off by default', () => {
    expect(LlmConfigSchema.parse({})).toEqual({ enabled: false, baseUrl: '', model: '' });
    expect(DEFAULT_LLM_CONFIG.enabled).toBe(false);
  });

  it('accepts a disabled config with blank fields but requires URL and model when enabled', () => {
    expect(LlmConfigSchema.safeParse({ enabled: false, baseUrl: 'half-typed', model: '' }).success).toBe(true);
    const bad = LlmConfigSchema.safeParse({ enabled: true, baseUrl: 'localhost', model: ' ' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['baseUrl', 'model']);
    expect(LlmConfigSchema.safeParse({ enabled: true, baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1' }).success).toBe(true);
  });

  it('requireLlm throws llm_not_configured when disabled or missing', () => {
    for (const c of [DEFAULT_LLM_CONFIG, undefined, null]) {
      const e = thrown(() => requireLlm(c));
      expect(e.code).toBe('llm_not_configured');
      expect(e.message).toMatch(/^No LLM is configured; /);
    }
    expect(thrown(() => createChatClient(DEFAULT_LLM_CONFIG)).code).toBe('llm_not_configured');
  });

  it('requireLlm explains an enabled but incomplete config', () => {
    const e = thrown(() => requireLlm({ enabled: true, baseUrl: '', model: 'm' }));
    expect(e.code).toBe('llm_not_configured');
    expect(e.message).toMatch(/incomplete.*Base URL/s);
  });

  it('requireLlm returns a usable config', () => {
    const c = requireLlm({ enabled: true, baseUrl: ' http://127.0.0.1:1234/v1 ', model: 'qwen2.5' });
    expect(c).toMatchObject({ enabled: true, baseUrl: 'http://127.0.0.1:1234/v1', model: 'qwen2.5' });
    expect(createChatClient(c).id).toBe('openai:qwen2.5@127.0.0.1:1234');
  });
});
