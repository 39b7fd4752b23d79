/**
 * /api/v1/configuration, as cognee/api/v1/users/routers/get_configuration_router.py answers it:
 * a profile stores named JSON configurations (`{ name, config }`, upserted by name) and lists
 * them. A configuration that carries Cognee's LLM keys (`llm_provider`, `llm_model`,
 * `llm_endpoint`, `llm_api_key`) also sets the profile's language model through Kenning's own
 * settings.get / settings.set, so a Cognee client can configure the LLM. The API key goes to the
 * settings only; the stored configuration never keeps it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';

import type { Core } from '../../core/core';
import type { HostContext } from '../context';
import { callCore, camelKeys, parse, v1, V1Failure } from './common';

const StoreBody = z.object({ name: z.string(), config: z.record(z.string(), z.unknown()) });

/** Providers Kenning can reach: any OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp, OpenAI). */
const OPENAI_COMPATIBLE = new Set(['openai', 'ollama', 'custom', 'openai-compatible', 'vllm', 'lm_studio', 'llama_cpp']);
const DEFAULT_ENDPOINT: Readonly<Record<string, string>> = { openai: 'https://api.openai.com/v1', ollama: 'http://127.0.0.1:11434/v1' };
const LLM_KEYS = ['llm_provider', 'llm_model', 'llm_endpoint', 'llm_api_key'] as const;

export function registerConfigurationRoutes(app: FastifyInstance, ctx: HostContext): void {
  const { core } = ctx;

  app.post('/api/v1/configuration/store_user_configuration', v1(async (req) => {
    const b = parse(StoreBody, camelKeys(req.body ?? {}), 'body');
    const llm = llmKeys(b.config);
    if (llm) await applyLlm(core, req, llm);
    const stored: Record<string, unknown> = { ...b.config };
    delete stored.llm_api_key;
    delete stored.llmApiKey;
    await callCore(core, req, 'configurations.store', { name: b.name, configuration: stored });
    return null;
  }));

  const list = async (req: FastifyRequest) =>
    (await callCore(core, req, 'configurations.list', {})).map((c) => ({
      id: c.id,
      ownerId: null as string | null,
      name: c.name,
      configuration: c.configuration,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    }));
  app.get('/api/v1/configuration/get_user_configuration', v1(async (req) => {
    const me = await callCore(core, req, 'auth.me', {});
    return (await list(req)).map((c) => ({ ...c, ownerId: me.id }));
  }));
  // Cognee answers an unknown id with {} (200). Only the caller's own configurations are looked at.
  app.get('/api/v1/configuration/get_user_configuration/:configId', v1(async (req) => {
    const { config_id: id } = parse(z.object({ config_id: z.uuid() }), { config_id: (req.params as { configId: string }).configId }, 'path');
    return (await list(req)).find((c) => c.id === id)?.configuration ?? {};
  }));
}

type LlmKeys = Partial<Record<(typeof LLM_KEYS)[number], string>>;

/** Cognee's LLM keys in a configuration (snake_case or camelCase), or null when it has none. */
function llmKeys(config: Record<string, unknown>): LlmKeys | null {
  const out: LlmKeys = {};
  for (const k of LLM_KEYS) {
    const v = config[k] ?? config[k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())];
    if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim();
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** Sets the profile's LLM from Cognee's keys; a provider Kenning cannot reach is refused, not ignored. */
async function applyLlm(core: Core, req: FastifyRequest, llm: LlmKeys): Promise<void> {
  const provider = llm.llm_provider?.toLowerCase();
  if (provider && !OPENAI_COMPATIBLE.has(provider)) {
    throw new V1Failure({
      status: 400,
      body: { detail: `llm_provider '${llm.llm_provider}' is not supported: Kenning talks to OpenAI-compatible servers only (openai, ollama, custom). Give llm_endpoint of such a server.` },
    });
  }
  const { settings } = await callCore(core, req, 'settings.get', {});
  // LiteLLM-style names ("openai/gpt-4o-mini") carry the provider; an OpenAI-compatible server wants the bare model.
  const model = llm.llm_model?.replace(/^(openai|ollama|custom|hosted_vllm)\//, '') ?? settings.llm.model;
  const baseUrl = llm.llm_endpoint ?? (provider ? DEFAULT_ENDPOINT[provider] : undefined) ?? settings.llm.baseUrl;
  const apiKey = llm.llm_api_key ?? settings.llm.apiKey;
  await callCore(core, req, 'settings.set', {
    settings: { ...settings, llm: { enabled: model.trim() !== '', baseUrl, model, ...(apiKey !== undefined ? { apiKey } : {}) } },
  });
}
